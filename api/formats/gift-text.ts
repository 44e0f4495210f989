import { dropMedia, hasMedia, htmlToText } from './html-text'

// Escaped control characters become private-use placeholders while the question is cut up,
// then turn back into the characters (Moodle does the same with "&&058;"-style markers).
const ESCAPABLE = '\\:#={}~n'
const PLACEHOLDER_BASE = 0xe000

export function protectEscapes(text: string): string {
  return text.replace(/\\([\\:#={}~n])/g, (_, ch: string) => String.fromCharCode(PLACEHOLDER_BASE + ESCAPABLE.indexOf(ch)))
}

export function restoreEscapes(text: string): string {
  return text.replace(/[\ue000-\ue007]/g, (ch) => {
    const original = ESCAPABLE[ch.charCodeAt(0) - PLACEHOLDER_BASE]
    return original === 'n' ? '\n' : original
  })
}

// Writing: Moodle's repchar(), so that Moodle and this parser read the text back unchanged.
export function escapeGift(text: string): string {
  return text.replace(/[\\:#={}~]/g, (ch) => '\\' + ch).replace(/\r\n|\r|\n/g, '\\n')
}

export type GiftFormat = 'moodle' | 'html' | 'plain' | 'markdown'
const FORMATS: GiftFormat[] = ['moodle', 'html', 'plain', 'markdown']

// "[html]text" → html; an unknown bracket such as "[1]" stays part of the text (Moodle).
export function splitFormat(text: string, fallback: GiftFormat): { format: GiftFormat; text: string } {
  const tag = /^\[([a-z]+)\]/.exec(text)?.[1]
  const format = FORMATS.find((f) => f === tag)
  return format ? { format, text: text.slice(format.length + 2) } : { format: fallback, text }
}

// Turns one piece of GIFT text (still holding placeholders) into plain text; reports embedded media.
export function giftText(raw: string, format: GiftFormat): { text: string; media: boolean } {
  const text = restoreEscapes(raw.trim())
  const media = hasMedia(text)
  if (format === 'html') return { text: htmlToText(text), media }
  return { text: (media ? dropMedia(text) : text).trim(), media }
}
