import { setImmediate as nextTurn } from 'node:timers/promises'

// Runs work written as a generator to its end, giving the event loop a turn before each step (the first
// one too: what was waiting when the work began goes first), so big reads never stop other requests for
// longer than a step. Resolves to what the generator returns.
export async function inSteps<T>(work: Generator<void, T>): Promise<T> {
  for (;;) {
    await nextTurn()
    const next = work.next()
    if (next.done) return next.value
  }
}
