import type { PgDb } from './pg'

// Wakes the other servers of a PostgreSQL database after a commit: NOTIFY on one channel, LISTEN on
// every server. It only shortens the wait: followers poll the logs anyway, so a lost notification (a
// reconnect, a failover) delays nothing past the poll.
export const STANDINGS_CHANNEL = 'hoithi_standings'

// Calls `onNotify` whenever a server notifies the channel. postgres.js keeps the listening connection
// apart from the pool and listens again after a reconnect.
export async function listen(db: PgDb, onNotify: () => void): Promise<() => Promise<void>> {
  const { unlisten } = await db.$client.listen(STANDINGS_CHANNEL, onNotify)
  return unlisten
}

// Notifies after commits, at most one NOTIFY in flight and one waiting: a burst of commits sends two,
// never one per commit. Sent outside the committed transactions, so none of them waits for it.
export function notifier(db: PgDb): () => void {
  let sending = false
  let again = false
  const send = () => {
    sending = true
    again = false
    db.$client.notify(STANDINGS_CHANNEL, '').catch(() => undefined).finally(() => {
      sending = false
      if (again) send()
    })
  }
  return () => {
    if (sending) again = true
    else send()
  }
}
