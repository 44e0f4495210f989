import { describe, expect, it } from 'vitest'
import { isItemCorrect, isPerfect, scoreItems } from '../../api/rules/scoring'

describe('isItemCorrect', () => {
  it('needs the exact set of correct options, in any order, repeats ignored', () => {
    expect(isItemCorrect(['a'], ['a'])).toBe(true)
    expect(isItemCorrect(['a', 'c'], ['c', 'a'])).toBe(true)
    expect(isItemCorrect(['a', 'c'], ['a', 'c', 'a'])).toBe(true)
  })

  it('gives no partial credit for a subset or a superset', () => {
    expect(isItemCorrect(['a', 'c'], ['a'])).toBe(false)
    expect(isItemCorrect(['a'], ['a', 'b'])).toBe(false)
    expect(isItemCorrect(['a', 'b'], ['a', 'a'])).toBe(false)
    expect(isItemCorrect(['a'], ['b'])).toBe(false)
  })

  it('treats an empty choice as wrong', () => {
    expect(isItemCorrect(['a'], [])).toBe(false)
    expect(isItemCorrect([], [])).toBe(false)
  })
})

describe('scoreItems', () => {
  it('sums weights of correct items, maxScore sums all weights', () => {
    const result = scoreItems([
      { correct: ['a'], chosen: ['a'], weight: 1 },
      { correct: ['b', 'c'], chosen: ['c', 'b'], weight: 2 },
      { correct: ['d'], chosen: ['a'], weight: 3 },
      { correct: ['a'], chosen: [], weight: 1 },
    ])
    expect(result).toEqual({ score: 3, maxScore: 7, correctCount: 2 })
  })

  it('scores an empty attempt as zero of zero', () => {
    expect(scoreItems([])).toEqual({ score: 0, maxScore: 0, correctCount: 0 })
  })
})

describe('isPerfect', () => {
  it('is score equal to maxScore', () => {
    expect(isPerfect(20, 20)).toBe(true)
    expect(isPerfect(19, 20)).toBe(false)
    expect(isPerfect(0, 0)).toBe(false)
  })
})
