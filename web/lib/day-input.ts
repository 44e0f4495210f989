// A day typed as dd/mm/yyyy (the way it is read here, whatever the browser's language) as "YYYY-MM-DD";
// '' for an empty field and null for one that is not a real date.
export function parseDay(text: string): string | null {
  const s = text.trim()
  if (!s) return ''
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s)
  if (!m) return null
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null
  return date.toISOString().slice(0, 10)
}
