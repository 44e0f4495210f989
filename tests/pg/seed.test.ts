import { describe, expect, it } from 'vitest'
import { verifyChain } from '../../api/services/audit'
import { seedDatabase } from '../../api/seed'
import { openStore } from '../../db/open-store'
import { openPg } from '../../db/pg'
import { get } from '../../db/program'
import { PgStore, type Store } from '../../db/store'
import { loadBankQuestions } from '../../questions/load'
import { pgTestDb } from '../helpers/pg'

const ENV = { ADMIN_USERNAME: 'quantri', ADMIN_PASSWORD: 'mat-khau-quan-tri-1', SEED_DEMO: true }
const NOW = Date.parse('2026-03-02T03:00:00Z')

const count = async (store: Store, table: string) => (await store.read(get<{ n: number }>(`SELECT count(*) AS "n" FROM ${table}`)))!.n
const counts = async (store: Store) => ({
  questions: await count(store, "questions WHERE status = 'published'"),
  bankChanges: await count(store, "standings_changes WHERE kind = 'bank'"),
  staff: await count(store, 'staff_users'),
  contests: await count(store, "contests WHERE slug = 'dai-hoi-dang' AND status = 'published'"),
  allContests: await count(store, 'contests'),
  rounds: await count(store, 'rounds'),
  units: await count(store, 'units'),
})

describe('the seed on PostgreSQL', () => {
  it('two servers seeding one database at once make one bank, one admin and one demo contest; the one that waited finds it done', async () => {
    const t = await pgTestDb()
    // One server opened as the scripts and the server open it (migrating again changes nothing), one as a pool of its own.
    const opened = await openStore({ DATABASE_URL: t.url, DATABASE_PATH: 'unused.db', DATABASE_POOL: 3 })
    const other = openPg(t.url, { max: 3 })
    const stores = [opened.store, new PgStore(other)]
    try {
      expect(opened.dialect).toBe('pg')
      const seeded = await Promise.all(stores.map((store) => seedDatabase(store, ENV, NOW).then(async ({ messages }) => ({ messages, seen: await counts(store) }))))
      const expected = { questions: loadBankQuestions().length, bankChanges: 1, staff: 1, contests: 1, allContests: 1, rounds: 1, units: 8 }
      // Each server returns only once the bank and the demo contest are there, whichever of them wrote them.
      for (const { seen } of seeded) expect(seen).toEqual(expected)
      const texts = seeded.map(({ messages }) => messages.join('\n'))
      expect(texts.filter((m) => m.includes('Đã nạp')).length).toBe(1)
      expect(texts.filter((m) => m.includes('"dai-hoi-dang"')).length).toBe(1)
      expect(texts.filter((m) => m.includes('"quantri"')).length).toBe(1)
      expect(await opened.store.read(verifyChain())).toMatchObject({ ok: true })

      // A restart adds nothing.
      const again = await seedDatabase(stores[1], ENV, NOW + 60_000)
      expect(again.messages).toEqual(['Nhân viên đăng nhập tại /dang-nhap rồi vào /quan-tri; thí sinh đăng ký tại trang chủ.'])
      expect(await counts(stores[0])).toEqual(expected)
    } finally {
      await opened.close()
      await other.$client.end()
      await t.drop()
    }
  })

  it('without SEED_DEMO loads the bank and the admin and no contest', async () => {
    const t = await pgTestDb()
    const store = new PgStore(t.db)
    try {
      await seedDatabase(store, { ...ENV, SEED_DEMO: false }, NOW)
      expect(await counts(store)).toMatchObject({ questions: loadBankQuestions().length, staff: 1, allContests: 0 })
    } finally {
      await t.drop()
    }
  })
})
