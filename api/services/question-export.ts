import { all, type Program } from '../../db/program'
import type { QuestionContent } from '../../db/schema'
import type { BankQuestion } from '../../questions/schema'
import { toBankQuestion } from './question-store'

type ExportFilter = { topic?: string; status?: 'draft' | 'published' | 'retired' }

// Each question's current revision, read with it in one query.
export function* readExportable(f: ExportFilter): Program<BankQuestion[]> {
  const rows = yield* all<{ id: string; content: string }>(`SELECT q.id, r.content FROM questions q
    JOIN question_revisions r ON r.question_id = q.id AND r.revision = q.revision
    WHERE (CAST(? AS text) IS NULL OR q.topic = ?) AND (CAST(? AS text) IS NULL OR q.status = ?) ORDER BY q.topic, q.id`,
  f.topic || null, f.topic || null, f.status || null, f.status || null)
  return rows.map((r) => toBankQuestion(r.id, JSON.parse(r.content) as QuestionContent))
}

