export type ScoredItem = { correct: string[]; chosen: string[]; weight: number }

// Exact set equality: no partial credit, order and repeats do not matter, an empty choice is wrong.
export function isItemCorrect(correct: string[], chosen: string[]): boolean {
  if (chosen.length === 0) return false
  const want = new Set(correct)
  const got = new Set(chosen)
  if (want.size !== got.size) return false
  for (const key of got) if (!want.has(key)) return false
  return true
}

export function scoreItems(items: ScoredItem[]): { score: number; maxScore: number; correctCount: number } {
  let score = 0
  let maxScore = 0
  let correctCount = 0
  for (const item of items) {
    maxScore += item.weight
    if (isItemCorrect(item.correct, item.chosen)) {
      score += item.weight
      correctCount++
    }
  }
  return { score, maxScore, correctCount }
}

// An attempt without items (maxScore 0) is not called perfect.
export function isPerfect(score: number, maxScore: number): boolean {
  return maxScore > 0 && score === maxScore
}

// The same test in SQL, over two column expressions.
export const isPerfectSql = (score: string, maxScore: string) => `(${maxScore} > 0 AND ${score} = ${maxScore})`
