import { describe, expect, it } from 'vitest'
import { verifyChain } from '../../api/services/audit'
import { addStaffUser, replaceStaffPassword } from '../../api/services/staff'
import { AppError } from '../../api/errors'
import { openPg } from '../../db/pg'
import { runPg } from '../../db/pg-runner'
import { get, type Program } from '../../db/program'
import { runSqlite } from '../../db/sqlite-runner'
import { memoryDb } from '../helpers/db'
import { pgTestDb } from '../helpers/pg'

type Exec = <T>(program: Program<T>) => Promise<T>
const ADMIN = { id: 'admin-1', role: 'admin' as const }
const NOW = Date.parse('2026-03-02T03:00:00Z')

// Six usernames, each created five times at once.
async function createAll(execAt: (i: number) => Exec) {
  const outcomes = await Promise.allSettled(Array.from({ length: 30 }, (_, i) =>
    execAt(i)(addStaffUser(ADMIN, { username: `canbo-${i % 6}`, role: 'judge', name: `Cán bộ ${i}` }, 'hash', NOW))))
  const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => (o.reason instanceof AppError ? o.reason.code : String(o.reason)))
  const count = await execAt(0)(get<{ n: number }>('SELECT count(*) AS n FROM staff_users'))
  return { created: outcomes.length - refused.length, refused, count, chain: await execAt(0)(verifyChain()) }
}

describe('staff usernames created on several servers at once', () => {
  it('creates each username once; every other creation of it is the 409 CONFLICT a taken name gets', async () => {
    const t = await pgTestDb()
    const servers = [openPg(t.url, { max: 4 }), openPg(t.url, { max: 4 }), openPg(t.url, { max: 4 })]
    try {
      const outcome = await createAll((i) => (p) => runPg(servers[i % 3].$client, p))
      expect(outcome.refused).toEqual(Array(24).fill('CONFLICT'))
      expect(outcome).toMatchObject({ created: 6, count: { n: 6 }, chain: { ok: true, count: 6 } })
    } finally {
      await Promise.all(servers.map((s) => s.$client.end()))
      await t.drop()
    }
  })

  it('takes one of three changes of a password made at once; the others are told the current one is wrong', async () => {
    const t = await pgTestDb()
    const servers = [openPg(t.url, { max: 4 }), openPg(t.url, { max: 4 }), openPg(t.url, { max: 4 })]
    try {
      const { id } = await runPg(t.db.$client, addStaffUser(ADMIN, { username: 'canbo', role: 'judge', name: 'Cán bộ' }, 'hash', NOW))
      const changes = await Promise.allSettled(servers.map((s, i) => runPg(s.$client, replaceStaffPassword(id, 'hash', `new-${i}`, null, NOW))))
      expect(changes.filter((o) => o.status === 'fulfilled')).toHaveLength(1)
      expect(changes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.code)).toEqual(['VALIDATION_FAILED', 'VALIDATION_FAILED'])
      expect(await runPg(t.db.$client, verifyChain())).toMatchObject({ ok: true, count: 2 })
    } finally {
      await Promise.all(servers.map((s) => s.$client.end()))
      await t.drop()
    }
  })

  it('answers the same on SQLite', async () => {
    const db = memoryDb()
    const outcome = await createAll(() => async (p) => runSqlite(db, p))
    expect(outcome.refused).toEqual(Array(24).fill('CONFLICT'))
    expect(outcome).toMatchObject({ created: 6, count: { n: 6 }, chain: { ok: true, count: 6 } })
  })
})
