import { action, query } from '@solidjs/router'
import type { BankQuestionWire } from '../../api/schemas/wire'
import { call, client } from './client'

// Authoring in the console (issue 15): a new question from the form, the editor's view of one with the
// running rounds that drew it, and its history with each revision's editor and changes.

const bank = client.admin.questions
// encoded as before: a question id may hold ':' and '.'
const question = (id: string) => ({ param: { questionId: encodeURIComponent(id) } })

export const getQuestionForEdit = query(async (id: string) => call(() => bank[':questionId'].$get(question(id))), 'question-for-edit')
export const getHistory = query(async (id: string) =>
  (await call(() => bank[':questionId'].revisions.$get(question(id)))).revisions, 'question-history')

export const createQuestion = action(async (q: Partial<BankQuestionWire>) =>
  (await call(() => bank.$post({ json: q }))).question, 'create-question')
