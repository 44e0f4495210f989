import { z } from 'zod'
import { PREDICTION_TARGETS, TIEBREAK_KEYS } from '../../db/schema'
import { normalizeNationalId, normalizePhone } from '../rules/phone'
import { IsoTime } from './common'
import { PersonName, VisibleLine } from './text'

const Text = (max: number) => VisibleLine(1, max)

export const CreateContestInput = z.object({
  title: Text(300),
  slug: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/, 'slug chỉ gồm chữ thường không dấu, số và dấu -').optional(),
  description: z.string().max(20_000).optional(),
  rules: z.string().max(50_000).optional(),
  onePrizePerPerson: z.boolean().optional(),
})
export type CreateContestInput = z.infer<typeof CreateContestInput>

export const UpdateContestInput = CreateContestInput.partial().extend({ status: z.enum(['draft', 'published', 'archived']).optional() })
export type UpdateContestInput = z.infer<typeof UpdateContestInput>

export const UnitsInput = z.object({
  units: z.array(z.object({
    code: Text(50),
    name: Text(300),
    parentCode: z.string().trim().min(1).max(50).nullish(),
    headcount: z.number().int().min(0).max(10_000_000).nullish(),
  })).min(1).max(20_000),
})
export type UnitsInput = z.infer<typeof UnitsInput>

export const TiebreakKey = z.enum(TIEBREAK_KEYS)
export const BlueprintRowInput = z.object({
  topic: z.string().trim().min(1).max(80).optional(),
  tag: z.string().trim().min(1).max(60).optional(),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  count: z.number().int().min(1).max(200),
})
const PrizeInput = z.object({ name: Text(100), count: z.number().int().min(1).max(10_000), minScore: z.number().min(0).max(1_000_000).optional() })
// Only person prizes take a score threshold: a unit prize that names one is refused rather than silently stripped.
const UnitPrizeInput = PrizeInput.extend({ minScore: z.never({ message: 'giải tập thể không có điểm tối thiểu (minScore)' }).optional() })

const roundFields = {
  title: Text(300),
  reviewKeys: z.enum(['protect', 'show']).optional(),
  opensAt: IsoTime,
  closesAt: IsoTime,
  questionCount: z.number().int().min(1).max(200),
  timeLimitSec: z.number().int().min(1).max(24 * 3600),
  maxAttempts: z.number().int().min(1).max(1000).nullable(),
  blueprint: z.array(BlueprintRowInput).max(50),
  prediction: z.object({ enabled: z.boolean(), target: z.enum(PREDICTION_TARGETS).optional() })
    .refine((p) => !p.enabled || p.target, { message: 'cần chọn điều câu hỏi dự đoán dự đoán (target) khi bật' }),
  tiebreak: z.array(TiebreakKey).max(3).refine((t) => new Set(t).size === t.length, { message: 'tiêu chí phụ bị lặp' }),
  prizes: z.array(PrizeInput).max(20),
  unitPrizes: z.array(UnitPrizeInput).max(20),
  freezeAt: IsoTime.nullable(),
  graceSec: z.number().int().min(0).max(120),
}

export const CreateRoundInput = z.object({
  ...roundFields,
  questionCount: roundFields.questionCount.optional(),
  timeLimitSec: roundFields.timeLimitSec.optional(),
  maxAttempts: roundFields.maxAttempts.optional(),
  blueprint: roundFields.blueprint.optional(),
  prediction: roundFields.prediction.optional(),
  tiebreak: roundFields.tiebreak.optional(),
  prizes: roundFields.prizes.optional(),
  unitPrizes: roundFields.unitPrizes.optional(),
  freezeAt: roundFields.freezeAt.optional(),
  graceSec: roundFields.graceSec.optional(),
})
export type CreateRoundInput = z.infer<typeof CreateRoundInput>

export const PatchRoundInput = z.object(roundFields).partial()
export type PatchRoundInput = z.infer<typeof PatchRoundInput>

// A staff username is looked up before a participant's phone or national ID at sign-in (services/auth.ts
// findAccount): one that reads as either would take that person's sign-in, so it is refused.
export const StaffUsername = z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,40}$/, 'tên đăng nhập 3–40 ký tự: chữ không dấu, số, . _ -')
  .refine((u) => normalizePhone(u) === null && normalizeNationalId(u) === null, 'tên đăng nhập không được là số điện thoại hay số CCCD (thí sinh đăng nhập bằng các số này)')

export const CreateUserInput = z.object({
  username: StaffUsername,
  password: z.string().min(10, 'mật khẩu nhân viên tối thiểu 10 ký tự').max(200),
  role: z.enum(['organizer', 'judge', 'admin']),
  name: PersonName(1, 200),
})
export type CreateUserInput = z.infer<typeof CreateUserInput>

export const DisqualifyInput = z.object({ participantId: Text(100), reason: Text(1000) })
export const RegradeInput = z.object({ questionId: Text(100) })
// Optional on the wire (API.md's undo has no body; older clients send none); the console always asks for one.
export const UndoDisqualifyInput = z.object({ reason: Text(1000).optional() })

// Topics of the bank (issue 15). A new topic's id is a slug made from its name unless one is given.
export const TopicId = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/, 'mã chủ đề chỉ gồm chữ thường không dấu, số và dấu - (tối đa 60 ký tự)')
export const CreateTopicInput = z.object({
  name: Text(80),
  description: z.string().trim().max(2000, 'mô tả tối đa 2000 ký tự').optional(),
  id: TopicId.optional(),
})
export type CreateTopicInput = z.infer<typeof CreateTopicInput>
export const UpdateTopicInput = CreateTopicInput.omit({ id: true }).partial()
export type UpdateTopicInput = z.infer<typeof UpdateTopicInput>

// One request changes at most this many questions, in one transaction.
export const BULK_MAX = 1000
export const BulkQuestionsInput = z.object({
  ids: z.array(z.string().min(1).max(100)).min(1, 'chưa chọn câu hỏi nào').max(BULK_MAX, `tối đa ${BULK_MAX} câu hỏi mỗi lần`),
  action: z.enum(['publish', 'retire', 'set'], 'thao tác là publish, retire hoặc set'),
  topic: z.string().trim().min(1).max(80).optional(),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)], 'độ khó là 1, 2 hoặc 3').optional(),
}).refine((b) => b.action !== 'set' || b.topic !== undefined || b.difficulty !== undefined, { message: 'thao tác set cần chủ đề hoặc độ khó', path: ['action'] })
  // A topic or difficulty beside publish/retire would not be applied, yet the audit entry would name it.
  .refine((b) => b.action === 'set' || (b.topic === undefined && b.difficulty === undefined), { message: 'chủ đề và độ khó chỉ đi với thao tác set', path: ['action'] })
export type BulkQuestionsInput = z.infer<typeof BulkQuestionsInput>
