import type { z } from 'zod'
import { FIELD_LABELS, GENERIC_FIELD, PARAM_LABELS } from './field-labels'

export type Where = 'body' | 'query' | 'params'
type Issue = z.core.$ZodRawIssue

const TYPE_WORDS: Record<string, string> = {
  string: 'phải là chữ', number: 'phải là số', int: 'phải là số nguyên', boolean: 'phải là có hoặc không (true/false)',
  array: 'phải là một danh sách', object: 'phải là một nhóm thông tin', date: 'phải là ngày giờ',
}
const SIZE_UNITS: Record<string, string> = { string: 'ký tự', array: 'mục', set: 'mục', file: 'byte' }
const isNumeric = (origin: string) => origin === 'number' || origin === 'int' || origin === 'bigint'

// The predicate after the field's name ("… phải có ít nhất 10 ký tự") for zod's own checks; a schema's own
// message wins over this (zod's precedence), and is then shown after the field's name and a colon.
export function predicate(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'còn thiếu' : (TYPE_WORDS[issue.expected] ?? 'không đúng kiểu')
    case 'too_small': {
      const n = Number(issue.minimum)
      if (isNumeric(issue.origin)) return issue.inclusive === false ? `phải lớn hơn ${n}` : `phải từ ${n} trở lên`
      if (n === 1) return issue.origin === 'string' ? 'không được để trống' : 'cần ít nhất 1 mục'
      return `phải có ít nhất ${n} ${SIZE_UNITS[issue.origin] ?? ''}`.trimEnd()
    }
    case 'too_big': {
      const n = Number(issue.maximum)
      if (isNumeric(issue.origin)) return issue.inclusive === false ? `phải nhỏ hơn ${n}` : `tối đa là ${n}`
      return `chỉ được tối đa ${n} ${SIZE_UNITS[issue.origin] ?? ''}`.trimEnd()
    }
    case 'invalid_value':
      return issue.values.length === 1 ? `phải là ${String(issue.values[0])}` : `phải là một trong: ${issue.values.map(String).join(', ')}`
    case 'invalid_format':
      return 'không đúng định dạng'
    case 'not_multiple_of':
      return `phải là bội số của ${String(issue.divisor)}`
    default:
      return 'không hợp lệ'
  }
}

// "units.0.code" → "Mã của danh sách đơn vị thứ 1"; "choice.2" → "Phương án chọn thứ 3"; [] → what was sent.
export function fieldName(path: readonly PropertyKey[], where: Where): string {
  const label = (key: PropertyKey) => (where === 'params' && PARAM_LABELS[String(key)]) || FIELD_LABELS[String(key)] || GENERIC_FIELD
  const keys = path.filter((p) => typeof p === 'string')
  if (!keys.length) return where === 'body' ? 'Nội dung gửi lên' : GENERIC_FIELD
  const last = path.length - 1
  if (typeof path[last] === 'number') return `${label(path[last - 1] ?? '')} thứ ${Number(path[last]) + 1}`
  const index = path.findLastIndex((p) => typeof p === 'number')
  const own = label(path[last])
  if (index < 1) return own
  return `${own} của ${label(path[index - 1]).toLowerCase()} thứ ${Number(path[index]) + 1}`
}

const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1)
const endSentence = (s: string) => (/[.!?…]$/.test(s) ? s : `${s}.`)

// One sentence a person can act on: the field as the form names it, then what is wrong with it.
export function issueSentence(field: string, message: string, ours: boolean): string {
  if (ours) return endSentence(`${field} ${message}`)
  // A schema's own message often starts with the field already ("mật khẩu tối thiểu 6 ký tự").
  if (message.toLocaleLowerCase('vi').startsWith(field.toLocaleLowerCase('vi'))) return endSentence(capitalize(message))
  return endSentence(`${field}: ${message}`)
}
