import { revalidate } from '@solidjs/router'
import { createEffect, createSignal, onCleanup } from 'solid-js'
import { refetchDelay } from './refetch-spread'

// Follows the rounds' SSE streams and refetches the boards when the standings version moves.
// EventSource reconnects by itself after a network drop; the first event after that tells the current version.
export function useStandingsStream(roundIds: () => string[], keys: string[] = ['leaderboard', 'units-leaderboard']) {
  const [live, setLive] = createSignal(false)
  createEffect(() => {
    const ids = roundIds()
    if (typeof EventSource === 'undefined' || !ids.length) return
    const versions = new Map<string, number>()
    let open = 0
    let pending: ReturnType<typeof setTimeout> | undefined
    const sources = ids.map((id) => {
      const es = new EventSource(`/api/rounds/${encodeURIComponent(id)}/leaderboard/stream`)
      es.addEventListener('open', () => { open++; setLive(open > 0) })
      es.addEventListener('error', () => { open = Math.max(0, open - 1); setLive(open > 0) })
      es.addEventListener('standings', (ev) => {
        let version = -1
        try { version = (JSON.parse((ev as MessageEvent<string>).data) as { version: number }).version } catch { /* keep -1 */ }
        const seen = versions.get(id)
        versions.set(id, version)
        if (seen !== undefined && seen !== version) {
          clearTimeout(pending)
          pending = setTimeout(() => void revalidate(keys), refetchDelay())
        }
      })
      return es
    })
    onCleanup(() => {
      clearTimeout(pending)
      for (const es of sources) es.close()
      setLive(false)
    })
  })
  return live
}
