import { describe, expect, it } from 'vitest'
import { maskNationalId, normalizeNationalId, normalizePhone } from '../../api/rules/phone'

describe('normalizePhone', () => {
  it('writes one mobile number one way however it was typed', () => {
    for (const input of ['0912 345 678', '+84 912 345 678', '84912345678', '0912.345.678', '0912-345-678', '(+84) 912 345 678', '0084 912 345 678', '+84 (0) 912 345 678']) {
      expect(normalizePhone(input)).toBe('0912345678')
    }
  })

  it('accepts every mobile prefix 03, 05, 07, 08, 09', () => {
    for (const p of ['3', '5', '7', '8', '9']) expect(normalizePhone(`0${p}12345678`)).toBe(`0${p}12345678`)
    expect(normalizePhone('0846 123 456')).toBe('0846123456')
  })

  it('accepts landlines 02x of eleven digits', () => {
    expect(normalizePhone('024 3825 1234')).toBe('02438251234')
    expect(normalizePhone('+84 24 3825 1234')).toBe('02438251234')
    expect(normalizePhone('842838251234')).toBe('02838251234')
  })

  it('refuses what is not a Vietnamese number', () => {
    for (const input of ['', '   ', 'abc', '091234567', '09123456789', '0123456789', '0612345678', '0412345678', '1912345678', '912345678', '+1 912 345 678', '+84 12 345 678', '0912a345678', '0243825123', '00912345678']) {
      expect(normalizePhone(input)).toBeNull()
    }
  })
})

describe('national ID', () => {
  it('keeps exactly twelve digits after removing spaces', () => {
    expect(normalizeNationalId('001 099 012 345')).toBe('001099012345')
    expect(normalizeNationalId('001099012345')).toBe('001099012345')
  })

  it('refuses other lengths and non-digits', () => {
    for (const input of ['', '00109901234', '0010990123456', '00109901234a', '001-099-012-345']) expect(normalizeNationalId(input)).toBeNull()
  })

  it('never shows more than the last four digits', () => {
    expect(maskNationalId('001099011234')).toBe('********1234')
    expect(maskNationalId('123')).toBe('***')
  })
})
