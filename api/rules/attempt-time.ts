// When an attempt may be written, when it ends, and when its round's keys may be shown (SPEC §3): the one
// place that knows deadline, grace, expiry and review. Callers in SQL use the fragments below.
export type RoundTimes = { closesAt: number; timeLimitSec: number; graceSec: number }

export const graceMs = (r: Pick<RoundTimes, 'graceSec'>) => r.graceSec * 1000

// deadlineAt = min(startedAt + time limit, closesAt).
export const deadlineFor = (startedAt: number, r: Pick<RoundTimes, 'closesAt' | 'timeLimitSec'>) => Math.min(startedAt + r.timeLimitSec * 1000, r.closesAt)

// The last moment a write to the attempt is accepted: its deadline plus the round's network grace.
export const writableUntil = (deadlineAt: number, r: Pick<RoundTimes, 'graceSec'>) => deadlineAt + graceMs(r)

// An attempt in progress past deadline plus grace is expired: scored from the answers saved in time.
export const isPastWrites = (deadlineAt: number, r: Pick<RoundTimes, 'graceSec'>, now: number) => now > writableUntil(deadlineAt, r)

// End time = min(submittedAt, deadlineAt); an expired attempt ends at its deadline.
export const endedAt = (submittedAt: number | null, deadlineAt: number) => (submittedAt == null ? deadlineAt : Math.min(submittedAt, deadlineAt))

// Keys and explanations stay hidden until closesAt plus grace, when no write can be accepted any more;
// finalizing waits for the same moment.
export const reviewOpensAt = (r: Pick<RoundTimes, 'closesAt' | 'graceSec'>) => r.closesAt + graceMs(r)
export const reviewOpen = (r: Pick<RoundTimes, 'closesAt' | 'graceSec'>, now: number) => now >= reviewOpensAt(r)

// The same as SQL over an attempts alias and a rounds alias: attempts due for expiry at @now.
export const pastWritesSql = (attempt: string, round: string, now: string) => `${attempt}.deadline_at + ${round}.grace_sec * 1000 < ${now}`
