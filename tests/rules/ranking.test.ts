import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bestAttempts, compareAttempts, predictionError, rankAttempts } from '../../api/rules/ranking'
import type { TiebreakKey } from '../../api/rules/types'
import { attempt } from './helpers'

const DEFAULT: TiebreakKey[] = ['prediction', 'duration', 'submittedAt']
const order = (tiebreak: TiebreakKey[], truth: number | null, list: ReturnType<typeof attempt>[]) =>
  rankAttempts(list, tiebreak, truth).map((e) => e.participantId)

describe('compareAttempts', () => {
  it('ranks by score first, whatever the tie-breaks say', () => {
    const low = attempt({ attemptSeq: 1, participantId: 'low', score: 9, durationMs: 1, prediction: 100 })
    const high = attempt({ attemptSeq: 2, participantId: 'high', score: 10, durationMs: 999_999 })
    expect(order(DEFAULT, 100, [low, high])).toEqual(['high', 'low'])
  })

  it('breaks a score tie by prediction error, low to high', () => {
    const far = attempt({ attemptSeq: 1, participantId: 'far', prediction: 150, durationMs: 1 })
    const near = attempt({ attemptSeq: 2, participantId: 'near', prediction: 95, durationMs: 9_000 })
    expect(order(DEFAULT, 100, [far, near])).toEqual(['near', 'far'])
  })

  it('treats errors above and below the truth alike and then falls to the next key', () => {
    const over = attempt({ attemptSeq: 1, participantId: 'over', prediction: 105, durationMs: 5_000 })
    const under = attempt({ attemptSeq: 2, participantId: 'under', prediction: 95, durationMs: 4_000 })
    expect(order(DEFAULT, 100, [over, under])).toEqual(['under', 'over'])
  })

  it('ranks attempts without a prediction after any with one, even a far one', () => {
    const none = attempt({ attemptSeq: 1, participantId: 'none', prediction: null, durationMs: 1 })
    const far = attempt({ attemptSeq: 2, participantId: 'far', prediction: 1_000_000 })
    const none2 = attempt({ attemptSeq: 3, participantId: 'none2', prediction: null, durationMs: 2 })
    expect(order(DEFAULT, 10, [none, far, none2])).toEqual(['far', 'none', 'none2'])
  })

  it('skips prediction entirely in the provisional ranking (truth null)', () => {
    const exact = attempt({ attemptSeq: 1, participantId: 'exact', prediction: 100, durationMs: 9_000 })
    const none = attempt({ attemptSeq: 2, participantId: 'none', prediction: null, durationMs: 1_000 })
    expect(order(DEFAULT, null, [exact, none])).toEqual(['none', 'exact'])
    expect(order(DEFAULT, 100, [exact, none])).toEqual(['exact', 'none'])
  })

  it('follows the chosen order of duration and submittedAt', () => {
    const quick = attempt({ attemptSeq: 1, participantId: 'quick', durationMs: 100_000, endedAt: 5_000_000 })
    const early = attempt({ attemptSeq: 2, participantId: 'early', durationMs: 300_000, endedAt: 2_000_000 })
    expect(order(['duration', 'submittedAt'], null, [quick, early])).toEqual(['quick', 'early'])
    expect(order(['submittedAt', 'duration'], null, [quick, early])).toEqual(['early', 'quick'])
    expect(order(['submittedAt'], null, [quick, early])).toEqual(['early', 'quick'])
  })

  it('ranks prediction before time or time before prediction as the round chooses', () => {
    const guesser = attempt({ attemptSeq: 1, participantId: 'guesser', prediction: 101, durationMs: 500_000 })
    const runner = attempt({ attemptSeq: 2, participantId: 'runner', prediction: 180, durationMs: 100_000 })
    expect(order(['prediction', 'duration'], 100, [guesser, runner])).toEqual(['guesser', 'runner'])
    expect(order(['duration', 'prediction'], 100, [guesser, runner])).toEqual(['runner', 'guesser'])
    const lateRunner = { ...runner, endedAt: 9_000_000 }
    expect(order(['submittedAt', 'prediction'], 100, [guesser, lateRunner])).toEqual(['guesser', 'runner'])
  })

  it('uses the start order as the last, total tie-break', () => {
    const second = attempt({ attemptSeq: 8, participantId: 'second' })
    const first = attempt({ attemptSeq: 3, participantId: 'first' })
    expect(order(DEFAULT, 100, [second, first])).toEqual(['first', 'second'])
    expect(order([], null, [second, first])).toEqual(['first', 'second'])
  })

  it('is a consistent total order over arbitrary attempts', () => {
    const arb = fc.record({
      score: fc.integer({ min: 0, max: 3 }),
      durationMs: fc.integer({ min: 0, max: 3 }),
      endedAt: fc.integer({ min: 0, max: 3 }),
      prediction: fc.option(fc.integer({ min: 0, max: 6 })),
    })
    const keys = fc.shuffledSubarray<TiebreakKey>(['prediction', 'duration', 'submittedAt'])
    fc.assert(
      fc.property(fc.array(arb, { minLength: 2, maxLength: 8 }), keys, fc.option(fc.integer({ min: 0, max: 6 })), (rows, tb, truth) => {
        const list = rows.map((r, i) => attempt({ ...r, attemptSeq: i }))
        const cmp = compareAttempts(tb, truth)
        for (const a of list) {
          for (const b of list) {
            expect(Math.sign(cmp(a, b)) + Math.sign(cmp(b, a))).toBe(0)
            if (a !== b) expect(cmp(a, b)).not.toBe(0)
            for (const c of list) if (cmp(a, b) < 0 && cmp(b, c) < 0) expect(cmp(a, c)).toBeLessThan(0)
          }
        }
      }),
    )
  })
})

describe('bestAttempts', () => {
  it('keeps per participant the attempt that ranks first among their own', () => {
    const cmp = compareAttempts(['duration', 'submittedAt'], null)
    const list = [
      attempt({ attemptSeq: 1, participantId: 'an', score: 12, durationMs: 100 }),
      attempt({ attemptSeq: 2, participantId: 'an', score: 15, durationMs: 800 }),
      attempt({ attemptSeq: 3, participantId: 'an', score: 15, durationMs: 600 }),
      attempt({ attemptSeq: 4, participantId: 'binh', score: 7 }),
    ]
    const best = bestAttempts(list, cmp)
    expect(best.map((a) => a.attemptSeq).sort()).toEqual([3, 4])
  })

  it('with the prediction key, a closer prediction wins a score tie between own attempts', () => {
    const list = [
      attempt({ attemptSeq: 1, participantId: 'an', score: 15, prediction: 40, durationMs: 100 }),
      attempt({ attemptSeq: 2, participantId: 'an', score: 15, prediction: 52, durationMs: 900 }),
    ]
    expect(bestAttempts(list, compareAttempts(DEFAULT, 50))[0].attemptSeq).toBe(2)
    expect(bestAttempts(list, compareAttempts(DEFAULT, null))[0].attemptSeq).toBe(1)
  })
})

describe('rankAttempts', () => {
  it('ranks one best attempt per participant with 1-based, unshared ranks', () => {
    const list = [
      attempt({ attemptSeq: 1, participantId: 'an', score: 18, prediction: 90 }),
      attempt({ attemptSeq: 2, participantId: 'binh', score: 18, prediction: 90 }),
      attempt({ attemptSeq: 3, participantId: 'an', score: 20, prediction: 120 }),
      attempt({ attemptSeq: 4, participantId: 'chi', score: 5, prediction: null }),
    ]
    const ranked = rankAttempts(list, DEFAULT, 100)
    expect(ranked.map((e) => [e.participantId, e.rank, e.attemptSeq, e.predictionError])).toEqual([
      ['an', 1, 3, 20],
      ['binh', 2, 2, 10],
      ['chi', 3, 4, null],
    ])
  })

  it('reports no prediction error without a truth', () => {
    const ranked = rankAttempts([attempt({ attemptSeq: 1, prediction: 7 })], DEFAULT, null)
    expect(ranked[0].predictionError).toBeNull()
    expect(rankAttempts([], DEFAULT, 3)).toEqual([])
  })

  it('predictionError is the absolute difference', () => {
    expect(predictionError(90, 100)).toBe(10)
    expect(predictionError(110, 100)).toBe(10)
    expect(predictionError(null, 100)).toBeNull()
    expect(predictionError(5, null)).toBeNull()
  })
})
