import { action, query } from '@solidjs/router'
import type { AdminQuestion, BankQuestionWire, HistoryEntry, QuestionForEditor } from '../../api/schemas/wire'
import { api } from './client'

// Authoring in the console (issue 15): a new question from the form, the editor's view of one with the
// running rounds that drew it, and its history with each revision's editor and changes.

const path = (id: string) => `/admin/questions/${encodeURIComponent(id)}`

export const getQuestionForEdit = query(async (id: string) => api<QuestionForEditor>('GET', path(id)), 'question-for-edit')
export const getHistory = query(async (id: string) => (await api<{ revisions: HistoryEntry[] }>('GET', `${path(id)}/revisions`)).revisions, 'question-history')

export const createQuestion = action(async (q: Partial<BankQuestionWire>) =>
  (await api<{ question: AdminQuestion }>('POST', '/admin/questions', q)).question, 'create-question')
