import { describe, expect, it } from 'vitest'
import { predictionTruth } from '../../api/rules/prediction'

// an: two attempts, one perfect; binh: two perfect attempts; chi: none perfect; dung: disqualified, perfect.
const finished = [
  { participantId: 'an', score: 15, maxScore: 20 },
  { participantId: 'an', score: 20, maxScore: 20 },
  { participantId: 'binh', score: 20, maxScore: 20 },
  { participantId: 'binh', score: 20, maxScore: 20 },
  { participantId: 'chi', score: 19, maxScore: 20 },
  { participantId: 'dung', score: 20, maxScore: 20 },
  { participantId: 'dung', score: 3, maxScore: 20 },
]
const disqualified = new Set(['dung'])

describe('predictionTruth', () => {
  it('participants counts each person with a finished attempt once, disqualified left out', () => {
    expect(predictionTruth('participants', finished, disqualified)).toBe(3)
    expect(predictionTruth('participants', finished, new Set())).toBe(4)
  })

  it('perfect_scores counts people with at least one perfect attempt, once each', () => {
    expect(predictionTruth('perfect_scores', finished, disqualified)).toBe(2)
    expect(predictionTruth('perfect_scores', finished, new Set())).toBe(3)
  })

  it('attempts counts every finished attempt of non-disqualified people', () => {
    expect(predictionTruth('attempts', finished, disqualified)).toBe(5)
    expect(predictionTruth('attempts', finished, new Set())).toBe(7)
  })

  it('is zero for a round nobody finished', () => {
    expect(predictionTruth('participants', [], new Set())).toBe(0)
    expect(predictionTruth('perfect_scores', [], new Set())).toBe(0)
    expect(predictionTruth('attempts', [], new Set())).toBe(0)
  })
})
