import { z } from 'zod'
import { StaffUsername } from './admin'
import { PersonName } from './text'

const Id = z.string().trim().min(1, 'thiếu mã').max(100)

// Password rules as for any staff account (api/services/staff.ts STAFF_PASSWORD_MIN).
export const AppointCoordinatorInput = z.object({
  unitId: Id,
  username: StaffUsername,
  password: z.string().min(10, 'mật khẩu tối thiểu 10 ký tự').max(200),
  name: PersonName(1, 200),
})
export type AppointCoordinatorInput = z.infer<typeof AppointCoordinatorInput>

// took: "true" or "false" (a query string); q: part of a name, with or without diacritics.
export const MembersQuery = z.object({
  roundId: Id.optional(),
  took: z.enum(['true', 'false'], { message: 'took phải là true hoặc false' }).optional(),
  q: z.string().max(200).optional(),
})
export type MembersQuery = z.infer<typeof MembersQuery>
