import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { errorHandler } from '../../api/middleware/error-handler'
import { testApp } from '../helpers/app'

// Two writers that cross (a unit deleted on one server while someone registers into it on another) end in
// a foreign-key refusal from the database; the one refused is told to retry (409), not that the server failed.
describe('a write refused by a foreign key', () => {
  it('answers 409 CONFLICT in Vietnamese, and nothing of it is kept', async () => {
    const t = testApp()
    const app = new Hono().post('/crossed', async () => {
      await t.exec(`INSERT INTO participant_units (participant_id, contest_id, unit_id, choice_order) VALUES ('khong-co', 'khong-co', 'khong-co', 1)`)
      return new Response(null, { status: 204 })
    })
    app.onError(errorHandler as never)
    const res = await app.request('/crossed', { method: 'POST' })
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({ error: { code: 'CONFLICT', message: expect.stringContaining('chưa có gì được lưu') } })
    expect(await t.sql('SELECT * FROM participant_units')).toEqual([])
  })
})
