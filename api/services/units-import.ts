import type { Program } from '../../db/program'
import type { ImportIssue } from '../formats/types'
import type { UnitsParse } from '../formats/units-import'
import { AppError } from '../errors'
import { issue } from '../formats/issues'
import type { Unit } from '../schemas/wire'
import { readUnits, saveUnits } from './contests'
import type { Actor } from './audit'

const MAX_UNITS = 20_000

// All or nothing: any bad row, or a parent code found neither in the file nor in the contest, stores nothing.
// Units are never deleted, so a code seen here is still there when saveUnits (which checks parents again) runs.
export function* importUnitRows(actor: Actor, contestId: string, parsed: UnitsParse, now: number): Program<{ units: Unit[]; imported: number; warnings: ImportIssue[] }> {
  const known = new Set([...(yield* readUnits(contestId)).map((u) => u.code), ...parsed.units.map((u) => u.code)])
  const errors: ImportIssue[] = [...parsed.errors]
  for (const u of parsed.units) {
    if (u.parentCode && !known.has(u.parentCode)) errors.push(issue(u, `mã đơn vị cha "${u.parentCode}" không có trong tệp và chưa có trong cuộc thi.`))
  }
  if (parsed.units.length > MAX_UNITS) errors.push({ message: `Tệp có ${parsed.units.length} đơn vị, vượt quá ${MAX_UNITS}.` })
  if (errors.length === 0 && parsed.units.length === 0) errors.push({ message: 'Tệp không có đơn vị nào.' })
  if (errors.length) {
    errors.sort((a, b) => (a.row ?? a.line ?? 0) - (b.row ?? b.line ?? 0))
    throw new AppError('VALIDATION_FAILED', `Tệp có ${errors.length} lỗi; chưa nhập đơn vị nào.`, { errors, warnings: parsed.warnings })
  }
  const input = parsed.units.map((u) => ({ code: u.code, name: u.name, parentCode: u.parentCode ?? null, headcount: u.headcount ?? null }))
  return { units: yield* saveUnits(actor, contestId, { units: input }, now), imported: input.length, warnings: parsed.warnings }
}
