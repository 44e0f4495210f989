import { nanoid } from 'nanoid'
import { inject } from 'vitest'
import { openPg, type PgDb } from '../../db/pg'
import { TEMPLATE } from './pg'
import { pgRun } from './pg-cluster'

export type PgAppDb = { db: PgDb; name: string; onClose: (close: () => Promise<void>) => void }

// Databases made for test apps in this file, closed and dropped after it (tests/helpers/pg-app-setup.ts).
const open: { db: PgDb; name: string; closers: (() => Promise<void>)[] }[] = []

// A new database on the run's throwaway cluster, copied from its migrated template. Made with psql so that
// it is synchronous (some 50 ms): testApp stays synchronous on both stores.
export function createPgDatabase(): { name: string; url: string } {
  const server = inject('pgServer')
  const name = `a_${nanoid(10).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`
  pgRun('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', `${server}postgres`, '-c', `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`])
  return { name, url: `${server}${name}` }
}

// A database of its own for one test app; the pool connects on first use.
export function pgAppDb(): PgAppDb {
  const { name, url } = createPgDatabase()
  const db = openPg(url, { max: 4 })
  const entry = { db, name, closers: [] as (() => Promise<void>)[] }
  open.push(entry)
  return { db, name, onClose: (close) => entry.closers.push(close) }
}

export async function dropPgAppDbs(): Promise<void> {
  const server = inject('pgServer')
  const done = open.splice(0)
  if (!done.length) return
  for (const { db, closers } of done) {
    for (const close of closers) await close().catch(() => undefined)
    await db.$client.end({ timeout: 1 })
  }
  const admin = openPg(`${server}postgres`, { max: 1 })
  try {
    for (const { name } of done) await admin.$client.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  } finally {
    await admin.$client.end()
  }
}
