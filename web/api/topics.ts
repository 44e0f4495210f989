import { action, query } from '@solidjs/router'
import type { BulkAction, TopicSummary } from '../../api/schemas/wire'
import { call, client } from './client'

// The bank's topics are data (issue 15): the filter, the blueprint builder and the question editor read them here.
export type Topic = TopicSummary
export type TopicInput = { name: string; description?: string; id?: string }
export type BulkInput = { ids: string[]; action: BulkAction; topic?: string; difficulty?: 1 | 2 | 3 }

export const getTopics = query(async () => (await call(() => client.admin.topics.$get())).topics, 'topics')

export const createTopic = action(async (input: TopicInput) =>
  (await call(() => client.admin.topics.$post({ json: input }))).topic, 'create-topic')
export const updateTopic = action(async (id: string, patch: Partial<Omit<TopicInput, 'id'>>) =>
  (await call(() => client.admin.topics[':topicId'].$patch({ param: { topicId: id }, json: patch }))).topic, 'update-topic')
export const deleteTopic = action(async (id: string) => { await call(() => client.admin.topics[':topicId'].$delete({ param: { topicId: id } })) }, 'delete-topic')

export const bulkQuestions = action(async (input: BulkInput) =>
  (await call(() => client.admin.questions.bulk.$post({ json: input }))).changed, 'bulk-questions')

// A topic's name for a question's topic id; an id with no row yet shows as itself.
export const topicName = (topics: readonly Pick<Topic, 'id' | 'name'>[] | undefined, id: string) => topics?.find((t) => t.id === id)?.name ?? id
