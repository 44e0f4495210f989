// Search folds Vietnamese text: NFD, drop combining marks, lower-case, đ → d (SPEC §8).
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase()
}

// Duplicate detection compares stems after folding case, spacing and punctuation.
export function normalizeForCompare(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[\p{P}\p{S}]+/gu, ' ').replace(/\s+/g, ' ').trim()
}
