import { createHash } from 'node:crypto'
import type { Db } from '../../db/client'

// Finished attempts of different people that chose the same options for the same questions and took
// nearly the same time: the pattern of shared or scripted answers (SPEC §6).
export const TWIN_DURATION_MS = 5000

export function answerTwins(db: Db, roundId: string): Map<string, string[]> {
  const rows = db.$client.prepare(`SELECT a.seq, a.participant_id, a.ended_at - a.started_at AS dur, i.question_id, i.option_order, i.choice
    FROM attempts a JOIN attempt_items i ON i.attempt_seq = a.seq WHERE a.round_id = ? AND a.status != 'in_progress' ORDER BY a.seq, i.question_id`)
    .iterate(roundId) as IterableIterator<{ seq: number; participant_id: string; dur: number; question_id: string; option_order: string; choice: string }>
  const attempts = new Map<number, { participantId: string; dur: number; parts: string[] }>()
  for (const r of rows) {
    let a = attempts.get(r.seq)
    if (!a) attempts.set(r.seq, (a = { participantId: r.participant_id, dur: r.dur, parts: [] }))
    const order: string[] = JSON.parse(r.option_order)
    const chosen = (JSON.parse(r.choice) as string[]).map((l) => order[l.charCodeAt(0) - 65]).sort().join('')
    a.parts.push(`${r.question_id}=${chosen}`)
  }
  const bySignature = new Map<string, { participantId: string; dur: number }[]>()
  for (const a of attempts.values()) {
    if (a.parts.every((p) => p.endsWith('='))) continue // blank attempts match trivially
    const key = createHash('sha1').update(a.parts.join('|')).digest('hex')
    bySignature.set(key, [...(bySignature.get(key) ?? []), a])
  }
  const twins = new Map<string, string[]>()
  for (const group of bySignature.values()) {
    for (const x of group) for (const y of group) {
      if (x.participantId === y.participantId || Math.abs(x.dur - y.dur) > TWIN_DURATION_MS) continue
      const list = twins.get(x.participantId) ?? []
      if (!list.includes(y.participantId)) twins.set(x.participantId, [...list, y.participantId])
    }
  }
  return twins
}
