import { action, query } from '@solidjs/router'
import type { InferRequestType, InferResponseType } from 'hono/client'
import type { BankQuestionWire, ImportFormat } from '../../api/schemas/wire'
import { apiUpload, call, client } from './client'

export type QuestionFilter = { topic?: string; status?: string; type?: string; difficulty?: string; q?: string; offset?: number; limit?: number }

const bank = client.admin.questions
// The id is a path segment of its own: ':' and '.' stay as the old links sent them (encoded).
const question = (id: string) => ({ param: { questionId: encodeURIComponent(id) } })

// The filter's values come from the page's address, as typed; the server checks them (a bad one is a 400).
const search = (f: QuestionFilter) => {
  const p: Record<string, string> = {}
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') p[k] = String(v)
  return p
}
const qs = (f: QuestionFilter) => new URLSearchParams(search(f)).toString()

export const listQuestions = query(async (f: QuestionFilter) =>
  call(() => bank.$get({ query: search(f) as InferRequestType<typeof bank.$get>['query'] })), 'questions')
export const getQuestion = query(async (id: string) => (await call(() => bank[':questionId'].$get(question(id)))).question, 'question')
export const getRevisions = query(async (id: string) =>
  (await call(() => bank[':questionId'].revisions.$get(question(id)))).revisions, 'revisions')

// How many published questions a topic (and difficulty) has: the blueprint builder's limits.
export const getPublishedCounts = query(async () => (await call(() => bank.counts.$get())).counts, 'published-counts')

export const updateQuestion = action(async (id: string, patch: Partial<BankQuestionWire>) =>
  (await call(() => bank[':questionId'].$patch({ ...question(id), json: patch }))).question, 'update-question')

// The body is the file itself (a raw upload, not JSON), so it goes through apiUpload.
export const importQuestions = action(async (file: File, format: ImportFormat, mode: 'all' | 'valid') =>
  apiUpload<InferResponseType<typeof bank.import.$post, 200>>(`/admin/questions/import?format=${format}&mode=${mode}`, file), 'import-questions')

export const exportUrl = (format: 'json' | 'csv' | 'xlsx' | 'gift', f: QuestionFilter = {}) =>
  `/api/admin/questions/export?${qs({ format, topic: f.topic, status: f.status } as QuestionFilter)}`
