export type Clock = { now(): number }
export const systemClock: Clock = { now: () => Date.now() }

export const iso = (ms: number) => new Date(ms).toISOString()
export const isoOrNull = (ms: number | null | undefined) => (ms == null ? null : iso(ms))

// Hà Nội is UTC+7 all year (no daylight saving): local time is the instant plus this.
export const HANOI_OFFSET_MS = 7 * 3600_000

// A calendar day "YYYY-MM-DD" as people read it, "dd/mm/yyyy" (anything else is left as it is).
export const vnDay = (day: string) => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? day.split('-').reverse().join('/') : day)

// An instant as people in Việt Nam read it: dd/mm/yyyy HH:mm:ss on Hà Nội time.
export function hanoiDateTime(ms: number | string): string {
  const [day, time] = new Date(new Date(ms).getTime() + HANOI_OFFSET_MS).toISOString().split('T')
  return `${vnDay(day)} ${time.slice(0, 8)}`
}

// The instant's Hà Nội day, dd/mm/yyyy.
export const hanoiDate = (ms: number | string) => hanoiDateTime(ms).slice(0, 10)
