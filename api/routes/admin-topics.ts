import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { readJson, readParams, send } from '../lib/http'
import { currentUser, requireRole } from '../middleware/session'
import { CreateTopicInput, UpdateTopicInput } from '../schemas/admin'
import { addTopic, changeTopic, listTopics, removeTopic } from '../services/topics'

const TopicParam = z.object({ topicId: z.string().min(1).max(80) })

// The bank's topics (issue 15): what the bank filter, the blueprint builder and the question editor offer.
export const adminTopicRoutes = new Hono<AppEnv>()
  .get('/topics', requireRole('organizer'), async (c) => send(c, { topics: await c.get('store').read(listTopics()) }))
  .post('/topics', requireRole('organizer'), async (c) => {
    const input = await readJson(c, CreateTopicInput)
    const topic = await c.get('store').write(() => addTopic(currentUser(c), input, c.get('clock').now()))
    return send(c, { topic }, 201)
  })
  .patch('/topics/:topicId', requireRole('organizer'), async (c) => {
    const { topicId } = readParams(c, TopicParam)
    const patch = await readJson(c, UpdateTopicInput)
    return send(c, { topic: await c.get('store').write(() => changeTopic(currentUser(c), topicId, patch, c.get('clock').now())) })
  })
  .delete('/topics/:topicId', requireRole('organizer'), async (c) => {
    const { topicId } = readParams(c, TopicParam)
    await c.get('store').write(() => removeTopic(currentUser(c), topicId, c.get('clock').now()))
    return c.body(null, 204)
  })
