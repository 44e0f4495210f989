import { describe, expect, it } from 'vitest'
import { migrateDb } from '../../db/migrate'
import { memoryDb } from '../helpers/db'

describe('migrations', () => {
  it('apply cleanly to a new database and again as a no-op', () => {
    const db = memoryDb()
    migrateDb(db)
    const tables = (db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name)
    for (const name of ['attempts', 'attempt_items', 'audit_log', 'contests', 'participants', 'questions', 'question_revisions', 'rounds', 'sessions', 'staff_users', 'units', 'final_standings']) {
      expect(tables).toContain(name)
    }
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1)
  })

  it('makes the audit log append-only in the database itself', () => {
    const db = memoryDb()
    db.$client.prepare("INSERT INTO audit_log (at, actor_id, actor_role, action, entity, entity_id, detail, prev_hash, hash) VALUES (1, 'a', 'admin', 'x', 'y', 'z', '{}', 'genesis', 'h')").run()
    expect(() => db.$client.prepare("UPDATE audit_log SET detail = '{\"x\":1}'").run()).toThrow(/append-only/)
    expect(() => db.$client.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/)
  })
})
