import { describe, expect, it } from 'vitest'
import { appendEntry, GENESIS, verifyChain } from '../../api/services/audit'
import { openPg } from '../../db/pg'
import { runPg } from '../../db/pg-runner'
import { run, transaction } from '../../db/program'
import { pgTestDb } from '../helpers/pg'

const ADMIN = { id: 'admin-1', role: 'admin' as const }

describe('the audit chain on PostgreSQL, written by several servers at once', () => {
  it('stays one unbroken chain: every row has the previous row as its parent', async () => {
    const t = await pgTestDb()
    const servers = [openPg(t.url, { max: 4 }), openPg(t.url, { max: 4 }), openPg(t.url, { max: 4 })]
    try {
      // Each change is audited inside its own transaction, as the services do.
      const change = (i: number) => transaction(function* () {
        yield* run("INSERT INTO contests (id, slug, title, created_at) VALUES (?, ?, 'Hội thi', ?)", `c${i}`, `c-${i}`, i)
        return yield* appendEntry(ADMIN, 'contest.create', 'contest', `c${i}`, { i }, 1_700_000_000_000 + i)
      })
      const heads = await Promise.all(Array.from({ length: 60 }, (_, i) => runPg(servers[i % 3].$client, change(i))))
      expect(new Set(heads).size).toBe(60)
      const verification = await runPg(t.db.$client, verifyChain())
      expect(verification).toMatchObject({ ok: true, count: 60 })
      const parents = await t.db.$client`SELECT prev_hash FROM audit_log ORDER BY seq`
      expect(parents[0].prev_hash).toBe(GENESIS)
      expect(new Set(parents.map((r) => r.prev_hash)).size).toBe(60)
      // A rolled-back change leaves no audit row and the chain goes on from the last committed one.
      await expect(runPg(t.db.$client, transaction(function* () {
        yield* appendEntry(ADMIN, 'contest.create', 'contest', 'x', null, 1)
        throw new Error('bỏ')
      }))).rejects.toThrow('bỏ')
      expect(await runPg(t.db.$client, verifyChain())).toMatchObject({ ok: true, count: 60 })
    } finally {
      await Promise.all(servers.map((s) => s.$client.end()))
      await t.drop()
    }
  })

  it('finds the first row whose hash does not match its content', async () => {
    const t = await pgTestDb()
    try {
      for (let i = 0; i < 3; i++) await runPg(t.db.$client, transaction(() => appendEntry(ADMIN, 'x', 'e', String(i), { i }, i)))
      // The trigger forbids rewriting a row; an attacker with the owner's rights would first drop it.
      await t.db.$client.unsafe(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
        UPDATE audit_log SET detail = '{"i":9}' WHERE seq = 2`)
      expect(await runPg(t.db.$client, verifyChain())).toEqual({ ok: false, brokenAt: 2 })
    } finally {
      await t.drop()
    }
  })
})
