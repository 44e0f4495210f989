import { prepared, type Db } from '../../db/client'
import { iso } from '../lib/time'
import { containsPattern } from '../lib/text'
import { normalizePhone } from '../rules/phone'
import { getRoundRow } from './round-view'

// The locked prize lists of a finalized round, with names (empty until finalized).
export function roundPrizes(db: Db, roundId: string) {
  const round = getRoundRow(db, roundId)
  const prizes = prepared(db, `SELECT rp.rank, rp.name, rp.participant_id AS participantId, p.full_name AS fullName, u.name AS unitName
    FROM round_prizes rp JOIN participants p ON p.id = rp.participant_id
    LEFT JOIN participant_units pu ON pu.participant_id = p.id AND pu.contest_id = ? LEFT JOIN units u ON u.id = pu.unit_id
    WHERE rp.round_id = ? ORDER BY rp.rank`).all(round.contestId, roundId)
  const unitPrizes = prepared(db, `SELECT rup.rank, rup.name, rup.unit_id AS unitId, u.name AS unitName FROM round_unit_prizes rup
    JOIN units u ON u.id = rup.unit_id WHERE rup.round_id = ? ORDER BY rup.rank`).all(roundId)
  return { finalized: round.finalizedAt != null, predictionTruth: round.predictionTruth, prizes, unitPrizes }
}

// Buckets start on Hà Nội time (UTC+7, no daylight saving), so a day bucket is a local calendar day.
const HANOI_OFFSET_MS = 7 * 3600_000

// Attempts started and finished per time bucket, for the judges' participation chart. Sizes are bound as
// BigInt: better-sqlite3 binds JS numbers as REAL, and the division would not round down (STACK.md).
export function roundActivity(db: Db, roundId: string, bucketMinutes: number) {
  getRoundRow(db, roundId)
  const size = BigInt(bucketMinutes * 60_000)
  const off = BigInt(HANOI_OFFSET_MS)
  const bucket = (col: string) => `((${col} + @off) / @size) * @size - @off`
  const started = prepared(db, `SELECT ${bucket('started_at')} AS at, count(*) AS n FROM attempts WHERE round_id = @roundId GROUP BY 1 ORDER BY 1`)
    .all({ off, size, roundId }) as { at: number; n: number }[]
  const finished = prepared(db, `SELECT ${bucket('ended_at')} AS at, count(*) AS n FROM attempts WHERE round_id = @roundId AND status != 'in_progress' GROUP BY 1 ORDER BY 1`)
    .all({ off, size, roundId }) as { at: number; n: number }[]
  const buckets = new Map<number, { started: number; finished: number }>()
  for (const r of started) buckets.set(Number(r.at), { started: r.n, finished: 0 })
  for (const r of finished) buckets.set(Number(r.at), { started: buckets.get(Number(r.at))?.started ?? 0, finished: r.n })
  return [...buckets.entries()].sort((a, b) => a[0] - b[0]).map(([at, v]) => ({ at: iso(at), ...v }))
}

// Staff look people up by name (with or without diacritics), phone in any written form, or id.
export function searchParticipants(db: Db, q: string, limit: number) {
  const phone = normalizePhone(q)
  const needle = containsPattern(q)
  const rows = prepared(db, `SELECT p.id, p.full_name AS fullName, p.phone, p.date_of_birth AS dateOfBirth, p.created_at AS createdAt,
      (SELECT json_group_array(json_object('contestId', pu.contest_id, 'unitId', pu.unit_id, 'unitName', u.name))
        FROM participant_units pu JOIN units u ON u.id = pu.unit_id WHERE pu.participant_id = p.id) AS units
    FROM participants p WHERE p.id = ? OR p.phone = ? OR p.name_folded LIKE ? ESCAPE '\\' ORDER BY p.full_name LIMIT ?`)
    .all(q.trim(), phone ?? '', needle, limit) as { id: string; fullName: string; phone: string; dateOfBirth: string; createdAt: number; units: string }[]
  return rows.map((r) => ({ ...r, createdAt: iso(r.createdAt), units: JSON.parse(r.units) as unknown[] }))
}
