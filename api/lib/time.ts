export type Clock = { now(): number }
export const systemClock: Clock = { now: () => Date.now() }

export const iso = (ms: number) => new Date(ms).toISOString()
export const isoOrNull = (ms: number | null | undefined) => (ms == null ? null : iso(ms))

// An instant as people in Việt Nam read it: dd/mm/yyyy HH:mm:ss on Hà Nội time (UTC+7 all year, no DST).
export function hanoiDateTime(ms: number): string {
  const [day, time] = new Date(ms + 7 * 3600_000).toISOString().split('T')
  return `${day.split('-').reverse().join('/')} ${time.slice(0, 8)}`
}
