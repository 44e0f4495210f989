import { all, get, lock, run, transaction, type Program } from '../../db/program'
import type { AliasedRow } from '../../db/row-types'
import type { topics } from '../../db/schema'
import { AppError, conflict, invalid, notFound } from '../errors'
import { slugify } from '../lib/slug'
import { foldText } from '../lib/text'
import type { CreateTopicInput, UpdateTopicInput } from '../schemas/admin'
import type { TopicSummary } from '../schemas/wire'
import { appendEntry, type Actor } from './audit'

export type TopicRow = Pick<AliasedRow<typeof topics>, 'id' | 'name' | 'description'>

// Two names are one topic when they differ only in case, diacritics or spacing ("Lich su" = "Lịch sử").
export const foldName = (name: string) => foldText(name).replace(/\s+/g, ' ').trim()
// Creating, renaming and deleting topics (and imports creating them) take turns, so a name check holds.
export const lockTopics = () => lock('topics')

// Shipped topics first (the backfill dated them 0), then in the order they were made.
export function* listTopics(): Program<TopicSummary[]> {
  return yield* all<TopicSummary>(`SELECT t.id, t.name, t.description, count(q.id) AS "questionCount",
    coalesce(sum(CASE WHEN q.status = 'published' THEN 1 ELSE 0 END), 0) AS "publishedCount"
    FROM topics t LEFT JOIN questions q ON q.topic = t.id
    GROUP BY t.id, t.name, t.description, t.created_at ORDER BY t.created_at, t.id`)
}

export function* topicRows(): Program<TopicRow[]> {
  return yield* all<TopicRow>('SELECT id, name, description FROM topics ORDER BY created_at, id')
}

function* readTopic(id: string): Program<TopicSummary> {
  const found = (yield* listTopics()).find((t) => t.id === id)
  if (!found) throw notFound(`chủ đề "${id}"`)
  return found
}

// A question written by hand names a topic that must exist (imports create theirs from categories).
export function* requireTopic(id: string): Program<void> {
  if (!(yield* get('SELECT id FROM topics WHERE id = ?', id))) {
    throw invalid(`Chủ đề "${id}" chưa có; hãy tạo chủ đề trước.`, { issues: [{ path: 'topic', message: 'chủ đề chưa có' }] })
  }
}

// Every question references a topic row: a save under an id with none (a test's bank, an old script)
// adds one named by its id, which an organizer can rename.
export function* ensureTopicRow(id: string, now: number): Program<void> {
  yield* run('INSERT INTO topics (id, name, description, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING', id, id, '', now)
}

const nameTaken = (name: string, other: TopicRow) =>
  conflict(other.name === name ? `Đã có chủ đề "${name}".` : `Tên "${name}" trùng với chủ đề "${other.name}" (khác nhau chỉ ở dấu hoặc chữ hoa).`)

function checkNameFree(rows: TopicRow[], name: string, exceptId?: string) {
  const folded = foldName(name)
  const other = rows.find((r) => r.id !== exceptId && foldName(r.name) === folded)
  if (other) throw nameTaken(name, other)
}

// The first free id from a name: its slug, else the slug with -2, -3, …
export function freeTopicId(name: string, taken: (id: string) => boolean): string {
  const base = slugify(name, 'chu-de')
  let id = base
  for (let i = 2; taken(id); i++) id = `${base}-${i}`
  return id
}

export function* insertTopic(actor: Actor, row: TopicRow, now: number, via: string): Program<void> {
  yield* run('INSERT INTO topics (id, name, description, created_at) VALUES (?, ?, ?, ?)', row.id, row.name, row.description, now)
  yield* appendEntry(actor, 'topic.create', 'topic', row.id, { ...row, via }, now)
}

export function* addTopic(actor: Actor, input: CreateTopicInput, now: number): Program<TopicSummary> {
  return yield* transaction(function* () {
    yield* lockTopics()
    const rows = yield* topicRows()
    checkNameFree(rows, input.name)
    const ids = new Set(rows.map((r) => r.id))
    if (input.id && ids.has(input.id)) throw conflict(`Mã chủ đề "${input.id}" đã có.`)
    const id = input.id ?? freeTopicId(input.name, (x) => ids.has(x))
    yield* insertTopic(actor, { id, name: input.name, description: input.description ?? '' }, now, 'console')
    return yield* readTopic(id)
  })
}

// Names change what the console and exports show, never which questions a topic holds (they keep its id).
export function* changeTopic(actor: Actor, id: string, patch: UpdateTopicInput, now: number): Program<TopicSummary> {
  return yield* transaction(function* () {
    yield* lockTopics()
    const rows = yield* topicRows()
    const before = rows.find((r) => r.id === id)
    if (!before) throw notFound(`chủ đề "${id}"`)
    const after = { ...before, ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.description !== undefined ? { description: patch.description } : {}) }
    if (after.name === before.name && after.description === before.description) return yield* readTopic(id)
    if (after.name !== before.name) checkNameFree(rows, after.name, id)
    yield* run('UPDATE topics SET name = ?, description = ? WHERE id = ?', after.name, after.description, id)
    yield* appendEntry(actor, 'topic.update', 'topic', id, { before, after }, now)
    return yield* readTopic(id)
  })
}

// Only an unused topic goes: a question must always name an existing one.
export function* removeTopic(actor: Actor, id: string, now: number): Program<void> {
  yield* transaction(function* () {
    yield* lockTopics()
    const topic = yield* readTopic(id)
    if (topic.questionCount > 0) throw new AppError('CONFLICT', `Chủ đề "${topic.name}" còn ${topic.questionCount} câu hỏi; chuyển các câu sang chủ đề khác trước khi xóa.`)
    yield* run('DELETE FROM topics WHERE id = ?', id)
    yield* appendEntry(actor, 'topic.delete', 'topic', id, { name: topic.name, description: topic.description }, now)
  })
}

// The shipped bank's topics get their names: new rows are added, and a row the migration named by its id
// takes the shipped name (a name an organizer gave is kept) and, dated 0 as the backfill's are, lists first. Run at every start; the second run changes nothing.
export function* nameShippedTopics(shipped: { id: string; name: string }[]): Program<number> {
  let changed = 0
  for (const t of shipped) {
    changed += (yield* run('INSERT INTO topics (id, name, description, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING', t.id, t.name, '', 0)).changes
    changed += (yield* run('UPDATE topics SET name = ?, created_at = 0 WHERE id = ? AND name = id', t.name, t.id)).changes
  }
  return changed
}
