// Where JSON.parse failed. Node 20's messages do not always carry a position, and an organizer needs
// the line of a missing comma, so this walks the text with the JSON grammar and stops at the first fault.
class Fault {
  constructor(readonly offset: number) {}
}

export function jsonFaultOffset(text: string): number | null {
  let i = 0
  const fail = (): never => {
    throw new Fault(i)
  }
  const space = () => {
    while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r') i++
  }
  const expect = (ch: string) => (text[i] === ch ? i++ : fail())
  const string = () => {
    expect('"')
    for (; i < text.length; i++) {
      if (text[i] === '"') {
        i++
        return
      }
      if (text[i] === '\\') i++
      else if (text.charCodeAt(i) < 0x20) fail()
    }
    fail()
  }
  const sequence = (close: string, item: () => void) => {
    i++
    space()
    if (text[i] !== close) {
      item()
      space()
      while (text[i] !== close) {
        expect(',')
        item()
        space()
      }
    }
    i++
  }
  const member = () => {
    space()
    string()
    space()
    expect(':')
    value()
  }
  const value = (): void => {
    space()
    const ch = text[i]
    if (ch === '{') return sequence('}', member)
    if (ch === '[') return sequence(']', value)
    if (ch === '"') return string()
    const token = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y
    token.lastIndex = i
    if (!token.test(text)) fail()
    i = token.lastIndex
  }
  try {
    value()
    space()
    return i < text.length ? i : null
  } catch (e) {
    return e instanceof Fault ? e.offset : 0
  }
}
