import { AppError } from '../errors'

type Person = { failures: number[]; inFlight: number; lastTry: number }

const FAILURE_MEMORY_MS = 15 * 60_000
const MAX_DELAY_MS = 60_000

// Password guesses against one person, however the identifier is written (phone or national ID: one
// person, one record). A guess reserves its place before the password is checked, so parallel guesses
// cannot slip past the count, and counts as a failure until it succeeds.
// The first `free` guesses within a minute go through at once; past them each guess must wait a delay
// that doubles with every failure of the last 15 minutes (1 s, 2 s, 4 s … at most 60 s) after the
// previous one. Guessing slows to a crawl, while the owner, who knows the password, waits a minute at
// most: nobody can lock a person out by knowing their phone number.
export class GuessGuard {
  private people = new Map<string, Person>()
  constructor(private now: () => number) {}

  // Returns the function to call with the outcome ('none': the password was never checked); throws
  // RATE_LIMITED when the guess must wait.
  reserve(key: string, free: number): (outcome: 'success' | 'failure' | 'none') => void {
    const now = this.now()
    let p = this.people.get(key)
    if (!p) {
      this.people.set(key, (p = { failures: [], inFlight: 0, lastTry: 0 }))
      if (this.people.size > 100_000) this.prune(now)
    }
    p.failures = p.failures.filter((t) => now - t < FAILURE_MEMORY_MS)
    const lastMinute = p.failures.filter((t) => now - t < 60_000).length
    const counted = p.failures.length + p.inFlight
    if (lastMinute + p.inFlight >= free) {
      const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.max(0, counted - free))
      if (p.inFlight > 0 || now < p.lastTry + delay) throw guessLater(p.inFlight > 0 ? 1000 : p.lastTry + delay - now)
    }
    p.inFlight++
    p.lastTry = now
    const person = p
    return (outcome) => {
      person.inFlight--
      if (outcome === 'success') person.failures = []
      else if (outcome === 'failure') person.failures.push(this.now())
    }
  }

  private prune(now: number) {
    for (const [k, p] of this.people) if (p.inFlight === 0 && now - p.lastTry > FAILURE_MEMORY_MS) this.people.delete(k)
  }
}

function guessLater(waitMs: number) {
  const retryAfter = Math.max(1, Math.ceil(waitMs / 1000))
  return new AppError('RATE_LIMITED', `Đăng nhập sai nhiều lần. Vui lòng thử lại sau ${retryAfter} giây.`, { retryAfter })
}
