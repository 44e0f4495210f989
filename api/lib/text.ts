// Search folds Vietnamese text: NFD, drop combining marks, lower-case, đ → d (SPEC §8).
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase()
}

// A LIKE pattern for text containing the folded query, with LIKE's own wildcards in it escaped by a
// backslash: use it with ESCAPE '\\' (without that clause SQLite reads the backslash literally).
export function containsPattern(query: string): string {
  return `%${foldText(query.trim()).replace(/[\\%_]/g, (m) => `\\${m}`)}%`
}

// Duplicate detection compares stems after folding case, spacing and punctuation.
export function normalizeForCompare(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[\p{P}\p{S}]+/gu, ' ').replace(/\s+/g, ' ').trim()
}
