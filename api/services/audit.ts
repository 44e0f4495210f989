import { createHash } from 'node:crypto'
import { all, get, lock, run, type Program } from '../../db/program'
import type { Store } from '../../db/store'
import { CSV_BOM, csvLine } from '../lib/csv'
import type { SessionUser } from './auth'

export const GENESIS = 'genesis'
export type Actor = Pick<SessionUser, 'id' | 'role'>
export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'admin' }

type AuditFields = { at: number; actorId: string; actorRole: string; action: string; entity: string; entityId: string; detail: string }

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

type Verification = { ok: true; head: string; count: number } | { ok: false; brokenAt: number }
const VERIFY_PAGE = 1000

// Re-computes every hash from genesis, a page of rows at a time.
export function* verifyChain(): Program<Verification> {
  let prev = GENESIS
  let count = 0
  let after = 0
  for (;;) {
    const rows = yield* all<AuditFields & { seq: number; prevHash: string; hash: string }>(`SELECT seq, at, actor_id AS "actorId", actor_role AS "actorRole", action, entity,
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

type AuditRow = AuditFields & { seq: number; prevHash: string; hash: string }

// A page of the log, newest first, with the total for paging.
export function* readAuditPage(limit: number, offset: number) {
  const { n } = (yield* get<{ n: number }>('SELECT count(*) AS n FROM audit_log'))!
  const rows = yield* all<AuditRow>(`SELECT seq, at, actor_id AS "actorId", actor_role AS "actorRole", action, entity, entity_id AS "entityId", detail,
    prev_hash AS "prevHash", hash FROM audit_log ORDER BY seq DESC LIMIT ? OFFSET ?`, limit, offset)
  return { total: n, entries: rows.map((r) => ({ ...r, at: new Date(r.at).toISOString(), detail: JSON.parse(r.detail) as unknown })) }
}

type CsvRow = { seq: number; at: number; actor_id: string; actor_role: string; action: string; entity: string; entity_id: string; detail: string; prev_hash: string; hash: string }
const csvPage = (after: number) => all<CsvRow>(`SELECT seq, at, actor_id, actor_role, action, entity, entity_id, detail, prev_hash, hash
  FROM audit_log WHERE seq > ? ORDER BY seq LIMIT 1000`, after)

// The whole log with its hashes, so anyone can re-verify the chain outside the system. A page of 1000
// rows is read each time the reader asks for more, each page on its own (rows appended meanwhile follow).
export function auditCsvStream(store: Pick<Store, 'read'>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let last = 0
  let started = false
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true
        controller.enqueue(encoder.encode(CSV_BOM + csvLine(['seq', 'at', 'actor_id', 'actor_role', 'action', 'entity', 'entity_id', 'detail', 'prev_hash', 'hash'])))
        return
      }
      const rows = await store.read(csvPage(last))
      if (!rows.length) return controller.close()
      last = rows[rows.length - 1].seq
      controller.enqueue(encoder.encode(rows.map((r) => csvLine([r.seq, new Date(r.at).toISOString(), r.actor_id, r.actor_role, r.action, r.entity, r.entity_id, r.detail, r.prev_hash, r.hash])).join('')))
    },
  })
}
