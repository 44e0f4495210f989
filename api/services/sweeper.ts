import type { Db } from '../../db/client'
import type { Clock } from '../lib/time'
import { expireDueAttempts } from './attempts'

// Attempts past deadline plus grace are scored at start-up and at least every second, with no client call.
export function startSweeper(deps: { db: Db; clock: Clock }, intervalMs = 1000): () => void {
  const sweep = () => {
    try {
      expireDueAttempts({ db: deps.db, now: deps.clock.now() })
    } catch (err) {
      console.error(JSON.stringify({ t: new Date().toISOString(), level: 'error', what: 'sweep', error: String(err) }))
    }
  }
  sweep()
  const timer = setInterval(sweep, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
