import { customAlphabet } from 'nanoid'
import { all, get, run, transaction, type Program } from '../../db/program'
import type { AliasedRow, SqlRow } from '../../db/row-types'
import type { certificates, contests, roundPrizes, rounds } from '../../db/schema'
import { notFound } from '../errors'
import type { CertificateJob } from '../pdf/certificate-pdf'
import type { CertificateCheck, CertificateKind, MyCertificate } from '../schemas/wire'

// Verification codes: 12 characters of an alphabet without look-alikes (no 0/O, 1/I/L), 60 bits: read
// from paper and typed by hand, and not guessable.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
const CODE_LENGTH = 12
const newCode = customAlphabet(ALPHABET, CODE_LENGTH)
const CODE = new RegExp(`^[${ALPHABET}]{${CODE_LENGTH}}$`)

type Earned = { roundId: AliasedRow<typeof rounds>['id']; roundTitle: AliasedRow<typeof rounds>['title']; roundNumber: AliasedRow<typeof rounds>['number'] }
  & { contestId: AliasedRow<typeof contests>['id']; contestTitle: AliasedRow<typeof contests>['title']; prize: AliasedRow<typeof roundPrizes>['name'] | null }

// What a person has earned: participation for a place in a finalized round's locked ranking (a finished
// attempt, not disqualified), a prize certificate for a locked prize there.
function* earned(participantId: string): Program<Earned[]> {
  return yield* all<Earned>(`SELECT r.id AS "roundId", rp.name AS prize, r.title AS "roundTitle", r.number AS "roundNumber", c.id AS "contestId", c.title AS "contestTitle"
    FROM rounds r JOIN final_standings f ON f.round_id = r.id AND f.generation = r.final_generation AND f.participant_id = ?
    JOIN contests c ON c.id = r.contest_id LEFT JOIN round_prizes rp ON rp.round_id = r.id AND rp.participant_id = f.participant_id
    WHERE r.finalized_at IS NOT NULL ORDER BY r.opens_at, r.number`, participantId)
}

const codesOf = (participantId: string) => all<Pick<SqlRow<typeof certificates>, 'code' | 'round_id' | 'kind'>>('SELECT code, round_id, kind FROM certificates WHERE participant_id = ?', participantId)

function wanted(list: Earned[]): { e: Earned; kind: CertificateKind }[] {
  return list.flatMap((e) => [{ e, kind: 'participation' as const }, ...(e.prize != null ? [{ e, kind: 'prize' as const }] : [])])
}

// A person's certificates, codes made the first time each is listed (a second listing, or two at once,
// find the same code: the table is unique per person, round and kind).
export function* listMyCertificates(participantId: string, now: number): Program<MyCertificate[]> {
  const want = wanted(yield* earned(participantId))
  const key = (roundId: string, kind: string) => `${roundId}\n${kind}`
  let codes = new Map((yield* codesOf(participantId)).map((c) => [key(c.round_id, c.kind), c.code]))
  const missing = want.filter((w) => !codes.has(key(w.e.roundId, w.kind)))
  if (missing.length) {
    yield* transaction(function* () {
      for (const w of missing) {
        yield* run(`INSERT INTO certificates (code, participant_id, round_id, kind, created_at) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT (participant_id, round_id, kind) DO NOTHING`, newCode(), participantId, w.e.roundId, w.kind, now)
      }
    })
    codes = new Map((yield* codesOf(participantId)).map((c) => [key(c.round_id, c.kind), c.code]))
  }
  return want.map(({ e, kind }) => ({
    code: codes.get(key(e.roundId, kind))!, kind, roundId: e.roundId, ...(kind === 'prize' ? { prize: e.prize! } : {}),
    roundTitle: e.roundTitle, roundNumber: e.roundNumber, contestId: e.contestId, contestTitle: e.contestTitle,
  }))
}

// Whether listing would create codes: the listing is then run as a write.
export function* certificatesPending(participantId: string): Program<boolean> {
  const want = wanted(yield* earned(participantId))
  const have = new Set((yield* codesOf(participantId)).map((c) => `${c.round_id}\n${c.kind}`))
  return want.some((w) => !have.has(`${w.e.roundId}\n${w.kind}`))
}

// The wire's CertificateCheck with issuedAt still in milliseconds (the route writes it as an ISO string).
export type CertificateCheckAt =
  | (Omit<Extract<CertificateCheck, { valid: true }>, 'issuedAt'> & { issuedAt: number })
  | Extract<CertificateCheck, { valid: false }>

// Typed by hand from paper: case, spaces and dashes do not matter.
export const normalizeCode = (raw: string) => raw.toUpperCase().replace(/[\s-]/g, '')

// A code checked against the official results as they stand now: rank and prize from the locked ranking.
// Unknown: 404. A code whose holder no longer holds what it states (disqualified and the round finalized
// again, or a prize lost in a re-finalize) answers valid: false, without the person's data.
export function* checkCertificate(raw: string): Program<CertificateCheckAt> {
  const code = normalizeCode(raw)
  if (!CODE.test(code)) throw notFound('giấy chứng nhận')
  const c = yield* get<{ kind: CertificateKind; participant_id: string; round_id: string; full_name: string; title: string; number: number; final_generation: number; finalized_at: number | null; contest_id: string; contest_title: string }>(
    `SELECT ce.kind, ce.participant_id, ce.round_id, p.full_name, r.title, r.number, r.final_generation, r.finalized_at, r.contest_id, ct.title AS contest_title
    FROM certificates ce JOIN participants p ON p.id = ce.participant_id JOIN rounds r ON r.id = ce.round_id JOIN contests ct ON ct.id = r.contest_id WHERE ce.code = ?`, code)
  if (!c) throw notFound('giấy chứng nhận')
  const place = c.finalized_at == null ? undefined
    : yield* get<{ rank: number }>('SELECT rank FROM final_standings WHERE round_id = ? AND generation = ? AND participant_id = ?', c.round_id, c.final_generation, c.participant_id)
  const prize = (yield* get<{ name: string }>('SELECT name FROM round_prizes WHERE round_id = ? AND participant_id = ?', c.round_id, c.participant_id))?.name ?? null
  if (!place || (c.kind === 'prize' && prize == null)) return { valid: false, code, message: 'Giấy chứng nhận này không còn hiệu lực theo kết quả chính thức hiện hành.' }
  const unit = yield* get<{ name: string }>(`SELECT u.name FROM participant_units pu JOIN units u ON u.id = pu.unit_id
    WHERE pu.participant_id = ? AND pu.contest_id = ?`, c.participant_id, c.contest_id)
  return { valid: true, code, kind: c.kind, fullName: c.full_name, unitName: unit?.name ?? null, contest: c.contest_title, round: c.title, roundNumber: c.number, rank: place.rank, prize, issuedAt: c.finalized_at! }
}

// What the certificate's PDF prints; a code no longer valid has no document.
export function* certificateDocument(raw: string, origin: string): Program<{ job: CertificateJob; contestId: string }> {
  const check = yield* checkCertificate(raw)
  if (!check.valid) throw notFound('giấy chứng nhận còn hiệu lực')
  const { contest_id: contestId } = (yield* get<{ contest_id: string }>('SELECT r.contest_id FROM certificates ce JOIN rounds r ON r.id = ce.round_id WHERE ce.code = ?', check.code))!
  return {
    contestId,
    job: {
      code: check.code, kind: check.kind, url: `${origin}/chung-nhan/${check.code}`, fullName: check.fullName, unitName: check.unitName,
      contestTitle: check.contest, roundLabel: `Đợt ${check.roundNumber}: ${check.round}`, rank: check.rank, prize: check.prize, issuedAt: check.issuedAt,
    },
  }
}
