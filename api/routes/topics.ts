import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { send } from '../lib/http'
import { describe } from '../lib/openapi'
import { body, params } from '../lib/validate'
import { currentUser, organizer } from '../middleware/session'
import { CreateTopicInput, UpdateTopicInput } from '../schemas/admin'
import { TopicSummary } from '../schemas/wire'
import { addTopic, changeTopic, listTopics, removeTopic } from '../services/topics'

const TopicParam = z.object({ topicId: z.string().min(1).max(80) })

// The bank's topics (issue 15): what the bank filter, the blueprint builder and the question editor offer.
export const topicsRoutes = new Hono<AppEnv>()
  .get('/admin/topics',
    describe({ summary: 'Danh sách chủ đề của ngân hàng câu hỏi', tag: 'topics', answer: { json: z.object({ topics: z.array(TopicSummary) }) } }, organizer),
    async (c) => send(c, { topics: await c.get('store').read(listTopics()) }))
  .post('/admin/topics',
    describe({ summary: 'Thêm chủ đề', tag: 'topics', answer: { json: z.object({ topic: TopicSummary }), status: 201 } }, organizer),
    body(CreateTopicInput),
    async (c) => {
      const input = c.req.valid('json')
      const topic = await c.get('store').write(() => addTopic(currentUser(c), input, c.get('clock').now()))
      return send(c, { topic }, 201)
    })
  .patch('/admin/topics/:topicId',
    describe({ summary: 'Sửa tên hoặc mô tả chủ đề', tag: 'topics', answer: { json: z.object({ topic: TopicSummary }) } }, organizer),
    params(TopicParam), body(UpdateTopicInput),
    async (c) => {
      const { topicId } = c.req.valid('param')
      const patch = c.req.valid('json')
      return send(c, { topic: await c.get('store').write(() => changeTopic(currentUser(c), topicId, patch, c.get('clock').now())) })
    })
  .delete('/admin/topics/:topicId',
    describe({ summary: 'Xoá chủ đề chưa có câu hỏi', tag: 'topics', answer: { empty: true } }, organizer),
    params(TopicParam),
    async (c) => {
      const { topicId } = c.req.valid('param')
      await c.get('store').write(() => removeTopic(currentUser(c), topicId, c.get('clock').now()))
      return c.body(null, 204)
    })
