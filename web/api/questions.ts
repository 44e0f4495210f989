import { action, query } from '@solidjs/router'
import type { AdminQuestion, BankQuestionWire, HistoryEntry, ImportFormat, ImportReport, PublishedCount, QuestionsPage } from '../../api/schemas/wire'
import { api, apiUpload } from './client'

export type QuestionFilter = { topic?: string; status?: string; type?: string; difficulty?: string; q?: string; offset?: number; limit?: number }

const qs = (f: QuestionFilter) => {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') p.set(k, String(v))
  return p.toString()
}

export const listQuestions = query(async (f: QuestionFilter) =>
  api<QuestionsPage>('GET', `/admin/questions?${qs(f)}`), 'questions')
export const getQuestion = query(async (id: string) => (await api<{ question: AdminQuestion }>('GET', `/admin/questions/${encodeURIComponent(id)}`)).question, 'question')
export const getRevisions = query(async (id: string) =>
  (await api<{ revisions: HistoryEntry[] }>('GET', `/admin/questions/${encodeURIComponent(id)}/revisions`)).revisions, 'revisions')

// How many published questions a topic (and difficulty) has: the blueprint builder's limits.
export const getPublishedCounts = query(async () => (await api<{ counts: PublishedCount[] }>('GET', '/admin/questions/counts')).counts, 'published-counts')

export const updateQuestion = action(async (id: string, patch: Partial<BankQuestionWire>) =>
  (await api<{ question: AdminQuestion }>('PATCH', `/admin/questions/${encodeURIComponent(id)}`, patch)).question, 'update-question')

export const importQuestions = action(async (file: File, format: ImportFormat, mode: 'all' | 'valid') =>
  apiUpload<ImportReport>(`/admin/questions/import?format=${format}&mode=${mode}`, file), 'import-questions')

export const exportUrl = (format: 'json' | 'csv' | 'xlsx' | 'gift', f: QuestionFilter = {}) =>
  `/api/admin/questions/export?${qs({ format, topic: f.topic, status: f.status } as QuestionFilter)}`
