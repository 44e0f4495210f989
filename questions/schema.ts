import { z } from 'zod'

// A bank item in the JSON format of API.md; used by questions/ files, JSON import and export.
export const OptionKey = z.string().regex(/^[A-F]$/, 'khóa phương án phải là một chữ từ A đến F')

export const QuestionOptionSchema = z.object({
  key: OptionKey,
  text: z.string().trim().min(1, 'phương án không được để trống').max(1000),
  pinned: z.literal(true).optional(),
})

export const QuestionSourceSchema = z.object({
  document: z.string().trim().max(500),
  section: z.string().trim().max(500).optional(),
  url: z.url().max(1000).optional(),
})

export const TRUE_FALSE_OPTIONS = [{ key: 'A', text: 'Đúng' }, { key: 'B', text: 'Sai' }] as const

export const BankQuestion = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}$/, 'mã câu hỏi chỉ gồm chữ, số và _ . : -'),
  topic: z.string().trim().min(1).max(80),
  tags: z.array(z.string().trim().min(1).max(60)).max(20).optional(),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  type: z.enum(['single', 'multiple', 'true_false']),
  stem: z.string().trim().min(1, 'nội dung câu hỏi không được để trống').max(4000),
  options: z.array(QuestionOptionSchema).min(2).max(6),
  correct: z.array(OptionKey).min(1),
  explanation: z.string().trim().max(4000),
  source: QuestionSourceSchema,
  group: z.string().trim().min(1).max(80).optional(),
  weight: z.number().positive().max(100).optional(),
  status: z.enum(['draft', 'published', 'retired']).optional(),
}).superRefine((q, ctx) => {
  const keys = q.options.map((o) => o.key)
  if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'khóa phương án bị trùng' })
  const texts = q.options.map((o) => o.text.trim().toLowerCase())
  if (new Set(texts).size !== texts.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'hai phương án trùng nội dung' })
  for (const k of q.correct) {
    if (!keys.includes(k)) ctx.addIssue({ code: 'custom', path: ['correct'], message: `đáp án ${k} không có trong các phương án` })
  }
  if (new Set(q.correct).size !== q.correct.length) ctx.addIssue({ code: 'custom', path: ['correct'], message: 'đáp án bị lặp' })
  if ((q.type === 'single' || q.type === 'true_false') && q.correct.length !== 1) {
    ctx.addIssue({ code: 'custom', path: ['correct'], message: 'câu một lựa chọn phải có đúng một đáp án' })
  }
  if (q.type === 'true_false') {
    const ok = q.options.length === 2 && q.options.every((o, i) => o.key === TRUE_FALSE_OPTIONS[i].key && o.text === TRUE_FALSE_OPTIONS[i].text)
    if (!ok) ctx.addIssue({ code: 'custom', path: ['options'], message: 'câu đúng/sai có đúng hai phương án: A "Đúng", B "Sai"' })
  }
})
export type BankQuestion = z.infer<typeof BankQuestion>

export const BankFile = z.array(BankQuestion)
export type BankFile = z.infer<typeof BankFile>
