import { createSignal } from 'solid-js'

// The server's clock as seen from here: offset = serverTime − local time at the middle of the round trip.
// Of the last few samples the one with the shortest round trip wins: it has the least network noise.
type Sample = { offset: number; rtt: number }
const KEEP = 5
let samples: Sample[] = []
const [offset, setOffset] = createSignal(0)

export function recordServerTime(serverTimeIso: string, sentAt: number, receivedAt: number) {
  const server = Date.parse(serverTimeIso)
  if (Number.isNaN(server)) return
  const rtt = Math.max(0, receivedAt - sentAt)
  samples = [...samples, { offset: server - (sentAt + rtt / 2), rtt }].slice(-KEEP)
  const best = samples.reduce((a, b) => (b.rtt < a.rtt ? b : a))
  setOffset(Math.round(best.offset))
}

export const clockOffset = offset
export const serverNow = () => Date.now() + offset()

export function resetClock() {
  samples = []
  setOffset(0)
}
