import { describe, expect, it } from 'vitest'
import { currentRound } from '../../api/rules/current-round'

const H = 3600_000
// Weekly rounds: week 1 closed, week 2 open, week 3 scheduled; "now" is inside week 2.
const rounds = [
  { id: 'w1', opensAt: 0, closesAt: 168 * H },
  { id: 'w2', opensAt: 168 * H, closesAt: 336 * H },
  { id: 'w3', opensAt: 336 * H, closesAt: 504 * H },
]

describe('currentRound', () => {
  it('is the open round', () => {
    expect(currentRound(rounds, 200 * H)?.id).toBe('w2')
  })

  it('of several open at once, is the one opened last', () => {
    const overlapping = [...rounds, { id: 'long', opensAt: 10 * H, closesAt: 600 * H }]
    expect(currentRound(overlapping, 200 * H)?.id).toBe('w2')
  })

  it('between rounds, is the last one that opened', () => {
    const gap = [rounds[0], { id: 'later', opensAt: 400 * H, closesAt: 500 * H }]
    expect(currentRound(gap, 300 * H)?.id).toBe('w1')
    expect(currentRound(rounds, 600 * H)?.id).toBe('w3')
  })

  it('before any has opened, is the first to open; none without rounds', () => {
    expect(currentRound([rounds[2], rounds[1]], -H)?.id).toBe('w2')
    expect(currentRound([], 0)).toBeNull()
  })
})
