import { get, lock, transaction, type Program } from '../../db/program'
import { BankQuestion } from '../../questions/schema'
import { conflict } from '../errors'
import { parseWith } from '../lib/http'
import { newId } from '../lib/ids'
import { logChange } from '../standings/change-log'
import type { AdminQuestion } from '../schemas/wire'
import { appendEntry, type Actor } from './audit'
import { fingerprint, readLatest, saveQuestion, toBankQuestion, toContent } from './question-store'
import { lockTopics, requireTopic } from './topics'

// One question written in the console's form (issue 15): a draft unless it says "published". The id is
// the one given or a new one; either way the question must be new to the bank, by id and by content.
export function* createQuestion(actor: Actor, body: Record<string, unknown>, now: number): Program<AdminQuestion> {
  const question = parseWith(BankQuestion, { status: 'draft', ...body, id: body.id || `q-${newId()}` }, 'body')
  const content = toContent(question)
  return yield* transaction(function* () {
    // The import's lock first, as imports take it: a file and the form adding one question at once still
    // find each other's question when they look for a duplicate.
    yield* lock('questions.import')
    yield* lockTopics()
    yield* requireTopic(question.topic)
    if (yield* readLatest(question.id)) throw conflict(`Mã câu hỏi "${question.id}" đã có trong ngân hàng; hãy chọn mã khác.`)
    const twin = yield* get<{ id: string }>('SELECT id FROM questions WHERE fingerprint = ? LIMIT 1', fingerprint(content))
    if (twin) throw conflict(`Câu hỏi trùng với câu "${twin.id}" đã có trong ngân hàng (cùng nội dung, phương án và đáp án).`)
    const revision = yield* saveQuestion(question.id, content, now, actor.id)
    yield* logChange({ kind: 'bank' }, now)
    yield* appendEntry(actor, 'question.create', 'question', question.id, { after: question, revision }, now)
    return { ...toBankQuestion(question.id, content), revision }
  })
}
