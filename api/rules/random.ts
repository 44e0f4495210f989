import { randomInt } from 'node:crypto'
import type { RandomSource } from './types'

function checkBound(maxExclusive: number): void {
  if (!Number.isSafeInteger(maxExclusive) || maxExclusive <= 0) {
    throw new RangeError(`random bound must be a positive integer, got ${maxExclusive}`)
  }
}

export const cryptoRandom: RandomSource = {
  int(maxExclusive) {
    checkBound(maxExclusive)
    return randomInt(maxExclusive)
  },
}

// mulberry32: tiny and deterministic, for tests and reproducible simulations only.
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    int(maxExclusive) {
      checkBound(maxExclusive)
      return Math.floor(next() * maxExclusive)
    },
  }
}

// Fisher–Yates on a copy.
export function shuffled<T>(items: readonly T[], random: RandomSource): T[] {
  const out = items.slice()
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(i + 1)
    const tmp = out[i]
    out[i] = out[j]
    out[j] = tmp
  }
  return out
}
