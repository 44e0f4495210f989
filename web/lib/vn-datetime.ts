// Dates and times typed as Vietnamese people write them (dd/mm/yyyy, 24 h HH:mm), the same in every
// browser language, unlike <input type="datetime-local">. Values travel as "yyyy-mm-ddTHH:mm" in
// Hà Nội time (web/lib/format.ts turns that into an instant).

// What a date-and-time pair that is neither empty nor valid stands for in a form's state.
export const INVALID_DATETIME = 'invalid'

const two = (n: number) => String(n).padStart(2, '0')

// "7/12/2026", "07.12.2026", "07-12-2026" or 8 digits "07122026" → "2026-12-07"; null if not a real day.
export function parseVnDate(text: string): string | null {
  const t = text.trim()
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(t)
  if (!m) return null
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const d = new Date(Date.UTC(year, month - 1, day))
  if (year < 1900 || d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null
  return `${year}-${two(month)}-${two(day)}`
}

// "21:30", "21h30", "21.30", "9:05" or 4 digits "2130" → "21:30"; null outside 00:00–23:59.
export function parseVnTime(text: string): string | null {
  const t = text.trim().toLowerCase()
  const m = /^(\d{1,2})[:h.](\d{2})$/.exec(t) ?? /^(\d{2})(\d{2})$/.exec(t)
  if (!m) return null
  const [hour, minute] = [Number(m[1]), Number(m[2])]
  return hour < 24 && minute < 60 ? `${two(hour)}:${two(minute)}` : null
}

// The two texts as a form value: "yyyy-mm-ddTHH:mm", '' when both are empty, INVALID_DATETIME otherwise.
export function vnDateTimeValue(dateText: string, timeText: string): string {
  if (!dateText.trim() && !timeText.trim()) return ''
  const day = parseVnDate(dateText)
  const time = parseVnTime(timeText)
  return day && time ? `${day}T${time}` : INVALID_DATETIME
}

// A form value back into the texts shown: "2026-12-07T21:30" → ["07/12/2026", "21:30"].
export function vnDateTimeTexts(value: string): [string, string] {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value)
  return m ? [`${m[3]}/${m[2]}/${m[1]}`, `${m[4]}:${m[5]}`] : ['', '']
}

// Why the pair cannot be read, in Vietnamese; undefined when it can (or is empty).
export function vnDateTimeProblem(dateText: string, timeText: string, required: boolean): string | undefined {
  if (!dateText.trim() && !timeText.trim()) return required ? 'Hãy nhập ngày và giờ.' : undefined
  if (!parseVnDate(dateText)) return `Ngày "${dateText.trim()}" không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 07/12/2026.`
  if (!parseVnTime(timeText)) return `Giờ "${timeText.trim()}" không hợp lệ: nhập giờ:phút theo 24 giờ, ví dụ 21:30.`
  return undefined
}
