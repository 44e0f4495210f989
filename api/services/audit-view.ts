import { all, get, type Program } from '../../db/program'
import type { AliasedRow } from '../../db/row-types'
import type { auditLog, staffUsers } from '../../db/schema'
import type { AuditPage } from '../schemas/wire'

export type AuditFilter = { action?: string; actorId?: string; from?: number; to?: number }

// The log joined to today's names of who acted and of what they acted on (the row itself keeps ids, as
// hashed; a renamed contest shows its new title). The system actor and a deleted thing have no name.
export const NAMED_AUDIT_SELECT = `SELECT a.seq, a.at, a.actor_id AS "actorId", s.name AS "actorName", a.actor_role AS "actorRole",
    a.action, a.entity, a.entity_id AS "entityId",
    CASE a.entity WHEN 'staff_user' THEN su.name WHEN 'contest' THEN c.title WHEN 'round' THEN r.title
      WHEN 'participant' THEN p.full_name WHEN 'topic' THEN tp.name END AS "entityName",
    a.detail, a.prev_hash AS "prevHash", a.hash
  FROM audit_log a
  LEFT JOIN staff_users s ON s.id = a.actor_id
  LEFT JOIN staff_users su ON a.entity = 'staff_user' AND su.id = a.entity_id
  LEFT JOIN contests c ON a.entity = 'contest' AND c.id = a.entity_id
  LEFT JOIN rounds r ON a.entity = 'round' AND r.id = a.entity_id
  LEFT JOIN participants p ON a.entity = 'participant' AND p.id = a.entity_id
  LEFT JOIN topics tp ON a.entity = 'topic' AND tp.id = a.entity_id`

// actorName is the acting staff account's, entityName computed from the entity's table; null when gone.
export type NamedAuditRow = AliasedRow<typeof auditLog> & { actorName: AliasedRow<typeof staffUsers>['name'] | null; entityName: string | null }

// from is inclusive, to exclusive (the web sends the start of the day after the last one shown).
function where(f: AuditFilter): { sql: string; params: unknown[] } {
  const parts: string[] = []
  const params: unknown[] = []
  if (f.action) { parts.push('a.action = ?'); params.push(f.action) }
  if (f.actorId) { parts.push('a.actor_id = ?'); params.push(f.actorId) }
  if (f.from !== undefined) { parts.push('a.at >= ?'); params.push(f.from) }
  if (f.to !== undefined) { parts.push('a.at < ?'); params.push(f.to) }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params }
}

// A page of the log, newest first, with the total the filter matches for paging.
export function* readAuditPage(limit: number, offset: number, filter: AuditFilter = {}): Program<AuditPage> {
  const w = where(filter)
  const { n } = (yield* get<{ n: number }>(`SELECT count(*) AS n FROM audit_log a ${w.sql}`, ...w.params))!
  const rows = yield* all<NamedAuditRow>(`${NAMED_AUDIT_SELECT} ${w.sql} ORDER BY a.seq DESC LIMIT ? OFFSET ?`, ...w.params, limit, offset)
  const entries = rows.map((r) => ({ ...r, seq: Number(r.seq), at: new Date(Number(r.at)).toISOString(), detail: JSON.parse(r.detail) as unknown }))
  return { total: Number(n), entries }
}

