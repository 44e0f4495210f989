import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { openDb } from '../../db/client'
import { migrateDb } from '../../db/migrate'
import { testApp } from '../helpers/app'
import { registerPerson, setupContest, takeAttempt } from '../helpers/contest'

const run = promisify(execFile)
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'hoithi-backup-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('npm run db:backup', () => {
  it('copies a live database consistently, and the copy restores into a working server', async () => {
    const live = join(dir, 'live.db')
    const db = openDb(live)
    migrateDb(db)
    const t = testApp({}, db)
    const s = await setupContest(t)
    const p = await registerPerson(t, s.unit.A1)
    const a = await takeAttempt(t, p.agent, s.roundId, 4)
    await p.agent.post(`/attempts/${a.id}/submit`, {})

    // Keep writing while the backup runs in another process.
    let writing = true
    const writer = (async () => {
      let n = 0
      while (writing) {
        await registerPerson(t, s.unit.B)
        n++
      }
      return n
    })()
    const copy = join(dir, 'copy.db')
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/db-backup.ts', copy], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: live } })
    writing = false
    const written = await writer
    expect(stdout).toContain('integrity_check: ok')
    expect(written).toBeGreaterThan(0)

    const refused = await run(process.execPath, ['--import', 'tsx', 'scripts/db-backup.ts', copy], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: live } }).catch((e: { code: number }) => e)
    expect((refused as { code: number }).code).toBe(2) // never overwrites an earlier backup

    const restored = openDb(copy)
    migrateDb(restored)
    const r = testApp({}, restored)
    const board = await r.agent().get(`/rounds/${s.roundId}/leaderboard`)
    expect(board.body.entries).toEqual([expect.objectContaining({ participantId: p.id, score: 4 })])
    const signIn = await r.agent().post('/sessions', { identifier: p.phone, password: 'matkhau123' })
    expect(signIn.status).toBe(200)
    db.$client.close()
    restored.$client.close()
  }, 60_000)
})
