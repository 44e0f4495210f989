import { createHash } from 'node:crypto'
import { all, get, lock, run, type Program } from '../../db/program'
import type { AliasedRow } from '../../db/row-types'
import type { auditLog } from '../../db/schema'
import type { AuditVerification } from '../schemas/wire'
import type { SessionUser } from './auth'

export const GENESIS = 'genesis'
export type Actor = Pick<SessionUser, 'id' | 'role'>
export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'admin' }

type AuditFields = Pick<AliasedRow<typeof auditLog>, 'at' | 'actorId' | 'actorRole' | 'action' | 'entity' | 'entityId' | 'detail'>

// Each row's hash covers its fields and the previous hash, so a rewritten row breaks the chain after it.
export function hashEntry(prevHash: string, f: AuditFields): string {
  const canonical = JSON.stringify([prevHash, f.at, f.actorId, f.actorRole, f.action, f.entity, f.entityId, f.detail])
  return createHash('sha256').update(canonical).digest('hex')
}

// The chain's head: the hash of the last row, or GENESIS for an empty log.
export function* headOfChain(): Program<string> {
  return (yield* get<{ hash: string }>('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1'))?.hash ?? GENESIS
}

// Run inside the transaction that makes the change, so the log and the data never disagree. Several servers
// append to one chain: the lock holds the head until this transaction ends, so no two rows share a parent.
export function* appendEntry(actor: Actor, action: string, entity: string, entityId: string, detail: unknown, now: number): Program<string> {
  yield* lock('audit_log.head')
  const prevHash = yield* headOfChain()
  const fields: AuditFields = { at: now, actorId: actor.id, actorRole: actor.role, action, entity, entityId, detail: JSON.stringify(detail ?? null) }
  const hash = hashEntry(prevHash, fields)
  yield* run(`INSERT INTO audit_log (at, actor_id, actor_role, action, entity, entity_id, detail, prev_hash, hash)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, fields.at, fields.actorId, fields.actorRole, fields.action, fields.entity, fields.entityId, fields.detail, prevHash, hash)
  return hash
}

const VERIFY_PAGE = 1000

// Re-computes every hash from genesis, a page of rows at a time.
export function* verifyChain(): Program<AuditVerification> {
  let prev = GENESIS
  let count = 0
  let after = 0
  for (;;) {
    const rows = yield* all<AliasedRow<typeof auditLog>>(`SELECT seq, at, actor_id AS "actorId", actor_role AS "actorRole", action, entity,
      entity_id AS "entityId", detail, prev_hash AS "prevHash", hash FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?`, after, VERIFY_PAGE)
    for (const row of rows) {
      if (row.prevHash !== prev || hashEntry(prev, row) !== row.hash) return { ok: false, brokenAt: row.seq }
      prev = row.hash
      count++
    }
    if (rows.length < VERIFY_PAGE) return { ok: true, head: prev, count }
    after = rows[rows.length - 1].seq
  }
}
