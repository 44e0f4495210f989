import { all, type Program } from '../../db/program'
import { diffQuestions } from '../rules/question-diff'
import type { HistoryEntry, RevisionOrigin } from '../schemas/wire'
import { listRevisions } from './questions'


const SYSTEM_IDS = new Set(['seed', 'system', 'test'])
const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ')

// A question's revisions with who made each (a staff member's name; "Nhập tệp" for a file imported with no
// staff behind it, "Hệ thống" for the shipped bank) and what it changed against the one before. A revision
// came from a file when its import's audit entry has the same actor and instant (an import stamps every
// question it stores and its one entry with one clock reading); no column records it, so none is added.
export function* readHistory(questionId: string): Program<HistoryEntry[]> {
  const revisions = yield* listRevisions(questionId)
  const actors = [...new Set(revisions.map((r) => r.createdBy).filter((id): id is string => !!id))]
  const times = [...new Set(revisions.map((r) => Date.parse(r.createdAt)))]
  const staff = actors.length ? yield* all<{ id: string; name: string }>(`SELECT id, name FROM staff_users WHERE id IN (${placeholders(actors.length)})`, ...actors) : []
  const imports = yield* all<{ actorId: string; at: number }>(`SELECT actor_id AS "actorId", at FROM audit_log
    WHERE action = 'questions.import' AND at IN (${placeholders(times.length)})`, ...times)
  const names = new Map(staff.map((s) => [s.id, s.name]))
  const imported = new Set(imports.map((i) => `${i.actorId}@${Number(i.at)}`))
  const topicNames = new Map((yield* all<{ id: string; name: string }>('SELECT id, name FROM topics')).map((t) => [t.id, t.name]))
  const topic = (id: string) => topicNames.get(id) ?? id
  return revisions.map((r, i) => {
    const origin: RevisionOrigin = imported.has(`${r.createdBy}@${Date.parse(r.createdAt)}`) ? 'import' : !r.createdBy || SYSTEM_IDS.has(r.createdBy) ? 'system' : 'console'
    const staffName = r.createdBy ? names.get(r.createdBy) : undefined
    const editorName = staffName ?? (origin === 'import' ? 'Nhập tệp' : origin === 'system' ? 'Hệ thống' : (r.createdBy ?? 'Hệ thống'))
    const changes = i === 0 ? [] : diffQuestions(revisions[i - 1].question, r.question, topic)
    return { revision: r.revision, createdAt: r.createdAt, createdBy: r.createdBy, editorName, origin, changes, question: r.question }
  })
}
