import { z } from 'zod'

// Text that people read on boards, certificates and prize lists. Control, format (zero-width, joiners,
// bidi overrides such as U+202E), private-use and unassigned characters are refused: they hide or
// reorder what is shown, so "Nguyễn Văn A" could display as someone else. Text is normalized to NFC
// (one code point per Vietnamese letter) with runs of white space made one space.
const HIDDEN = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u
// A person's name: letters with their marks, digits, spaces and the punctuation names are written with.
const NAME = /^[\p{L}\p{M}\p{N} .,'’()\-/]+$/u

const tidy = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim()

export const VisibleLine = (min: number, max: number) => z.string().max(max * 4).transform(tidy)
  .pipe(z.string().min(min).max(max).refine((s) => !HIDDEN.test(s), 'có ký tự điều khiển hoặc ký tự ẩn (ví dụ ký tự đảo chiều, ký tự độ rộng 0)'))

export const PersonName = (min: number, max: number) => VisibleLine(min, max)
  .pipe(z.string().regex(NAME, "chỉ gồm chữ cái, chữ số, dấu cách và các dấu . , ' ( ) - /"))

// The same check for text read from a file (unit names in an import), outside a zod schema.
export function hiddenCharacterProblem(s: string): string | null {
  return HIDDEN.test(s.normalize('NFC')) ? 'có ký tự điều khiển hoặc ký tự ẩn (ví dụ ký tự đảo chiều, ký tự độ rộng 0)' : null
}
