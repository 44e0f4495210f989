import { get, lock, run, transaction, type Program } from '../../db/program'
import type { AliasedRow } from '../../db/row-types'
import type { units } from '../../db/schema'
import { AppError, notFound } from '../errors'
import { foldText } from '../lib/text'
import type { CorrectPersonInput } from '../schemas/people'
import { logChange } from '../standings/change-log'
import { appendEntry, type Actor } from './audit'

type Unit = Pick<AliasedRow<typeof units>, 'id' | 'name' | 'contestId'>

// An organizer corrects a person's name or their unit in a contest. The audit keeps old → new; the
// change log carries both to every server's boards (a rename, a unit move) in the same transaction.
// Asking for what is already there changes nothing and writes nothing.
export function* correctPerson(actor: Actor, participantId: string, input: CorrectPersonInput, now: number): Program<{ changed: boolean }> {
  return yield* transaction(function* () {
    const person = yield* get<{ fullName: string }>('SELECT full_name AS "fullName" FROM participants WHERE id = ?', participantId)
    if (!person) throw notFound('thí sinh')
    const detail: Record<string, unknown> = {}
    if (input.fullName !== undefined && input.fullName !== person.fullName) {
      yield* run('UPDATE participants SET full_name = ?, name_folded = ? WHERE id = ?', input.fullName, foldText(input.fullName), participantId)
      yield* logChange({ kind: 'rename', participantId }, now)
      detail.fullName = { from: person.fullName, to: input.fullName }
    }
    if (input.unitId !== undefined) {
      const moved = yield* moveUnit(participantId, input.unitId, now)
      if (moved) detail.unit = moved
    }
    if (!Object.keys(detail).length) return { changed: false }
    yield* appendEntry(actor, 'participant.correct', 'participant', participantId, detail, now)
    return { changed: true }
  })
}

function* moveUnit(participantId: string, unitId: string, now: number) {
  const to = yield* get<Unit>('SELECT id, name, contest_id AS "contestId" FROM units WHERE id = ?', unitId)
  if (!to) throw new AppError('VALIDATION_FAILED', 'Đơn vị không tồn tại.', { field: 'unitId' })
  yield* lock(`participant_units:${participantId}:${to.contestId}`)
  const from = yield* get<Unit>(`SELECT u.id, u.name, u.contest_id AS "contestId" FROM participant_units pu JOIN units u ON u.id = pu.unit_id
    WHERE pu.participant_id = ? AND pu.contest_id = ?`, participantId, to.contestId)
  if (!from) throw new AppError('VALIDATION_FAILED', 'Thí sinh chưa tham gia cuộc thi của đơn vị này, nên không có đơn vị để sửa.', { field: 'unitId' })
  if (from.id === to.id) return null
  yield* run('UPDATE participant_units SET unit_id = ? WHERE participant_id = ? AND contest_id = ?', to.id, participantId, to.contestId)
  yield* logChange({ kind: 'unit_move', contestId: to.contestId, participantId, unitId: to.id }, now)
  return { contestId: to.contestId, from: { id: from.id, name: from.name }, to: { id: to.id, name: to.name } }
}
