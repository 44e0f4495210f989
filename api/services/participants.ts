import { isUniqueViolation } from '../../db/errors'
import { get, lock, run, transaction, type Program } from '../../db/program'
import type { Store } from '../../db/store'
import { AppError, notFound } from '../errors'
import { newId } from '../lib/ids'
import { generatePassword, hashPassword, verifyPassword } from '../lib/password'
import { foldText } from '../lib/text'
import { normalizeNationalId, normalizePhone } from '../rules/phone'
import type { RegisterInput } from '../schemas/participants'
import type { RegisteredParticipant } from '../schemas/wire'
import { appendEntry, type Actor } from './audit'
import { closeSessionsOf } from './auth'
import { logChange } from '../standings/change-log'

export const CONSENT_VERSION = '2026-11-v1'

type NewParticipant = Omit<RegisterInput, 'password' | 'consent' | 'phone' | 'nationalId' | 'position'> & { phone: string; nationalId: string | null; position: string | null }
const wrongCurrent = () => new AppError('VALIDATION_FAILED', 'Mật khẩu hiện tại không đúng.', { field: 'currentPassword' })

// No database: the registration's fields as they are stored, or the first field that is wrong.
export function checkRegistration(input: RegisterInput, now: number): NewParticipant {
  const phone = normalizePhone(input.phone)
  if (!phone) throw new AppError('VALIDATION_FAILED', 'Số điện thoại không hợp lệ.', { field: 'phone' })
  const nationalId = input.nationalId ? normalizeNationalId(input.nationalId) : null
  if (input.nationalId && !nationalId) throw new AppError('VALIDATION_FAILED', 'Số CCCD phải gồm đúng 12 chữ số.', { field: 'nationalId' })
  const born = Date.parse(`${input.dateOfBirth}T00:00:00Z`)
  if (!(born < now) || born < Date.parse('1900-01-01T00:00:00Z')) throw new AppError('VALIDATION_FAILED', 'Ngày sinh không hợp lệ.', { field: 'dateOfBirth' })
  return { fullName: input.fullName, dateOfBirth: input.dateOfBirth, phone, nationalId, position: input.position ?? null, unitId: input.unitId }
}

// The unique phone and national ID decide between registrations of one person at once on several servers:
// the one that loses gets the same 409 as a person registering twice, never a 500.
export function* enrollParticipant(person: NewParticipant, passwordHash: string, now: number, clientAddress: string): Program<RegisteredParticipant> {
  return yield* transaction(function* () {
    const unit = yield* get<{ contestId: string }>('SELECT contest_id AS "contestId" FROM units WHERE id = ?', person.unitId)
    if (!unit) throw new AppError('VALIDATION_FAILED', 'Đơn vị không tồn tại.', { field: 'unitId' })
    const id = newId()
    try {
      yield* transaction(() => run(`INSERT INTO participants (id, full_name, name_folded, date_of_birth, phone, national_id, position, password_hash,
        consent_at, consent_version, client_address, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      id, person.fullName, foldText(person.fullName), person.dateOfBirth, person.phone, person.nationalId, person.position, passwordHash,
      now, CONSENT_VERSION, clientAddress, now))
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('DUPLICATE_PERSON', 'Số điện thoại hoặc số CCCD này đã được đăng ký. Vui lòng đăng nhập.')
      throw err
    }
    yield* run('INSERT INTO participant_units (participant_id, contest_id, unit_id, choice_order) VALUES (?, ?, ?, 1)', id, unit.contestId, person.unitId)
    return { id, fullName: person.fullName, unitId: person.unitId }
  })
}

export function* findContestUnit(participantId: string, contestId: string): Program<string | null> {
  return (yield* get<{ unitId: string }>('SELECT unit_id AS "unitId" FROM participant_units WHERE participant_id = ? AND contest_id = ?', participantId, contestId))?.unitId ?? null
}

// The unit of the contest the person chose a unit in first (registration's), for /me.
export function* firstUnit(participantId: string): Program<string | null> {
  return (yield* get<{ unitId: string }>('SELECT unit_id AS "unitId" FROM participant_units WHERE participant_id = ? ORDER BY choice_order, contest_id LIMIT 1', participantId))?.unitId ?? null
}

// One choice at a time per person and contest (on any server), so a move is logged only when it moves
// the person, as on SQLite, and the log's order is the order the choices took effect.
export function* chooseContestUnit(participantId: string, contestId: string, unitId: string, now: number): Program<{ contestId: string; unitId: string }> {
  return yield* transaction(function* () {
    const unit = yield* get<{ contestId: string }>('SELECT contest_id AS "contestId" FROM units WHERE id = ?', unitId)
    if (!unit || unit.contestId !== contestId) throw new AppError('VALIDATION_FAILED', 'Đơn vị không thuộc cuộc thi này.', { field: 'unitId' })
    yield* lock(`participant_units:${participantId}:${contestId}`)
    if ((yield* findContestUnit(participantId, contestId)) === unitId) return { contestId, unitId }
    yield* run(`INSERT INTO participant_units (participant_id, contest_id, unit_id, choice_order)
      VALUES (?, ?, ?, (SELECT coalesce(max(choice_order), 0) + 1 FROM participant_units WHERE participant_id = ?))
      ON CONFLICT (participant_id, contest_id) DO UPDATE SET unit_id = excluded.unit_id`, participantId, contestId, unitId, participantId)
    yield* logChange({ kind: 'unit_move', contestId, participantId, unitId }, now)
    return { contestId, unitId }
  })
}

export function* participantPassword(participantId: string): Program<string | undefined> {
  return (yield* get<{ passwordHash: string }>('SELECT password_hash AS "passwordHash" FROM participants WHERE id = ?', participantId))?.passwordHash
}

// Every other session of the person ends: whoever else was signed in with the old password is out. The new
// password replaces only the one the change was checked against: of two changes at once, the second is
// told its current password is wrong.
export function* replaceParticipantPassword(participantId: string, checkedHash: string, nextHash: string, keepToken: string | null): Program<void> {
  yield* transaction(function* () {
    const { changes } = yield* run('UPDATE participants SET password_hash = ? WHERE id = ? AND password_hash = ?', nextHash, participantId, checkedHash)
    if (!changes) throw wrongCurrent()
    yield* closeSessionsOf('participant', participantId, keepToken ?? undefined)
  })
}

export function* resetParticipantCredential(actor: Actor, participantId: string, nextHash: string, now: number): Program<void> {
  yield* transaction(function* () {
    const { changes } = yield* run('UPDATE participants SET password_hash = ? WHERE id = ?', nextHash, participantId)
    if (!changes) throw notFound('thí sinh')
    const ended = yield* closeSessionsOf('participant', participantId)
    yield* appendEntry(actor, 'participant.password_reset', 'participant', participantId, { sessionsEnded: ended }, now)
  })
}

// Password hashing and checking are async and need no database, so they happen here, outside the programs.
export async function registerParticipant(store: Store, input: RegisterInput, now: number, clientAddress: string) {
  const person = checkRegistration(input, now)
  const passwordHash = await hashPassword(input.password)
  return store.write(() => enrollParticipant(person, passwordHash, now, clientAddress))
}

export async function changePassword(store: Store, participantId: string, current: string, next: string, keepToken: string | null) {
  const hash = await store.read(participantPassword(participantId))
  if (hash === undefined) throw notFound('thí sinh')
  if (!(await verifyPassword(current, hash))) throw wrongCurrent()
  const nextHash = await hashPassword(next)
  await store.write(() => replaceParticipantPassword(participantId, hash, nextHash, keepToken))
}

export async function resetParticipantPassword(store: Store, actor: Actor, participantId: string, now: number): Promise<string> {
  if ((await store.read(participantPassword(participantId))) === undefined) throw notFound('thí sinh')
  const password = generatePassword()
  const nextHash = await hashPassword(password)
  await store.write(() => resetParticipantCredential(actor, participantId, nextHash, now))
  return password
}
