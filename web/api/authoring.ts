import { action, query } from '@solidjs/router'
import type { AdminQuestion, BankQuestionWire } from '../../api/schemas/wire'
import { api } from './client'

// Authoring in the console (issue 15): a new question from the form, the editor's view of one with the
// running rounds that drew it, and its history with each revision's editor and changes.
export type OpenRound = { id: string; title: string; contestTitle: string; attempts: number }
export type DiffPart = { text: string; op: 'same' | 'added' | 'removed' }
export type FieldChange = { field: string; label: string; before: string; after: string; parts?: DiffPart[] }
export type HistoryEntry = {
  revision: number; createdAt: string; createdBy: string | null; editorName: string
  origin: 'console' | 'import' | 'system'; changes: FieldChange[]; question: BankQuestionWire
}

const path = (id: string) => `/admin/questions/${encodeURIComponent(id)}`

export const getQuestionForEdit = query(async (id: string) => api<{ question: AdminQuestion; openRounds: OpenRound[] }>('GET', path(id)), 'question-for-edit')
export const getHistory = query(async (id: string) => (await api<{ revisions: HistoryEntry[] }>('GET', `${path(id)}/revisions`)).revisions, 'question-history')

export const createQuestion = action(async (q: Partial<BankQuestionWire>) =>
  (await api<{ question: AdminQuestion }>('POST', '/admin/questions', q)).question, 'create-question')
