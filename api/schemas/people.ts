import { z } from 'zod'
import { PersonName } from './text'

const Day = z.iso.date('ngày theo dạng YYYY-MM-DD')

// The people list of a contest (and its export): filters, sort and page.
export const PeopleQuery = z.object({
  unitId: z.string().min(1).max(100).optional(),
  from: Day.optional(),
  to: Day.optional(),
  took: z.enum(['yes', 'no'], 'took là yes hoặc no').optional(),
  roundId: z.string().min(1).max(100).optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['name', 'registeredAt', 'unit', 'attempts'], 'sort là name, registeredAt, unit hoặc attempts').default('name'),
  order: z.enum(['asc', 'desc'], 'order là asc hoặc desc').default('asc'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'ngày bắt đầu phải trước hoặc bằng ngày kết thúc', path: ['from'] })
export type PeopleQuery = z.infer<typeof PeopleQuery>

// An organizer's correction: the person's name (everywhere) and/or their unit (in that unit's contest).
export const CorrectPersonInput = z.object({
  fullName: PersonName(2, 120).optional(),
  unitId: z.string().min(1).max(100).optional(),
}).refine((p) => p.fullName !== undefined || p.unitId !== undefined, 'cần họ tên mới hoặc đơn vị mới')
export type CorrectPersonInput = z.infer<typeof CorrectPersonInput>

// The list's rows and one person's record are wire shapes (api/schemas/wire.ts): the services return them.
export type { PeoplePage, PersonAttempt, PersonDetail, PersonRow } from './wire'
