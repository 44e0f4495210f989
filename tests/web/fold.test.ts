import { describe, expect, it } from 'vitest'
import { fold } from '../../web/lib/fold'

describe('fold', () => {
  it('matches with or without Vietnamese diacritics', () => {
    expect(fold('Đảng bộ Phòng Hành chính')).toBe('dang bo phong hanh chinh')
    expect(fold('  Nguyễn Văn AN ')).toBe('nguyen van an')
  })
})
