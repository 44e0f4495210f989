// How printed documents write dates, times and numbers: Hà Nội time (UTC+7 all year), 24 h, decimal comma.
import { HANOI_OFFSET_MS } from '../lib/time'
const two = (n: number) => String(n).padStart(2, '0')

function hanoi(ms: number) {
  const d = new Date(ms + HANOI_OFFSET_MS)
  return { day: d.getUTCDate(), month: d.getUTCMonth() + 1, year: d.getUTCFullYear(), hour: d.getUTCHours(), minute: d.getUTCMinutes() }
}

// The place and date line of an official document (Nghị định 30/2020/NĐ-CP): days below 10 and the
// months 1 and 2 take a leading zero, "Hà Nội, ngày 07 tháng 12 năm 2026".
export function placeAndDate(place: string, ms: number): string {
  const { day, month, year } = hanoi(ms)
  return `${place}, ngày ${two(day)} tháng ${month < 3 ? two(month) : month} năm ${year}`
}

export function dateTimeVn(ms: number): string {
  const t = hanoi(ms)
  return `${two(t.hour)}:${two(t.minute)} ${two(t.day)}/${two(t.month)}/${t.year}`
}

export const dateVn = (ms: number) => dateTimeVn(ms).slice(6)

// Scores with a decimal comma and at most two decimals: 4,5 and 5.
export const numberVn = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/\.?0+$/, '').replace('.', ','))

// A duration as phút:giây, tenths kept when they break ties (12:05,3).
export function minutesSeconds(ms: number): string {
  const tenths = Math.round(ms / 100)
  const s = Math.floor(tenths / 10)
  const rest = tenths % 10
  return `${two(Math.floor(s / 60))}:${two(s % 60)}${rest ? `,${rest}` : ''}`
}

export const percentVn = (rate: number | null) => (rate == null ? '–' : `${(rate * 100).toFixed(1).replace('.', ',')}%`)
