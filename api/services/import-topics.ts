import type { Program } from '../../db/program'
import { DEFAULT_TOPIC } from '../formats/category'
import type { Actor } from './audit'
import { foldName, freeTopicId, insertTopic, lockTopics, topicRows, type TopicRow } from './topics'

const DEFAULT_TOPIC_NAME = 'Câu hỏi nhập (không có chủ đề)'

// An import names a topic by id ("dai-hoi-01", as the bank's exports write it) or by name (a GIFT or Moodle
// category, a spreadsheet's topic column). An id maps to itself, a known name (compared folded) to its
// topic, anything else becomes a new topic: its id a slug of the name, its name as written. A new topic is
// stored only when a question under it is, so a file of duplicates leaves no empty topics behind.
export class ImportTopics {
  private readonly byId = new Map<string, TopicRow>()
  private readonly byName = new Map<string, string>()
  private readonly pending = new Map<string, TopicRow>()

  private constructor(rows: TopicRow[]) {
    for (const r of rows) this.known(r)
  }

  // Holds the topics lock until the import's transaction ends: two imports naming one new category at once
  // make one topic.
  static *load(): Program<ImportTopics> {
    yield* lockTopics()
    return new ImportTopics(yield* topicRows())
  }

  resolve(value: string): string {
    const text = value.trim()
    if (this.byId.has(text)) return text
    const named = this.byName.get(foldName(text))
    if (named) return named
    const id = text === DEFAULT_TOPIC ? DEFAULT_TOPIC : freeTopicId(text, (x) => this.byId.has(x))
    this.known({ id, name: text === DEFAULT_TOPIC ? DEFAULT_TOPIC_NAME : text, description: '' })
    this.pending.set(id, this.byId.get(id)!)
    return id
  }

  // Stores the topic a question is about to be saved under, when the import made it.
  *commit(id: string, actor: Actor, now: number): Program<void> {
    const row = this.pending.get(id)
    if (!row) return
    this.pending.delete(id)
    yield* insertTopic(actor, row, now, 'import')
  }

  private known(row: TopicRow) {
    this.byId.set(row.id, row)
    if (!this.byName.has(foldName(row.name))) this.byName.set(foldName(row.name), row.id)
  }
}
