import { get, lock, run, transaction, type Program } from '../../db/program'
import { admitGuess, freshGuessState, guessLater, settleGuess, type GuessState, type Guesses, type Outcome, type Settle } from './guess-guard'

// The sign-in guess policy (api/lib/guess-guard.ts) with each person's state in the database, so guesses
// spread over several servers count as one stream. The per-key lock makes the read, the decision and the
// write one step: parallel guesses on two servers cannot both take the last free place.

function* stateOf(key: string): Program<GuessState> {
  const row = yield* get<{ failures: string; inFlight: string; lastTry: number }>('SELECT failures, in_flight AS "inFlight", last_try AS "lastTry" FROM guess_guard WHERE key = ?', key)
  return row ? { failures: JSON.parse(row.failures), inFlight: JSON.parse(row.inFlight), lastTry: row.lastTry } : freshGuessState()
}

function* store(key: string, state: GuessState): Program<void> {
  yield* run(`INSERT INTO guess_guard (key, failures, in_flight, last_try) VALUES (?, ?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, in_flight = excluded.in_flight, last_try = excluded.last_try`,
    key, JSON.stringify(state.failures), JSON.stringify(state.inFlight), state.lastTry)
}

export function* reserveGuess(key: string, free: number, now: number): Program<{ waitMs: number } | null> {
  return yield* transaction(function* () {
    yield* lock(`guess:${key}`)
    const admitted = admitGuess(yield* stateOf(key), now, free)
    if ('waitMs' in admitted) return { waitMs: admitted.waitMs }
    yield* store(key, admitted.state)
    return null
  })
}

export function* settleSharedGuess(key: string, outcome: Outcome, now: number): Program<void> {
  yield* transaction(function* () {
    yield* lock(`guess:${key}`)
    yield* store(key, settleGuess(yield* stateOf(key), outcome, now))
  })
}

export class SharedGuessGuard implements Guesses {
  constructor(private runProgram: <T>(program: Program<T>) => Promise<T>, private now: () => number) {}

  async reserve(key: string, free: number): Promise<Settle> {
    const refused = await this.runProgram(reserveGuess(key, free, this.now()))
    if (refused) throw guessLater(refused.waitMs)
    return (outcome) => this.runProgram(settleSharedGuess(key, outcome, this.now()))
  }
}
