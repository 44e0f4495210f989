// Dates as dd/mm/yyyy and times in Asia/Ho_Chi_Minh whatever the phone's own time zone (SPEC §1).
const TZ = 'Asia/Ho_Chi_Minh'
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
})

function pieces(t: number | string | Date) {
  const d = t instanceof Date ? t : new Date(t)
  const out: Record<string, string> = {}
  for (const p of parts.formatToParts(d)) out[p.type] = p.value
  return out
}

export function fmtDateTime(t: number | string | Date): string {
  const p = pieces(t)
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`
}

// "2026-03-02" (from a date input) shown as 02/03/2026.
export const fmtIsoDay = (day: string) => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? day.split('-').reverse().join('/') : day)

// Durations as m:ss (or h:mm:ss), the same in both languages.
export function fmtDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  const two = (n: number) => String(n).padStart(2, '0')
  const h = Math.floor(s / 3600)
  return h ? `${h}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}` : `${Math.floor(s / 60)}:${two(s % 60)}`
}

// Vietnamese numbers: a decimal comma (5,67), as in every other figure people read here.
export const fmtScore = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/\.?0+$/, '').replace('.', ','))
export const fmtPercent = (r: number | null) => (r == null ? '–' : `${(r * 100).toFixed(1).replace('.', ',')}%`)

// A datetime-local value (read as Hanoi time, UTC+7 all year) to an ISO instant, and back.
export function hanoiLocalToIso(local: string): string {
  return new Date(`${local}:00+07:00`).toISOString()
}
export function isoToHanoiLocal(iso: string | number): string {
  const d = new Date(new Date(iso).getTime() + 7 * 3600_000)
  return d.toISOString().slice(0, 16)
}
