import { all, dialect, type Program } from '../../db/program'
import { HANOI_OFFSET_MS, iso } from '../lib/time'
import { containsPattern } from '../lib/text'
import { normalizePhone } from '../rules/phone'
import type { ActivityBucket, PersonMatch, RoundPrize, RoundPrizes, RoundUnitPrize } from '../schemas/wire'
import { roundRow } from './round-view'

// The locked prize lists of a finalized round, with names (empty until finalized).
export function* readRoundPrizes(roundId: string): Program<RoundPrizes> {
  const round = yield* roundRow(roundId)
  const prizes = yield* all<RoundPrize>(
    `SELECT rp.rank, rp.name, rp.participant_id AS "participantId", p.full_name AS "fullName", u.name AS "unitName"
    FROM round_prizes rp JOIN participants p ON p.id = rp.participant_id
    LEFT JOIN participant_units pu ON pu.participant_id = p.id AND pu.contest_id = ? LEFT JOIN units u ON u.id = pu.unit_id
    WHERE rp.round_id = ? ORDER BY rp.rank`, round.contestId, roundId)
  const unitPrizes = yield* all<RoundUnitPrize>(
    `SELECT rup.rank, rup.name, rup.unit_id AS "unitId", u.name AS "unitName" FROM round_unit_prizes rup
    JOIN units u ON u.id = rup.unit_id WHERE rup.round_id = ? ORDER BY rup.rank`, roundId)
  return { finalized: round.finalizedAt != null, predictionTruth: round.predictionTruth, prizes, unitPrizes }
}

// Buckets start on Hà Nội time (UTC+7, no daylight saving), so a day bucket is a local calendar day.
const bucket = (col: string) => `((${col} + ?) / ?) * ? - ?`

// Attempts started and finished per time bucket, for the judges' participation chart. Sizes are bound as
// BigInt: better-sqlite3 binds JS numbers as REAL, and the division would not round down (STACK.md).
export function* countRoundActivity(roundId: string, bucketMinutes: number): Program<ActivityBucket[]> {
  yield* roundRow(roundId)
  const size = BigInt(bucketMinutes * 60_000)
  const off = BigInt(HANOI_OFFSET_MS)
  const started = yield* all<{ at: number; n: number }>(`SELECT ${bucket('started_at')} AS at, count(*) AS n FROM attempts WHERE round_id = ? GROUP BY 1 ORDER BY 1`,
    off, size, size, off, roundId)
  const finished = yield* all<{ at: number; n: number }>(`SELECT ${bucket('ended_at')} AS at, count(*) AS n FROM attempts WHERE round_id = ? AND status != 'in_progress' GROUP BY 1 ORDER BY 1`,
    off, size, size, off, roundId)
  const buckets = new Map<number, { started: number; finished: number }>()
  for (const r of started) buckets.set(Number(r.at), { started: r.n, finished: 0 })
  for (const r of finished) buckets.set(Number(r.at), { started: buckets.get(Number(r.at))?.started ?? 0, finished: r.n })
  return [...buckets.entries()].sort((a, b) => a[0] - b[0]).map(([at, v]) => ({ at: iso(at), ...v }))
}

// Each person's units as one JSON text: the two dialects name their JSON aggregates differently.
const UNITS_JSON = {
  sqlite: `(SELECT json_group_array(json_object('contestId', pu.contest_id, 'unitId', pu.unit_id, 'unitName', u.name))
    FROM participant_units pu JOIN units u ON u.id = pu.unit_id WHERE pu.participant_id = p.id)`,
  pg: `(SELECT coalesce(json_agg(json_build_object('contestId', pu.contest_id, 'unitId', pu.unit_id, 'unitName', u.name)), '[]')::text
    FROM participant_units pu JOIN units u ON u.id = pu.unit_id WHERE pu.participant_id = p.id)`,
}

// Staff look people up by name (with or without diacritics), phone in any written form, or id.
export function* findParticipants(q: string, limit: number): Program<PersonMatch[]> {
  const phone = normalizePhone(q)
  const needle = containsPattern(q)
  const rows = yield* all<{ id: string; fullName: string; phone: string; dateOfBirth: string; createdAt: number; units: string }>(
    `SELECT p.id, p.full_name AS "fullName", p.phone, p.date_of_birth AS "dateOfBirth", p.created_at AS "createdAt", ${UNITS_JSON[yield* dialect()]} AS units
    FROM participants p WHERE p.id = ? OR p.phone = ? OR p.name_folded LIKE ? ESCAPE '\\' ORDER BY p.full_name LIMIT ?`, q.trim(), phone ?? '', needle, limit)
  return rows.map((r) => ({ ...r, createdAt: iso(r.createdAt), units: JSON.parse(r.units) as PersonMatch['units'] }))
}
