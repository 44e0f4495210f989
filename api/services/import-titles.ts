import type { Program } from '../../db/program'
import type { BankQuestion } from '../../questions/schema'
import { questionHash } from '../formats/question-id'
import { fingerprint, readLatest, toContent } from './question-store'

export type TitleOutcome = { question: BankQuestion; note?: string; skip?: string }

// A GIFT title is kept as the id only while the bank has no other question under it (issue 15). The bank's
// question under that id with the same text, options and key is this question come back (an exported file
// re-imported): skipped, so a lossy GIFT round trip never resets its difficulty, source or status. Any other
// question under that id keeps it; the imported one takes the generated id, with a note saying why.
export function* settleTitle(question: BankQuestion): Program<TitleOutcome> {
  const held = yield* readLatest(question.id)
  if (!held) return { question }
  if (fingerprint(held.content) === fingerprint(toContent(question))) {
    return { question, skip: `Câu "${question.id}" đã có trong ngân hàng, bỏ qua.` }
  }
  const id = questionHash(question)
  return { question: { ...question, id }, note: `Tiêu đề "${question.id}" đã là mã của một câu khác trong ngân hàng, câu này được nhập với mã "${id}".` }
}
