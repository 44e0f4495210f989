import { eq, or } from 'drizzle-orm'
import { prepared, type Db } from '../../db/client'
import { inTransaction } from '../../db/client'
import { participantUnits, participants, units } from '../../db/schema'
import { AppError, notFound } from '../errors'
import { newId } from '../lib/ids'
import { generatePassword, hashPassword, verifyPassword } from '../lib/password'
import { foldText } from '../lib/text'
import { normalizeNationalId, normalizePhone } from '../rules/phone'
import type { RegisterInput } from '../schemas/participants'
import { appendAudit, type Actor } from './audit'
import { endSessions } from './auth'
import { recordChange } from '../standings/change-log'

export const CONSENT_VERSION = '2026-11-v1'

export async function registerParticipant(db: Db, input: RegisterInput, now: number, clientAddress: string) {
  const phone = normalizePhone(input.phone)
  if (!phone) throw new AppError('VALIDATION_FAILED', 'Số điện thoại không hợp lệ.', { field: 'phone' })
  const nationalId = input.nationalId ? normalizeNationalId(input.nationalId) : null
  if (input.nationalId && !nationalId) throw new AppError('VALIDATION_FAILED', 'Số CCCD phải gồm đúng 12 chữ số.', { field: 'nationalId' })
  const born = Date.parse(`${input.dateOfBirth}T00:00:00Z`)
  if (!(born < now) || born < Date.parse('1900-01-01T00:00:00Z')) throw new AppError('VALIDATION_FAILED', 'Ngày sinh không hợp lệ.', { field: 'dateOfBirth' })
  const passwordHash = await hashPassword(input.password)
  return inTransaction(db, () => {
    const unit = db.select().from(units).where(eq(units.id, input.unitId)).get()
    if (!unit) throw new AppError('VALIDATION_FAILED', 'Đơn vị không tồn tại.', { field: 'unitId' })
    const taken = db.select({ id: participants.id }).from(participants)
      .where(nationalId ? or(eq(participants.phone, phone), eq(participants.nationalId, nationalId)) : eq(participants.phone, phone)).get()
    if (taken) throw new AppError('DUPLICATE_PERSON', 'Số điện thoại hoặc số CCCD này đã được đăng ký. Vui lòng đăng nhập.')
    const row = {
      id: newId(), fullName: input.fullName, nameFolded: foldText(input.fullName), dateOfBirth: input.dateOfBirth, phone, nationalId,
      position: input.position ?? null, passwordHash, consentAt: now, consentVersion: CONSENT_VERSION, clientAddress, createdAt: now,
    }
    db.insert(participants).values(row).run()
    db.insert(participantUnits).values({ participantId: row.id, contestId: unit.contestId, unitId: unit.id }).run()
    return { id: row.id, fullName: row.fullName, unitId: unit.id }
  })
}

export function participantUnitId(db: Db, participantId: string, contestId: string): string | null {
  const row = prepared(db, 'SELECT unit_id FROM participant_units WHERE participant_id = ? AND contest_id = ?').get(participantId, contestId) as { unit_id: string } | undefined
  return row?.unit_id ?? null
}

// The first unit chosen (registration's own contest) is the one /api/me reports.
export function defaultUnitId(db: Db, participantId: string): string | null {
  const row = prepared(db, 'SELECT unit_id FROM participant_units WHERE participant_id = ? ORDER BY rowid LIMIT 1').get(participantId) as { unit_id: string } | undefined
  return row?.unit_id ?? null
}

export function setContestUnit(db: Db, participantId: string, contestId: string, unitId: string, now: number) {
  return inTransaction(db, () => {
    const unit = db.select().from(units).where(eq(units.id, unitId)).get()
    if (!unit || unit.contestId !== contestId) throw new AppError('VALIDATION_FAILED', 'Đơn vị không thuộc cuộc thi này.', { field: 'unitId' })
    const before = participantUnitId(db, participantId, contestId)
    if (before === unitId) return { contestId, unitId }
    db.insert(participantUnits).values({ participantId, contestId, unitId })
      .onConflictDoUpdate({ target: [participantUnits.participantId, participantUnits.contestId], set: { unitId } }).run()
    recordChange(db, { kind: 'unit_move', contestId, participantId, unitId }, now)
    return { contestId, unitId }
  })
}

// Every other session of the person ends: whoever else was signed in with the old password is out.
export async function changePassword(db: Db, participantId: string, current: string, next: string, keepToken: string | null) {
  const person = db.select().from(participants).where(eq(participants.id, participantId)).get()
  if (!person) throw notFound('thí sinh')
  if (!(await verifyPassword(current, person.passwordHash))) throw new AppError('VALIDATION_FAILED', 'Mật khẩu hiện tại không đúng.', { field: 'currentPassword' })
  const hash = await hashPassword(next)
  inTransaction(db, () => {
    db.update(participants).set({ passwordHash: hash }).where(eq(participants.id, participantId)).run()
    endSessions(db, 'participant', participantId, keepToken ?? undefined)
  })
}

export async function resetParticipantPassword(db: Db, actor: Actor, participantId: string, now: number) {
  const person = db.select({ id: participants.id }).from(participants).where(eq(participants.id, participantId)).get()
  if (!person) throw notFound('thí sinh')
  const password = generatePassword()
  const hash = await hashPassword(password)
  inTransaction(db, () => {
    db.update(participants).set({ passwordHash: hash }).where(eq(participants.id, participantId)).run()
    const ended = endSessions(db, 'participant', participantId)
    appendAudit(db, actor, 'participant.password_reset', 'participant', participantId, { sessionsEnded: ended }, now)
  })
  return password
}
