// National significant numbers: mobiles 9 digits starting 3, 5, 7, 8, 9; landlines 10 digits starting 2.
const NATIONAL = /^(?:[35789]\d{8}|2\d{9})$/

// One Vietnamese number, however it is written, becomes one stored form: '0' + the national number.
export function normalizePhone(input: string): string | null {
  const compact = input.replace(/[\s.\-()]/g, '')
  const country = /^(?:\+84|0084|84)/.exec(compact)
  let national: string
  if (compact.startsWith('0') && !compact.startsWith('00')) national = compact.slice(1)
  else if (country) national = compact.slice(country[0].length)
  else return null
  // "+84 (0) 912 …" is a common way of writing it: the trunk 0 after the country code is dropped.
  if (country && national.startsWith('0')) national = national.slice(1)
  return NATIONAL.test(national) ? `0${national}` : null
}

// CCCD: exactly 12 digits once spaces are removed.
export function normalizeNationalId(input: string): string | null {
  const compact = input.replace(/\s/g, '')
  return /^\d{12}$/.test(compact) ? compact : null
}

// A national ID is never shown back in full: only its last four digits.
export function maskNationalId(id: string): string {
  const visible = id.length > 4 ? id.slice(-4) : ''
  return '*'.repeat(id.length - visible.length) + visible
}
