import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { seedDatabase } from '../../api/seed'
import { openStore } from '../../db/open-store'
import { get } from '../../db/program'

const ENV = { ADMIN_USERNAME: 'quantri', ADMIN_PASSWORD: 'mat-khau-quan-tri-1', SEED_DEMO: true }
const NOW = Date.parse('2026-03-02T03:00:00Z')
const dirs: string[] = []
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }) })

describe('openStore without DATABASE_URL', () => {
  it('opens and migrates the SQLite file; two seeds at once make one demo contest, and the file keeps it after a reopen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoithi-store-'))
    dirs.push(dir)
    const env = { DATABASE_PATH: join(dir, 'data', 'hoithi.db') }
    const first = await openStore(env)
    expect(first.dialect).toBe('sqlite')
    const seeded = await Promise.all([seedDatabase(first.store, ENV, NOW), seedDatabase(first.store, ENV, NOW)])
    expect(seeded.filter((s) => s.messages.some((m) => m.includes('"dai-hoi-dang"'))).length).toBe(1)
    await first.close()

    const reopened = await openStore(env)
    const n = await reopened.store.read(get<{ n: number }>(`SELECT count(*) AS "n" FROM contests`))
    expect(n).toEqual({ n: 1 })
    expect((await seedDatabase(reopened.store, ENV, NOW)).messages).toHaveLength(1)
    await reopened.close()
  })
})
