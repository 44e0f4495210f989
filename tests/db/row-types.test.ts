import { describe, expect, expectTypeOf, it } from 'vitest'
import type { AliasedRow, Filled, OrNull, SqlName, SqlRow } from '../../db/row-types'
import type { attemptItems, rounds } from '../../db/schema'
import { memoryDb } from '../helpers/db'

// What raw SQL reads of a round, written out by hand once, to hold the derived type to.
type RoundSql = {
  id: string; contest_id: string; number: number; title: string; opens_at: number; closes_at: number; question_count: number; time_limit_sec: number
  max_attempts: number | null; blueprint: string; prediction_enabled: number; prediction_target: 'participants' | 'perfect_scores' | 'attempts' | null
  tiebreak: string; prizes: string; unit_prizes: string; freeze_at: number | null; grace_sec: number; finalized_at: number | null
  prediction_truth: number | null; review_keys: 'protect' | 'show'; final_generation: number
}

describe('row types of raw SQL', () => {
  it('name columns as SQL does and type them as stored: flags 0/1, JSON as text', () => {
    expectTypeOf<SqlName<'timeLimitSec'>>().toEqualTypeOf<'time_limit_sec'>()
    expectTypeOf<SqlRow<typeof rounds>>().toEqualTypeOf<RoundSql>()
    expectTypeOf<AliasedRow<typeof attemptItems>>().toEqualTypeOf<{
      attemptSeq: number; position: number; questionId: string; revision: number; optionOrder: string; choice: string; answeredAt: number | null; correct: number | null
    }>()
    expectTypeOf<Filled<OrNull<{ a: number; b: string }>, 'a'>>().toEqualTypeOf<{ a: number; b: string | null }>()
  })

  it('name every column a SELECT * answers', () => {
    const names = {
      id: true, contest_id: true, number: true, title: true, opens_at: true, closes_at: true, question_count: true, time_limit_sec: true,
      max_attempts: true, blueprint: true, prediction_enabled: true, prediction_target: true, tiebreak: true, prizes: true, unit_prizes: true,
      freeze_at: true, grace_sec: true, finalized_at: true, prediction_truth: true, review_keys: true, final_generation: true,
    } satisfies Record<keyof SqlRow<typeof rounds>, true>
    const columns = memoryDb().$client.prepare('SELECT name FROM pragma_table_info(?)').all('rounds') as { name: string }[]
    expect(columns.map((c) => c.name).sort()).toEqual(Object.keys(names).sort())
  })
})
