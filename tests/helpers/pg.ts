import { nanoid } from 'nanoid'
import { inject } from 'vitest'
import { openPg, type PgDb } from '../../db/pg'

export const TEMPLATE = 'hoithi_template'

export type PgTestDb = { db: PgDb; url: string; name: string; drop: () => Promise<void> }

// A database of its own for one test, copied from the migrated template of the run's throwaway cluster.
export async function pgTestDb(options: { migrated?: boolean } = {}): Promise<PgTestDb> {
  const server = inject('pgServer')
  const name = `t_${nanoid(10).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`
  const admin = openPg(`${server}postgres`, { max: 1 })
  await admin.$client.unsafe(options.migrated === false ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`)
  const url = `${server}${name}`
  const db = openPg(url)
  return {
    db, url, name,
    async drop() {
      await db.$client.end()
      await admin.$client.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.$client.end()
    },
  }
}
