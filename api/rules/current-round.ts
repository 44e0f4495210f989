export type RoundTimes = { id: string; opensAt: number; closesAt: number }

// The round a coordinator's "who has not taken it yet" means when none is named: the open round (of
// several open at once, the one opened last); between rounds, the last one that opened; before the
// first has opened, the first to open. Null for a contest without rounds.
export function currentRound<R extends RoundTimes>(rounds: readonly R[], now: number): R | null {
  const latestOpened = (list: readonly R[]) => list.reduce<R | null>((best, r) => (!best || r.opensAt > best.opensAt ? r : best), null)
  const open = rounds.filter((r) => r.opensAt <= now && now < r.closesAt)
  if (open.length) return latestOpened(open)
  const opened = rounds.filter((r) => r.opensAt <= now)
  if (opened.length) return latestOpened(opened)
  return rounds.reduce<R | null>((first, r) => (!first || r.opensAt < first.opensAt ? r : first), null)
}
