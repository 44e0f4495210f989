import { z } from 'zod'

const vietnamese = z.locales.vi().localeError

// Zod's Vietnamese locale, with plainer words for the cases a spreadsheet user meets most.
export const importErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'thiếu'
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1) return 'không được để trống'
  if (issue.code === 'too_big' && issue.origin === 'string') return `dài quá ${issue.maximum} ký tự`
  if (issue.code === 'too_small' && issue.origin === 'array') return `cần ít nhất ${issue.minimum}`
  if (issue.code === 'too_big' && issue.origin === 'array') return `nhiều nhất ${issue.maximum}`
  return vietnamese(issue)
}
