import { createHash } from 'node:crypto'

// The options chosen per question, independent of shuffling; null for a blank sheet (those match trivially).
// Stored at finish; judges' "identical answers" flag compares it. The benchmark's bulk seeder writes it too.
export function answerSignature(items: { questionId: string; chosen: string[] }[]): string | null {
  if (items.every((i) => i.chosen.length === 0)) return null
  const parts = items.map((i) => `${i.questionId}=${[...i.chosen].sort().join('')}`).sort()
  return createHash('sha1').update(parts.join('|')).digest('base64url')
}
