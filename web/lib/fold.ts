// Search with or without diacritics: NFD, drop combining marks, lower-case, đ → d (SPEC §8).
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase().trim()
}
