import { and, asc, eq, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { questions } from '../../db/schema'
import type { BankQuestion } from '../../questions/schema'
import { getRevision, toBankQuestion } from './question-store'

export function exportableBank(db: Db, f: { topic?: string; status?: 'draft' | 'published' | 'retired' }): BankQuestion[] {
  const where: SQL[] = []
  if (f.topic) where.push(eq(questions.topic, f.topic))
  if (f.status) where.push(eq(questions.status, f.status))
  return db.select({ id: questions.id, revision: questions.revision }).from(questions).where(where.length ? and(...where) : undefined)
    .orderBy(asc(questions.topic), asc(questions.id)).all().map((r) => toBankQuestion(r.id, getRevision(db, r.id, r.revision)))
}
