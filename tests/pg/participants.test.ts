import { describe, expect, it } from 'vitest'
import { closeSession, closeSessionsOf, findAccount, nameSignIn, openSession, sessionUser } from '../../api/services/auth'
import { addStaffUser } from '../../api/services/staff'
import { chooseContestUnit, enrollParticipant, findContestUnit, replaceParticipantPassword } from '../../api/services/participants'
import { AppError } from '../../api/errors'
import { openPg, type PgDb } from '../../db/pg'
import { runPg } from '../../db/pg-runner'
import { all, get, run, transaction, type Program } from '../../db/program'
import { runSqlite } from '../../db/sqlite-runner'
import { memoryDb } from '../helpers/db'
import { pgTestDb, type PgTestDb } from '../helpers/pg'

type Exec = <T>(program: Program<T>) => Promise<T>
const NOW = Date.parse('2026-03-02T03:00:00Z')

// Three servers on one database, each with its own pool; the test runs its body and closes everything.
async function onServers(body: (servers: PgDb[], t: PgTestDb) => Promise<void>) {
  const t = await pgTestDb()
  const servers = [openPg(t.url, { max: 4 }), openPg(t.url, { max: 4 }), openPg(t.url, { max: 4 })]
  try {
    await body(servers, t)
  } finally {
    await Promise.all(servers.map((s) => s.$client.end()))
    await t.drop()
  }
}
const spread = (servers: PgDb[]): ((i: number) => Exec) => (i) => (p) => runPg(servers[i % servers.length].$client, p)

const contestWithUnits = (...unitIds: string[]) => transaction(function* () {
  yield* run("INSERT INTO contests (id, slug, title, created_at) VALUES ('c1', 'c1', 'Hội thi', ?)", NOW)
  for (const id of unitIds) yield* run("INSERT INTO units (id, contest_id, code, name) VALUES (?, 'c1', ?, ?)", id, id, `Đơn vị ${id}`)
})

const person = (i: number, phone: string, nationalId: string | null) =>
  ({ fullName: `Người ${i}`, dateOfBirth: '1990-01-01', phone, nationalId, position: null, unitId: 'u1' })
// Five people each registered four times with the same phone, five with the same national ID and four phones.
const registrations = Array.from({ length: 40 }, (_, i) => {
  const k = i % 10
  return k < 5 ? person(i, `090000000${k}`, null) : person(i, `09100${String(i).padStart(5, '0')}`, `00000000000${k}`)
})

async function registerAll(execAt: (i: number) => Exec) {
  const outcomes = await Promise.allSettled(registrations.map((p, i) => execAt(i)(enrollParticipant(p, 'hash', NOW, 'test'))))
  const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => (o.reason instanceof AppError ? o.reason.code : String(o.reason)))
  const counts = await execAt(0)(get<{ people: number; choices: number }>(
    'SELECT (SELECT count(*) FROM participants) AS people, (SELECT count(*) FROM participant_units) AS choices'))
  return { registered: outcomes.length - refused.length, refused, counts }
}

describe('registration on several servers at once', () => {
  it('registers each phone and national ID once; every other registration of them is 409 DUPLICATE_PERSON, never a 500', async () => {
    await onServers(async (servers) => {
      await runPg(servers[0].$client, contestWithUnits('u1'))
      const outcome = await registerAll(spread(servers))
      expect(outcome.refused).toEqual(Array(30).fill('DUPLICATE_PERSON'))
      expect(outcome).toMatchObject({ registered: 10, counts: { people: 10, choices: 10 } })
    })
  })

  it('answers the same on SQLite', async () => {
    const db = memoryDb()
    const exec: Exec = async (p) => runSqlite(db, p)
    runSqlite(db, contestWithUnits('u1'))
    const outcome = await registerAll(() => exec)
    expect(outcome.refused).toEqual(Array(30).fill('DUPLICATE_PERSON'))
    expect(outcome).toMatchObject({ registered: 10, counts: { people: 10, choices: 10 } })
  })
})

describe('sessions against a password change on another server', () => {
  const sessionsOf = (id: string) => all<{ id: string }>("SELECT id FROM sessions WHERE user_kind = 'participant' AND user_id = ?", id)

  it('lets no session opened with the old password outlive the change', async () => {
    await onServers(async (servers) => {
      const exec = spread(servers)
      await exec(0)(contestWithUnits('u1'))
      const { id } = await exec(0)(enrollParticipant(person(1, '0900000001', null), 'old-hash', NOW, 'test'))
      const user = { kind: 'participant' as const, id, role: 'participant' as const, name: 'Người 1' }
      const own = await exec(0)(openSession({ ...user, credential: 'old-hash' }, NOW, 1))
      // The change holds its transaction open a while after ending the sessions; sign-ins checked against
      // the old password keep arriving on the other servers before, during and after it.
      const change = exec(0)(transaction(function* () {
        yield* replaceParticipantPassword(id, 'old-hash', 'new-hash', own.token)
        yield* get('SELECT pg_sleep(0.3)')
      }))
      const signIns = Array.from({ length: 30 }, (_, i) => new Promise((r) => setTimeout(r, i * 15))
        .then(() => exec(1 + (i % 2))(openSession({ ...user, credential: 'old-hash' }, NOW, 1))))
      const outcomes = await Promise.allSettled([change, ...signIns])
      expect(outcomes[0].status).toBe('fulfilled')
      for (const o of outcomes.slice(1)) if (o.status === 'rejected') expect(o.reason).toMatchObject({ code: 'UNAUTHENTICATED' })
      expect(await exec(0)(sessionsOf(id))).toHaveLength(1)
      // Signed in with the new password, a session opens; a reset ends it and the kept one.
      await exec(1)(openSession({ ...user, credential: 'new-hash' }, NOW, 1))
      expect(await exec(2)(transaction(() => closeSessionsOf('participant', id)))).toBe(2)
    })
  })

  it('takes one of several changes made at once with the same current password; the others are told it is wrong', async () => {
    await onServers(async (servers) => {
      const exec = spread(servers)
      await exec(0)(contestWithUnits('u1'))
      const { id } = await exec(0)(enrollParticipant(person(1, '0900000001', null), 'old-hash', NOW, 'test'))
      const outcomes = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => exec(i)(replaceParticipantPassword(id, 'old-hash', `new-${i}`, null))))
      const won = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [`new-${i}`] : []))
      expect(won).toHaveLength(1)
      for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toMatchObject({ code: 'VALIDATION_FAILED' })
      expect(await exec(0)(get('SELECT password_hash AS "hash" FROM participants WHERE id = ?', id))).toEqual({ hash: won[0] })
    })
  })
})

describe('choosing a contest unit on several servers at once', () => {
  it('logs a move only when it moves the person, in the order the moves took effect', async () => {
    await onServers(async (servers) => {
      const exec = spread(servers)
      await exec(0)(contestWithUnits('u1', 'u2', 'u3'))
      const { id } = await exec(0)(enrollParticipant(person(1, '0900000001', null), 'hash', NOW, 'test'))
      await Promise.all(Array.from({ length: 36 }, (_, i) => exec(i)(chooseContestUnit(id, 'c1', ['u2', 'u3'][i % 2], NOW))))
      const moves = (await exec(0)(all<{ unitId: string }>("SELECT unit_id AS \"unitId\" FROM standings_changes WHERE kind = 'unit_move' AND participant_id = ? ORDER BY seq", id))).map((m) => m.unitId)
      const units = ['u1', ...moves]
      expect(units.filter((u, i) => i > 0 && u === units[i - 1])).toEqual([])
      expect(await exec(1)(get('SELECT unit_id AS "unitId" FROM participant_units WHERE participant_id = ?', id))).toEqual({ unitId: units[units.length - 1] })
    })
  })
})

// The sign-in reads, on both stores: the same rows, the same shapes.
describe.each([
  ['SQLite', async (body: (exec: Exec) => Promise<void>) => { const db = memoryDb(); await body(async (p) => runSqlite(db, p)) }],
  ['PostgreSQL', async (body: (exec: Exec) => Promise<void>) => onServers(([s]) => body((p) => runPg(s.$client, p)))],
] as const)('sign-in and session reads on %s', (_name, on) => {
  it('find a person by phone or national ID and staff by username, and read a session back until it ends or expires', () => on(async (exec) => {
    await exec(contestWithUnits('u1', 'u2'))
    const { id } = await exec(enrollParticipant(person(1, '0912345678', '001090012345'), 'hash-p', NOW, 'test'))
    const staff = await exec(addStaffUser({ id: 'system', role: 'admin' }, { username: 'bantochuc', role: 'organizer', name: 'Ban Tổ chức' }, 'hash-s', NOW))
    expect(await exec(findAccount('+84 912 345 678'))).toEqual({ kind: 'participant', role: 'participant', id, name: 'Người 1', passwordHash: 'hash-p' })
    expect(await exec(findAccount('001090012345'))).toMatchObject({ id })
    expect(await exec(findAccount(' BanToChuc '))).toEqual({ kind: 'staff', id: staff.id, role: 'organizer', name: 'Ban Tổ chức', passwordHash: 'hash-s', disabled: 0 })
    expect(await exec(findAccount('0999999999'))).toBeUndefined()
    expect([await exec(nameSignIn('0912 345 678')), await exec(nameSignIn('0999999999')), await exec(nameSignIn('Ai Đó'))])
      .toEqual([`participant:${id}`, 'unknown:0999999999', 'unknown:ai đó'])
    const user = { kind: 'participant' as const, id, role: 'participant' as const, name: 'Người 1' }
    const { token, expiresAt } = await exec(openSession({ ...user, credential: 'hash-p' }, NOW, 2))
    expect(expiresAt).toBe(NOW + 2 * 3600_000)
    expect(await exec(sessionUser(token, NOW))).toEqual(user)
    expect(await exec(sessionUser(token, expiresAt))).toBeNull()
    await expect(exec(openSession({ ...user, credential: 'stale' }, NOW, 2))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
    const own = await exec(openSession({ kind: 'staff', id: staff.id, role: 'organizer', name: 'Ban Tổ chức' }, NOW, 1))
    expect(await exec(sessionUser(own.token, NOW))).toEqual({ kind: 'staff', id: staff.id, role: 'organizer', name: 'Ban Tổ chức' })
    await exec(closeSession(token))
    expect(await exec(sessionUser(token, NOW))).toBeNull()
    expect(await exec(chooseContestUnit(id, 'c1', 'u2', NOW))).toEqual({ contestId: 'c1', unitId: 'u2' })
    expect([await exec(findContestUnit(id, 'c1')), await exec(findContestUnit(id, 'c2'))]).toEqual(['u2', null])
  }))
})
