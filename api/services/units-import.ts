import type { Program } from '../../db/program'
import type { UnitsParse } from '../formats/units-import'
import { AppError } from '../errors'
import { issue } from '../formats/issues'
import type { ImportIssue, UnitsImportReport } from '../schemas/wire'
import { readUnits, saveUnits } from './contests'
import type { Actor } from './audit'

const MAX_UNITS = 20_000

// All or nothing: any bad row, or a parent code found neither in the file nor in the contest, stores nothing.
// A unit deleted between this check and saveUnits is caught there: saveUnits checks parents again.
export function* importUnitRows(actor: Actor, contestId: string, parsed: UnitsParse, now: number): Program<UnitsImportReport> {
  // A rejected row's code counts as present: its children are not blamed for its own mistake.
  const known = new Set([...(yield* readUnits(contestId)).map((u) => u.code), ...parsed.units.map((u) => u.code), ...parsed.rejected.map((r) => r.code)])
  const errors: ImportIssue[] = [...parsed.errors]
  const unknownParent = (code: string | undefined) => (code && !known.has(code) ? `mã đơn vị cha "${code}" không có trong tệp và chưa có trong cuộc thi` : null)
  // One message per row, naming every bad cell in it (a rejected row's parent is checked as well).
  for (const u of parsed.units) {
    const problem = unknownParent(u.parentCode)
    if (problem) errors.push(issue(u, `${problem}.`))
  }
  for (const r of parsed.rejected) {
    const problems = [...r.problems, unknownParent(r.parentCode)].filter((p): p is string => p !== null)
    errors.push(issue(r, `${problems.join('; ')}.`))
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
