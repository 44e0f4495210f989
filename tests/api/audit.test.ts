import { describe, expect, it } from 'vitest'
import { GENESIS, hashEntry, verifyChain } from '../../api/services/audit'
import { staffAgent, testApp, type Agent, type TestApp } from '../helpers/app'
import { registerPerson, setupContest, takeAttempt } from '../helpers/contest'

type AuditRow = { seq: number; at: number; actor_id: string; actor_role: string; action: string; entity: string; entity_id: string; detail: string; prev_hash: string; hash: string }

const iso = (ms: number) => new Date(ms).toISOString()
const auditRows = (t: TestApp) => t.sql<AuditRow>('SELECT * FROM audit_log ORDER BY seq')
const verify = (t: TestApp) => t.store.read(verifyChain())

// Runs one staff action and returns the audit rows it appended.
async function appended(t: TestApp, action: () => Promise<{ status: number; text: string }>, expectStatus: number) {
  const before = (await auditRows(t)).length
  const res = await action()
  expect(res.status, res.text).toBe(expectStatus)
  return (await auditRows(t)).slice(before)
}

const staffId = async (agent: Agent) => (await agent.get('/me')).body.user.id as string

// A round with one finished attempt, ready for judging; the clock is still inside the round.
async function judgedRound() {
  const t = testApp()
  const s = await setupContest(t)
  const p = await registerPerson(t, s.unit.A1)
  const attempt = await takeAttempt(t, p.agent, s.roundId, 2)
  expect((await p.agent.post(`/attempts/${attempt.id}/submit`, {})).status).toBe(200)
  return { t, s, p, questionId: attempt.items[0].questionId }
}

// The database refuses to change the log (db/migrations*/0001_audit_append_only.sql); a tamperer with the
// owner's rights first takes the guard away: SQLite's two triggers are dropped, PostgreSQL's one trigger for
// UPDATE and DELETE is disabled (the connection is the table's owner, which the REVOKE does not bind).
async function dropAppendOnlyGuard(t: TestApp) {
  if (t.dialect === 'pg') {
    await t.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update')
  } else {
    await t.exec('DROP TRIGGER audit_log_no_update')
    await t.exec('DROP TRIGGER audit_log_no_delete')
  }
}

async function rewriteDetail(t: TestApp, seq: number, detail: string) {
  await dropAppendOnlyGuard(t)
  await t.exec('UPDATE audit_log SET detail = ? WHERE seq = ?', detail, seq)
}

describe('staff changes are audited', () => {
  it('contest create, units upsert, round create and patch, question edit, disqualify, undo, finalize each append a row naming who did it', async () => {
    const { t, s, p, questionId } = await judgedRound()
    const orgId = await staffId(s.org)
    const judgeId = await staffId(s.judge)
    const now = t.clock.now()
    const steps: { label: string; actor: string; role: string; entityId: () => string; run: () => Promise<{ status: number; text: string }>; status: number }[] = []
    let contestId = ''
    let roundId = ''
    steps.push({ label: 'contest create', actor: orgId, role: 'organizer', entityId: () => contestId, status: 201, run: async () => {
      const res = await s.org.post('/admin/contests', { title: 'Cuộc thi kiểm toán' })
      contestId = res.body.contest.id
      return res
    } })
    steps.push({ label: 'units upsert', actor: orgId, role: 'organizer', entityId: () => contestId, status: 200, run: () => s.org.post(`/admin/contests/${contestId}/units`, { units: [{ code: 'Q', name: 'Đơn vị Quang', headcount: 3 }] }) })
    steps.push({ label: 'round create', actor: orgId, role: 'organizer', entityId: () => roundId, status: 201, run: async () => {
      const res = await s.org.post(`/admin/contests/${contestId}/rounds`, { title: 'Tuần 1', opensAt: iso(now), closesAt: iso(now + 3600_000), questionCount: 5 })
      roundId = res.body.round.id
      return res
    } })
    steps.push({ label: 'round patch', actor: orgId, role: 'organizer', entityId: () => roundId, status: 200, run: () => s.org.patch(`/admin/rounds/${roundId}`, { title: 'Tuần 1 (đã sửa)', maxAttempts: 2 }) })
    steps.push({ label: 'question patch', actor: orgId, role: 'organizer', entityId: () => questionId, status: 200, run: () => s.org.patch(`/admin/questions/${questionId}`, { explanation: 'Giải thích đã sửa.' }) })
    steps.push({ label: 'disqualify', actor: judgeId, role: 'judge', entityId: () => s.roundId, status: 200, run: () => s.judge.post(`/admin/rounds/${s.roundId}/disqualify`, { participantId: p.id, reason: 'Khai sai ngày sinh' }) })
    steps.push({ label: 'undo disqualify', actor: judgeId, role: 'judge', entityId: () => s.roundId, status: 204, run: () => s.judge.delete(`/admin/rounds/${s.roundId}/disqualify/${p.id}`) })
    steps.push({ label: 'finalize', actor: judgeId, role: 'judge', entityId: () => s.roundId, status: 200, run: async () => {
      t.clock.advance(24 * 3600_000 + 10_000)
      return s.judge.post(`/admin/rounds/${s.roundId}/finalize`)
    } })
    for (const step of steps) {
      const rows = await appended(t, step.run, step.status)
      expect(rows.length, step.label).toBeGreaterThanOrEqual(1)
      const row = rows.at(-1)!
      expect(row, step.label).toMatchObject({ actor_id: step.actor, actor_role: step.role, entity_id: step.entityId(), at: t.clock.now() })
      expect(row.action, step.label).toMatch(/\w/)
    }
    expect(await verify(t)).toMatchObject({ ok: true })
  })

  it('the disqualify row records the participant and the reason', async () => {
    const { t, s, p } = await judgedRound()
    const rows = await appended(t, () => s.judge.post(`/admin/rounds/${s.roundId}/disqualify`, { participantId: p.id, reason: 'Cán bộ ban tổ chức' }), 200)
    expect(rows).toHaveLength(1)
    expect(rows[0].detail).toContain(p.id)
    expect(rows[0].detail).toContain('Cán bộ ban tổ chức')
  })

  it('refused staff requests append nothing', async () => {
    const { t, s } = await judgedRound()
    expect(await appended(t, () => s.org.post(`/admin/contests/${s.contestId}/rounds`, { title: 'Tuần 2', opensAt: '2026-03-01T10:00:00', closesAt: '2026-03-08T10:00:00' }), 400)).toEqual([])
    expect(await appended(t, () => s.judge.post(`/admin/rounds/${s.roundId}/finalize`), 409)).toEqual([])
    expect(await appended(t, () => s.judge.post('/admin/contests', { title: 'Giám khảo không được lập' }), 403)).toEqual([])
  })
})

describe('the audit chain', () => {
  it('rows are chained by hash from genesis, verifyChain is ok, and its head is the finalize auditHead', async () => {
    const { t, s } = await judgedRound()
    expect((await s.org.patch(`/admin/rounds/${s.roundId}`, { title: 'Tuần 1 (sửa)' })).status).toBe(200)
    t.clock.advance(24 * 3600_000 + 10_000)
    const fin = await s.judge.post(`/admin/rounds/${s.roundId}/finalize`)
    expect(fin.status, fin.text).toBe(200)
    const rows = await auditRows(t)
    expect(rows.length).toBeGreaterThan(5)
    let prev = GENESIS
    for (const row of rows) {
      expect(row.prev_hash).toBe(prev)
      expect(row.hash).toBe(hashEntry(prev, { at: row.at, actorId: row.actor_id, actorRole: row.actor_role, action: row.action, entity: row.entity, entityId: row.entity_id, detail: row.detail }))
      prev = row.hash
    }
    expect(await verify(t)).toEqual({ ok: true, head: prev, count: rows.length })
    expect(fin.body.auditHead).toBe(prev)
  })

  it('the database refuses UPDATE and DELETE on audit_log', async () => {
    const { t } = await judgedRound()
    const before = await auditRows(t)
    const seq = before[1].seq
    await expect(t.exec("UPDATE audit_log SET detail = '{}' WHERE seq = ?", seq)).rejects.toThrow(/append-only/)
    await expect(t.exec('UPDATE audit_log SET hash = prev_hash')).rejects.toThrow(/append-only/)
    await expect(t.exec('DELETE FROM audit_log WHERE seq = ?', seq)).rejects.toThrow(/append-only/)
    await expect(t.exec('DELETE FROM audit_log')).rejects.toThrow(/append-only/)
    expect(await auditRows(t)).toEqual(before)
  })

  it('a rewritten detail is detected: verifyChain reports brokenAt that row', async () => {
    const { t } = await judgedRound()
    const rows = await auditRows(t)
    const target = rows[Math.floor(rows.length / 2)]
    await rewriteDetail(t, target.seq, JSON.stringify({ rewritten: true }))
    expect(await verify(t)).toEqual({ ok: false, brokenAt: target.seq })
  })

  it('a rewritten row with a recomputed hash is detected at the next row', async () => {
    const { t } = await judgedRound()
    const rows = await auditRows(t)
    const i = Math.floor(rows.length / 2)
    const target = rows[i]
    const detail = JSON.stringify({ rewritten: true })
    await rewriteDetail(t, target.seq, detail)
    const hash = hashEntry(target.prev_hash, { at: target.at, actorId: target.actor_id, actorRole: target.actor_role, action: target.action, entity: target.entity, entityId: target.entity_id, detail })
    await t.exec('UPDATE audit_log SET hash = ? WHERE seq = ?', hash, target.seq)
    expect(await verify(t)).toEqual({ ok: false, brokenAt: rows[i + 1].seq })
  })

  it('a deleted row is detected at the row after it', async () => {
    const { t } = await judgedRound()
    const rows = await auditRows(t)
    const i = Math.floor(rows.length / 2)
    await dropAppendOnlyGuard(t)
    await t.exec('DELETE FROM audit_log WHERE seq = ?', rows[i].seq)
    expect(await verify(t)).toEqual({ ok: false, brokenAt: rows[i + 1].seq })
  })

  it('a whole rewritten chain verifies again but no longer ends at the head published by finalize', async () => {
    const { t, s } = await judgedRound()
    t.clock.advance(24 * 3600_000 + 10_000)
    const fin = await s.judge.post(`/admin/rounds/${s.roundId}/finalize`)
    expect(fin.status, fin.text).toBe(200)
    const rows = await auditRows(t)
    const i = Math.floor(rows.length / 2)
    await rewriteDetail(t, rows[i].seq, JSON.stringify({ rewritten: true }))
    let prev = rows[i].prev_hash
    for (const row of (await auditRows(t)).slice(i)) {
      const hash = hashEntry(prev, { at: row.at, actorId: row.actor_id, actorRole: row.actor_role, action: row.action, entity: row.entity, entityId: row.entity_id, detail: row.detail })
      await t.exec('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?', prev, hash, row.seq)
      prev = hash
    }
    const check = await verify(t)
    expect(check.ok).toBe(true)
    expect(check.ok && check.head).not.toBe(fin.body.auditHead)
    const csv = await t.app.request(`/admin/rounds/${s.roundId}/results.csv`, { headers: { cookie: s.judge.cookie } })
    expect(csv.headers.get('x-audit-head')).not.toBe(fin.body.auditHead)
  })

  it('get /admin/audit/verify reports ok, then the broken row after a rewrite', async () => {
    const { t } = await judgedRound()
    const admin = await staffAgent(t, 'admin')
    const ok = await admin.get('/admin/audit/verify')
    expect(ok.status, ok.text).toBe(200)
    expect(ok.body.verification).toMatchObject({ ok: true, count: (await auditRows(t)).length })
    const target = (await auditRows(t))[2]
    await rewriteDetail(t, target.seq, JSON.stringify({ rewritten: true }))
    const broken = await admin.get('/admin/audit/verify')
    expect(broken.body.verification).toEqual({ ok: false, brokenAt: target.seq })
  })
})
