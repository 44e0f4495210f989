import { AppError } from '../errors'

// Password guesses against one person, however the identifier is written (phone or national ID: one
// person, one record). A guess reserves its place before the password is checked, so parallel guesses
// cannot slip past the count, and counts as a failure until it succeeds.
// The first `free` guesses within a minute go through at once; past them each guess must wait a delay
// that doubles with every failure of the last 15 minutes (1 s, 2 s, 4 s … at most 60 s) after the
// previous one. Guessing slows to a crawl, while the owner, who knows the password, waits a minute at
// most: nobody can lock a person out by knowing their phone number.
// The policy is pure (admitGuess, settleGuess); GuessGuard keeps the states in memory for one process,
// SharedGuessGuard (api/lib/shared-guess-guard.ts) in the database for servers that share one.

export type Outcome = 'success' | 'failure' | 'none' // 'none': the password was never checked
export type Settle = (outcome: Outcome) => void | Promise<void>
export type Guesses = { reserve(key: string, free: number): Settle | Promise<Settle> }

// failures: when each failure of the last 15 minutes happened; inFlight: when each guess being checked
// stops counting as such (a server that died mid-check does not hold the person forever).
export type GuessState = { failures: number[]; inFlight: number[]; lastTry: number }

const FAILURE_MEMORY_MS = 15 * 60_000
const MAX_DELAY_MS = 60_000
export const IN_FLIGHT_MS = 30_000

export const freshGuessState = (): GuessState => ({ failures: [], inFlight: [], lastTry: 0 })

// The state with this guess reserved, or how long the guess must wait.
export function admitGuess(state: GuessState, now: number, free: number): { state: GuessState } | { waitMs: number } {
  const failures = state.failures.filter((t) => now - t < FAILURE_MEMORY_MS)
  const inFlight = state.inFlight.filter((until) => until > now)
  const lastMinute = failures.filter((t) => now - t < 60_000).length
  if (lastMinute + inFlight.length >= free) {
    const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.max(0, failures.length + inFlight.length - free))
    if (inFlight.length > 0) return { waitMs: 1000 }
    if (now < state.lastTry + delay) return { waitMs: state.lastTry + delay - now }
  }
  return { state: { failures, inFlight: [...inFlight, now + IN_FLIGHT_MS], lastTry: now } }
}

// The state once a reserved guess is decided: a success forgets the failures, a failure adds one.
export function settleGuess(state: GuessState, outcome: Outcome, now: number): GuessState {
  const inFlight = state.inFlight.slice(1)
  if (outcome === 'success') return { ...state, failures: [], inFlight }
  if (outcome === 'failure') return { ...state, failures: [...state.failures, now], inFlight }
  return { ...state, inFlight }
}

export function guessLater(waitMs: number) {
  const retryAfter = Math.max(1, Math.ceil(waitMs / 1000))
  return new AppError('RATE_LIMITED', `Đăng nhập sai nhiều lần. Vui lòng thử lại sau ${retryAfter} giây.`, { retryAfter })
}

export class GuessGuard implements Guesses {
  private people = new Map<string, GuessState>()
  constructor(private now: () => number) {}

  // Returns the function to call with the outcome; throws RATE_LIMITED when the guess must wait.
  reserve(key: string, free: number): Settle {
    const now = this.now()
    const admitted = admitGuess(this.people.get(key) ?? freshGuessState(), now, free)
    if ('waitMs' in admitted) throw guessLater(admitted.waitMs)
    this.people.set(key, admitted.state)
    if (this.people.size > 100_000) this.prune(now)
    return (outcome) => {
      const current = this.people.get(key)
      if (current) this.people.set(key, settleGuess(current, outcome, this.now()))
    }
  }

  private prune(now: number) {
    for (const [k, p] of this.people) if (p.inFlight.every((until) => until <= now) && now - p.lastTry > FAILURE_MEMORY_MS) this.people.delete(k)
  }
}
