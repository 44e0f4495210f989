import { Hono } from 'hono'
import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { AppError } from '../errors'
import { FILE_TYPES, readBodyBytes, readJson, readParams, readQuery, send, sendFile } from '../lib/http'
import { currentUser, requireRole } from '../middleware/session'
import { countPublished, editQuestion, findQuestions, importInChunks, readQuestion } from '../services/questions'
import { readExportable } from '../services/question-export'
import { createQuestion } from '../services/question-create'
import { readHistory } from '../services/question-history'
import { questionForEditor } from '../services/open-rounds'
import { bulkChangeQuestions } from '../services/question-bulk'
import { BulkQuestionsInput } from '../schemas/admin'
import type { ImportReport } from '../schemas/wire'
import { parseImportOffThread } from '../formats/off-thread'

// The format code (exceljs, the XML parser) loads on first use, keeping it off the start-up path.
const formats = () => import('../formats/index')

const QuestionParam = z.object({ questionId: z.string().min(1).max(100) })
const ListQuery = z.object({
  topic: z.string().max(80).optional(),
  status: z.enum(['draft', 'published', 'retired']).optional(),
  type: z.enum(['single', 'multiple', 'true_false']).optional(),
  difficulty: z.coerce.number().int().min(1).max(3).optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})
const ImportQuery = z.object({
  format: z.enum(['json', 'csv', 'xlsx', 'gift', 'aiken', 'moodlexml']),
  mode: z.enum(['all', 'valid']).default('all'),
})
const ExportQuery = z.object({
  format: z.enum(['json', 'csv', 'xlsx', 'gift']).default('json'), topic: z.string().max(80).optional(), status: z.enum(['draft', 'published', 'retired']).optional(),
  // A CSV for another import, every text exactly as stored (formula-like text not neutralized).
  exact: z.enum(['true', 'false']).default('false'),
})

async function template(c: Context<AppEnv>, format: 'csv' | 'xlsx') {
  const { importTemplate } = await formats()
  return sendFile(c, await importTemplate(format), FILE_TYPES[format], `mau-nhap-cau-hoi.${format}`)
}

export const adminQuestionRoutes = new Hono<AppEnv>()
  .get('/questions', requireRole('organizer'), async (c) => send(c, await c.get('store').read(findQuestions(readQuery(c, ListQuery)))))
  .get('/questions/export', requireRole('organizer'), async (c) => {
    const q = readQuery(c, ExportQuery)
    const { writeExport, EXPORT_CONTENT_TYPES } = await formats()
    const body = await writeExport(q.format, await c.get('store').read(readExportable(q)), { exact: q.exact === 'true' })
    return sendFile(c, body, EXPORT_CONTENT_TYPES[q.format], `ngan-hang-cau-hoi.${q.format === 'gift' ? 'gift.txt' : q.format}`)
  })
  // Not in API.md: the bank's published questions counted per topic and difficulty, for the round form.
  .get('/questions/counts', requireRole('organizer'), async (c) => send(c, { counts: await c.get('store').read(countPublished()) }))
  // Hono matches ":format" only as a whole path segment, so "template.:format" never matched: two routes.
  .get('/questions/template.csv', requireRole('organizer'), (c) => template(c, 'csv'))
  .get('/questions/template.xlsx', requireRole('organizer'), (c) => template(c, 'xlsx'))
  // openRounds (issue 15): the running rounds whose attempts drew it, for the editor's warning before a save.
  .get('/questions/:questionId', requireRole('organizer'), async (c) => {
    const { questionId } = readParams(c, QuestionParam)
    const now = c.get('clock').now()
    return send(c, await c.get('store').read(questionForEditor(questionId, now)))
  })
  // Each revision with its editor's name, where it came from and what it changed (issue 15).
  .get('/questions/:questionId/revisions', requireRole('organizer'), async (c) => send(c, { revisions: await c.get('store').read(readHistory(readParams(c, QuestionParam).questionId)) }))
  // Not in API.md (issue 15): one question written in the console's form, a draft unless status says otherwise.
  .post('/questions', requireRole('organizer'), async (c) => {
    const body = await readJson(c, z.record(z.string(), z.unknown()))
    const me = currentUser(c)
    const now = c.get('clock').now()
    return send(c, { question: await c.get('store').write(() => createQuestion(me, body, now)) }, 201)
  })
  .patch('/questions/:questionId', requireRole('organizer'), async (c) => {
    const { questionId } = readParams(c, QuestionParam)
    const patch = await readJson(c, z.record(z.string(), z.unknown()))
    const me = currentUser(c)
    const now = c.get('clock').now()
    return send(c, { question: await c.get('store').write(() => editQuestion(me, questionId, patch, now)) })
  })
  // Not in API.md (issue 15): publish, retire or re-topic a selection in one transaction → { changed }.
  .post('/questions/bulk', requireRole('organizer'), async (c) => {
    const input = await readJson(c, BulkQuestionsInput)
    const me = currentUser(c)
    return send(c, await c.get('store').write(() => bulkChangeQuestions(me, input, c.get('clock').now())))
  })
  // The body is the file itself; nothing is stored when any error is found unless mode=valid (API.md).
  .post('/questions/import', requireRole('organizer'), async (c) => {
    const { format, mode } = readQuery(c, ImportQuery)
    const body = await readBodyBytes(c, c.get('env').IMPORT_LIMIT_BYTES)
    if (body.byteLength === 0) throw new AppError('VALIDATION_FAILED', 'Tệp nhập rỗng.')
    const parsed = await parseImportOffThread(format, body)
    if (parsed.errors.length && mode === 'all') {
      throw new AppError('VALIDATION_FAILED', `Tệp có ${parsed.errors.length} lỗi; chưa nhập câu nào.`, { errors: parsed.errors, warnings: parsed.warnings })
    }
    // A chunk per write (its own transaction), a turn of the event loop between chunks (importInChunks).
    const store = c.get('store')
    const stored = await importInChunks((chunk) => store.write(() => chunk), currentUser(c), parsed.questions, c.get('clock').now(), `import:${format}`)
    return send(c, {
      imported: stored.imported, updated: stored.updated, skipped: parsed.skipped + stored.skipped,
      warnings: [...parsed.warnings, ...stored.warnings], errors: parsed.errors,
    } satisfies ImportReport)
  })
