import type postgres from 'postgres'
import { seededRandom } from '../../api/rules/random'
import type { Attempt, AttemptItem } from '../../api/schemas/wire'

// Contestants taking attempts against several servers while something breaks underneath, and an audit of
// what the database kept against what the servers acknowledged. The servers are ExamClients: the store
// layer in-process today, real server processes over HTTP later, with the same traffic and audit.

// One request each, as the API answers it: a value, a definitive refusal, or a failure worth retrying.
export interface ExamClient {
  begin(person: string): Promise<Attempt>
  save(person: string, attemptId: string, position: number, choice: string[]): Promise<void>
  finish(person: string, attemptId: string): Promise<{ score: number }>
  // The code of a refusal (an AppError, a 4xx); undefined for a failure a browser would retry.
  refusal(err: unknown): string | undefined
}

export type Ack =
  | { kind: 'begin'; person: string; attemptId: string; at: number }
  | { kind: 'save'; person: string; attemptId: string; position: number; letter: string; right: boolean; at: number }
  | { kind: 'finish'; person: string; attemptId: string; score: number; rightSaved: number; at: number }

export type Traffic = {
  acks: Ack[]
  // Requests that failed and were sent again, by error code or message.
  retried: Map<string, number>
  refusals: { person: string; request: string; code: string }[]
  // A begin that handed back an attempt its person had finished (acknowledged): that finish was lost, and
  // so were the acknowledged answers the attempt no longer shows.
  reopened: { attemptId: string; lostSaves: number }[]
}

type Options = {
  clients: ExamClient[]
  people: string[]
  // The letter of the right option of a shown item (the test bank marks it in the option text).
  rightLetter: (item: AttemptItem) => string
  running: () => boolean
  // How long one request may keep failing before the run gives up.
  retryForMs?: number
  // A request unanswered this long fails the run: a server stuck on a dead connection.
  hangMs?: number
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const hung = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new HungRequest(`${what}: no answer in ${ms} ms`)), ms) })
  try {
    return await Promise.race([promise, hung])
  } finally {
    clearTimeout(timer)
  }
}

class HungRequest extends Error {}

const errorKey = (err: unknown) => {
  const e = err as { code?: string; message?: string }
  return e?.code ? String(e.code) : String(e?.message ?? err).slice(0, 60)
}

// Each person, one request at a time, each request to the next server (as a load balancer would send a
// retry elsewhere): begin, answer every item (some twice, right or wrong at random), finish; again while
// `running`. A failed request is sent again until it is answered; an attempt a server refuses is dropped.
export async function runExamTraffic(options: Options): Promise<Traffic> {
  const traffic: Traffic = { acks: [], retried: new Map(), refusals: [], reopened: [] }
  // What each finished attempt was acknowledged with: the last letter saved for each position.
  const finished = new Map<string, Map<number, string>>()
  // The first request that hangs or keeps failing stops everyone, and the run throws it.
  let failure: unknown
  const going = () => options.running() && failure === undefined
  await Promise.all(options.people.map(async (person, index) => {
    const random = seededRandom(index + 1)
    let turn = index
    const send = async <T>(request: string, call: (client: ExamClient) => Promise<T>): Promise<{ value: T } | { refused: string }> => {
      const giveUpAt = Date.now() + (options.retryForMs ?? 20_000)
      for (;;) {
        const client = options.clients[turn++ % options.clients.length]
        try {
          return { value: await within(options.hangMs ?? 10_000, `${person} ${request}`, call(client)) }
        } catch (err) {
          if (err instanceof HungRequest || failure !== undefined) throw err
          const code = client.refusal(err)
          if (code) {
            traffic.refusals.push({ person, request, code })
            return { refused: code }
          }
          const key = errorKey(err)
          traffic.retried.set(key, (traffic.retried.get(key) ?? 0) + 1)
          if (Date.now() > giveUpAt) throw new Error(`${person} ${request}: still failing after ${options.retryForMs ?? 20_000} ms`, { cause: err })
          await sleep(10 + random.int(20))
        }
      }
    }
    try {
      while (going()) await takeAttempt()
    } catch (err) {
      failure ??= err
    }
    async function takeAttempt() {
      const begun = await send('begin', (c) => c.begin(person))
      if ('refused' in begun) {
        await sleep(50)
        return
      }
      const attempt = begun.value
      const before = finished.get(attempt.id)
      if (before) {
        finished.delete(attempt.id)
        const shown = new Map(attempt.items.map((it) => [it.position, it.choice.join()]))
        traffic.reopened.push({ attemptId: attempt.id, lostSaves: [...before].filter(([position, letter]) => shown.get(position) !== letter).length })
      }
      traffic.acks.push({ kind: 'begin', person, attemptId: attempt.id, at: Date.now() })
      const saved = new Map<number, { letter: string; right: boolean }>()
      let dropped = false
      for (const item of attempt.items) {
        for (let n = 1 + random.int(2); n > 0 && !dropped; n--) {
          const right = random.int(2) === 1
          const letter = right ? options.rightLetter(item) : item.options.map((o) => o.key).find((k) => k !== options.rightLetter(item))!
          const r = await send(`save ${attempt.id}#${item.position}`, (c) => c.save(person, attempt.id, item.position, [letter]))
          if ('refused' in r) dropped = true
          else {
            saved.set(item.position, { letter, right })
            traffic.acks.push({ kind: 'save', person, attemptId: attempt.id, position: item.position, letter, right, at: Date.now() })
          }
        }
      }
      if (dropped) return
      const done = await send(`finish ${attempt.id}`, (c) => c.finish(person, attempt.id))
      if ('refused' in done) return
      finished.set(attempt.id, new Map([...saved].map(([position, { letter }]) => [position, letter])))
      const rightSaved = [...saved.values()].filter((v) => v.right).length
      traffic.acks.push({ kind: 'finish', person, attemptId: attempt.id, score: done.value.score, rightSaved, at: Date.now() })
    }
  }))
  if (failure !== undefined) throw failure
  return traffic
}

export type Audit = {
  acknowledgedSaves: number
  // The last acknowledged answer of an item, missing or different in the database.
  lostSaves: string[]
  acknowledgedFinishes: number
  // Acknowledged finishes the database does not hold as acknowledged (not submitted, another score).
  lostFinishes: string[]
  // Acknowledged scores that do not count the right answers acknowledged before the finish.
  miscounted: string[]
  // Attempts in the database no client was ever given.
  unseenAttempts: number
  // Finished attempts whose stored score, finish_seq or item marks say they were scored other than once.
  badlyScored: string[]
  // People with more than one attempt in progress in the round.
  doubleOpen: string[]
}

// Reads the surviving database and holds it against the acknowledgements.
export async function auditTraffic(sql: postgres.Sql, traffic: Traffic): Promise<Audit> {
  const items = await sql<{ id: string; position: number; choice: string }[]>`
    SELECT a.id, i.position, i.choice FROM attempts a JOIN attempt_items i ON i.attempt_seq = a.seq`
  const attempts = await sql<{ id: string; participant_id: string; round_id: string; status: string; score: number | null; finish_seq: number | null; marked: number; unmarked: number }[]>`
    SELECT a.id, a.participant_id, a.round_id, a.status, a.score, a.finish_seq,
      count(*) FILTER (WHERE i.correct = 1)::int AS marked, count(*) FILTER (WHERE i.correct IS NULL)::int AS unmarked
    FROM attempts a JOIN attempt_items i ON i.attempt_seq = a.seq GROUP BY a.seq`
  const stored = new Map(items.map((r) => [`${r.id}#${r.position}`, r.choice]))
  const byId = new Map(attempts.map((a) => [a.id, a]))
  const lastSave = new Map<string, string>()
  const lastFinish = new Map<string, Extract<Ack, { kind: 'finish' }>>()
  const seen = new Set<string>()
  const audit: Audit = { acknowledgedSaves: 0, lostSaves: [], acknowledgedFinishes: 0, lostFinishes: [], miscounted: [], unseenAttempts: 0, badlyScored: [], doubleOpen: [] }
  for (const ack of traffic.acks) {
    seen.add(ack.attemptId)
    if (ack.kind === 'save') {
      audit.acknowledgedSaves++
      lastSave.set(`${ack.attemptId}#${ack.position}`, JSON.stringify([ack.letter]))
    } else if (ack.kind === 'finish') {
      audit.acknowledgedFinishes++
      lastFinish.set(ack.attemptId, ack)
      if (ack.score !== ack.rightSaved) audit.miscounted.push(`${ack.attemptId}: score ${ack.score}, ${ack.rightSaved} right answers acknowledged`)
    }
  }
  for (const [key, choice] of lastSave) if (stored.get(key) !== choice) audit.lostSaves.push(`${key}: ${choice} acknowledged, ${stored.get(key) ?? 'no attempt'} stored`)
  for (const [id, ack] of lastFinish) {
    const row = byId.get(id)
    if (row?.status !== 'submitted' || row.score !== ack.score) audit.lostFinishes.push(`${id}: score ${ack.score} acknowledged, ${row ? `${row.status} ${row.score}` : 'no attempt'} stored`)
  }
  const finishSeqs = new Set<number>()
  const open = new Map<string, number>()
  for (const a of attempts) {
    if (!seen.has(a.id)) audit.unseenAttempts++
    if (a.status === 'in_progress') {
      const key = `${a.round_id}/${a.participant_id}`
      open.set(key, (open.get(key) ?? 0) + 1)
      continue
    }
    if (a.finish_seq == null || finishSeqs.has(a.finish_seq) || a.unmarked > 0 || a.score !== a.marked) {
      audit.badlyScored.push(`${a.id}: score ${a.score}, ${a.marked} marked right, ${a.unmarked} unmarked, finish_seq ${a.finish_seq}`)
    }
    if (a.finish_seq != null) finishSeqs.add(a.finish_seq)
  }
  audit.doubleOpen = [...open].filter(([, n]) => n > 1).map(([key]) => key)
  return audit
}
