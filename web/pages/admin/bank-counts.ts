import { createResource } from 'solid-js'
import type { PublishedCount } from '../../../api/schemas/wire'
import { getPublishedCounts } from '../../api/questions'
import { topicName, type Topic } from '../../api/topics'

// Topics come from the API (issue 15): the web bundle no longer carries the shipped bank's list.
export type TopicOption = Pick<Topic, 'id' | 'name'>
export type Counts = Map<string, number>
// Key of a (topic, difficulty) cell; '' stands for "any".
export const cell = (topic: string, difficulty: number | '') => `${topic}|${difficulty}`

// Published questions per topic and difficulty, read in one request.
export function usePublishedCounts() {
  const [counts] = createResource(async () => countsByCell(await getPublishedCounts()))
  return counts
}

// Every cell the blueprint builder can show, "any" topic or difficulty summed over the others; 0 where
// the bank has none (for the given topics and those the counts name).
export function countsByCell(rows: PublishedCount[], topicIds: readonly string[] = []): Counts {
  const out: Counts = new Map()
  for (const topic of new Set(['', ...topicIds, ...rows.map((r) => r.topic)])) for (const d of ['', 1, 2, 3] as const) out.set(cell(topic, d), 0)
  const add = (key: string, n: number) => out.set(key, (out.get(key) ?? 0) + n)
  for (const r of rows) {
    add(cell(r.topic, r.difficulty), r.count)
    add(cell(r.topic, ''), r.count)
    add(cell('', r.difficulty), r.count)
    add(cell('', ''), r.count)
  }
  return out
}

export type BlueprintRow = { topic: string; difficulty: number | ''; count: number }

// What the bank cannot fill, per row group, before the server is asked (it checks again and names the shortfall).
export function shortfalls(rows: BlueprintRow[], counts: Counts, topics?: readonly TopicOption[]): string[] {
  const topicLabel = (id: string) => topicName(topics, id)
  const need = new Map<string, number>()
  const perTopic = new Map<string, number>()
  for (const r of rows) {
    need.set(cell(r.topic, r.difficulty), (need.get(cell(r.topic, r.difficulty)) ?? 0) + r.count)
    perTopic.set(r.topic, (perTopic.get(r.topic) ?? 0) + r.count)
  }
  const out: string[] = []
  for (const [key, n] of need) {
    const have = counts.get(key) ?? 0
    const [topic, d] = key.split('|')
    if (n > have) out.push(`${topic ? topicLabel(topic) : 'Mọi chủ đề'}${d ? `, độ khó ${d}` : ''}: cần ${n}, ngân hàng có ${have}`)
  }
  for (const [topic, n] of perTopic) {
    const have = counts.get(cell(topic, '')) ?? 0
    if (n > have && !out.some((s) => s.startsWith(topic ? topicLabel(topic) : 'Mọi chủ đề'))) out.push(`${topic ? topicLabel(topic) : 'Mọi chủ đề'}: cần ${n}, ngân hàng có ${have}`)
  }
  return out
}
