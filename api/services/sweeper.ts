import type { Store } from '../../db/store'
import { pruneRateHits } from '../lib/shared-rate-limit'
import type { Clock } from '../lib/time'
import { expireDue } from './attempts'

const PRUNE_EVERY = 60 // sweeps: once a minute, counted seconds that left every window are deleted

// Attempts past deadline plus grace are scored at start-up and at least every second, with no client call.
// One server sweeps at a time (store.exclusive): on PostgreSQL the others skip their turn while it runs.
export function startSweeper(deps: { store: Store; clock: Clock }, intervalMs = 1000): () => void {
  let sweeps = 0
  let running = false
  const sweep = async () => {
    if (running) return
    running = true
    try {
      await deps.store.exclusive('sweeper', async () => {
        const now = deps.clock.now()
        await deps.store.read(expireDue({ now }))
        if (sweeps++ % PRUNE_EVERY === 0) await deps.store.write(() => pruneRateHits(now))
      })
    } catch (err) {
      console.error(JSON.stringify({ t: new Date().toISOString(), level: 'error', what: 'sweep', error: String(err) }))
    } finally {
      running = false
    }
  }
  void sweep()
  const timer = setInterval(() => void sweep(), intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
