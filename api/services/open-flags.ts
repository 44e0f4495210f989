import { all, type Program } from '../../db/program'
import type { Store } from '../../db/store'
import { iso } from '../lib/time'
import type { OpenFlag, OpenFlags, RoundReport } from '../schemas/wire'
import type { Standings } from '../standings/standings'


const PAGE = 5000

// Integrity flags still open: on people who are ranked, that is not disqualified (a disqualification is
// how a judge settles a flag). Read from the judges' own view, a page at a time.
async function openIntegrityFlags(standings: Standings, roundId: string, now: number): Promise<OpenFlag[]> {
  const out: OpenFlag[] = []
  for (let offset = 0; ; offset += PAGE) {
    const page = await standings.judgePage(roundId, now, { limit: PAGE, offset })
    for (const e of page.entries) {
      if (!e.disqualified) for (const f of e.flags) out.push({ ...f, participantId: e.participantId, fullName: e.fullName, unitName: e.unitName })
    }
    if (offset + PAGE >= page.total) return out
  }
}

// Participants' reports of a question in this round; nothing marks a report handled, so every one is listed.
function* roundReports(roundId: string): Program<RoundReport[]> {
  const rows = yield* all<Omit<RoundReport, 'createdAt'> & { createdAt: number }>(`SELECT r.id, r.attempt_id AS "attemptId", r.position, r.question_id AS "questionId",
      r.participant_id AS "participantId", p.full_name AS "fullName", r.message, r.created_at AS "createdAt"
    FROM question_reports r JOIN attempts a ON a.id = r.attempt_id JOIN participants p ON p.id = r.participant_id
    WHERE a.round_id = ? ORDER BY r.created_at, r.id LIMIT 1000`, roundId)
  return rows.map((r) => ({ ...r, createdAt: iso(r.createdAt) }))
}

// What a judge should look at before finalizing a round (the finalize dialog lists it).
export async function openFlags(store: Store, standings: Standings, roundId: string, now: number): Promise<OpenFlags> {
  const flags = await openIntegrityFlags(standings, roundId, now)
  return { flags, reports: await store.read(roundReports(roundId)) }
}
