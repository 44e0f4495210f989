// After a standings event every open board refetches; each waits a random part of this spread first, so
// a thousand phones do not all ask in the same millisecond (events come at most once a second anyway).
// The contest-day benchmark's SSE watchers wait the same way.
export const REFETCH_SPREAD_MS = 400

export const refetchDelay = (random: () => number = Math.random) => Math.floor(random() * REFETCH_SPREAD_MS)
