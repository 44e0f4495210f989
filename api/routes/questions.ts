import { Hono } from 'hono'
import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { AppError } from '../errors'
import { FILE_TYPES, readBodyBytes, send, sendFile } from '../lib/http'
import { describe } from '../lib/openapi'
import { body, params, query } from '../lib/validate'
import { currentUser, organizer, staff } from '../middleware/session'
import { countPublished, editQuestion, findQuestions, importInChunks } from '../services/questions'
import { readExportable } from '../services/question-export'
import { createQuestion } from '../services/question-create'
import { readHistory } from '../services/question-history'
import { questionForEditor } from '../services/open-rounds'
import { bulkChangeQuestions } from '../services/question-bulk'
import { itemStats } from '../services/item-stats'
import { itemStatsCsv, itemStatsTable, itemStatsXlsx } from '../services/item-stats-export'
import { BulkQuestionsInput } from '../schemas/admin'
import { AdminQuestion, BulkResult, HistoryEntry, ImportReport, ItemStatsReport, PublishedCount, QuestionForEditor, QuestionsPage } from '../schemas/wire'
import { parseImportOffThread } from '../formats/off-thread'
import { Id, QuestionParam } from '../schemas/params'

// The format code (exceljs, the XML parser) loads on first use, keeping it off the start-up path.
const formats = () => import('../formats/index')

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
const BankQuery = z.object({ topic: z.string().max(80).optional(), questionId: Id.optional() })
// The console's question form, checked field by field by the service (question-create, editQuestion).
const QuestionFields = z.record(z.string(), z.unknown())


async function template(c: Context<AppEnv>, format: 'csv' | 'xlsx') {
  const { importTemplate } = await formats()
  return sendFile(c, await importTemplate(format), FILE_TYPES[format], `mau-nhap-cau-hoi.${format}`)
}

const bankStats = (c: Context<AppEnv>, filter: z.infer<typeof BankQuery>) => c.get('store').read(itemStats(filter))

// The question bank: its list, files in and out, the console's editor and history, and the item analysis
// over every round.
export const questionsRoutes = new Hono<AppEnv>()
  .get('/admin/questions',
    describe({ summary: 'Danh sách câu hỏi của ngân hàng', tag: 'questions', answer: { json: QuestionsPage } }, organizer),
    query(ListQuery),
    async (c) => send(c, await c.get('store').read(findQuestions(c.req.valid('query')))))
  // Static paths first: '/admin/questions/:questionId' below would otherwise take export, counts,
  // template.* and stats*.
  .get('/admin/questions/export',
    describe({
      summary: 'Xuất ngân hàng câu hỏi', tag: 'questions',
      answer: { file: ['json', 'csv', 'xlsx', 'text'], description: 'Tệp JSON (mặc định), CSV, XLSX hoặc GIFT theo tham số format' },
    }, organizer),
    query(ExportQuery),
    async (c) => {
      const q = c.req.valid('query')
      const { writeExport, EXPORT_CONTENT_TYPES } = await formats()
      const body = await writeExport(q.format, await c.get('store').read(readExportable(q)), { exact: q.exact === 'true' })
      return sendFile(c, body, EXPORT_CONTENT_TYPES[q.format], `ngan-hang-cau-hoi.${q.format === 'gift' ? 'gift.txt' : q.format}`)
    })
  // Not in API.md: the bank's published questions counted per topic and difficulty, for the round form.
  .get('/admin/questions/counts',
    describe({ summary: 'Số câu hỏi đã xuất bản theo chủ đề và độ khó', tag: 'questions', answer: { json: z.object({ counts: z.array(PublishedCount) }) } }, organizer),
    async (c) => send(c, { counts: await c.get('store').read(countPublished()) }))
  // Hono matches ":format" only as a whole path segment, so "template.:format" never matched: two routes.
  .get('/admin/questions/template.csv',
    describe({ summary: 'Tải tệp mẫu nhập câu hỏi (CSV)', tag: 'questions', answer: { file: 'csv' } }, organizer),
    (c) => template(c, 'csv'))
  .get('/admin/questions/template.xlsx',
    describe({ summary: 'Tải tệp mẫu nhập câu hỏi (Excel)', tag: 'questions', answer: { file: 'xlsx' } }, organizer),
    (c) => template(c, 'xlsx'))
  // Item analysis over every round, for organizers and judges.
  .get('/admin/questions/stats',
    describe({ summary: 'Phân tích câu hỏi qua mọi đợt thi', tag: 'stats', answer: { json: ItemStatsReport } }, staff),
    query(BankQuery),
    async (c) => send(c, await bankStats(c, c.req.valid('query'))))
  .get('/admin/questions/stats.csv',
    describe({ summary: 'Tải phân tích câu hỏi qua mọi đợt thi (CSV)', tag: 'stats', answer: { file: 'csv' } }, staff),
    query(BankQuery),
    async (c) => sendFile(c, itemStatsCsv(itemStatsTable((await bankStats(c, c.req.valid('query'))).items)), FILE_TYPES.csv, 'thong-ke-cau-hoi.csv'))
  .get('/admin/questions/stats.xlsx',
    describe({ summary: 'Tải phân tích câu hỏi qua mọi đợt thi (Excel)', tag: 'stats', answer: { file: 'xlsx' } }, staff),
    query(BankQuery),
    async (c) => {
      const body = await itemStatsXlsx(itemStatsTable((await bankStats(c, c.req.valid('query'))).items), 'Mọi đợt thi')
      return sendFile(c, body, FILE_TYPES.xlsx, 'thong-ke-cau-hoi.xlsx')
    })
  // openRounds (issue 15): the running rounds whose attempts drew it, for the editor's warning before a save.
  .get('/admin/questions/:questionId',
    describe({ summary: 'Một câu hỏi cho trình soạn, kèm các đợt thi đang mở đã rút nó', tag: 'questions', answer: { json: QuestionForEditor } }, organizer),
    params(QuestionParam),
    async (c) => {
      const { questionId } = c.req.valid('param')
      const now = c.get('clock').now()
      return send(c, await c.get('store').read(questionForEditor(questionId, now)))
    })
  // Each revision with its editor's name, where it came from and what it changed (issue 15).
  .get('/admin/questions/:questionId/revisions',
    describe({ summary: 'Lịch sử sửa đổi của câu hỏi', tag: 'questions', answer: { json: z.object({ revisions: z.array(HistoryEntry) }) } }, organizer),
    params(QuestionParam),
    async (c) => send(c, { revisions: await c.get('store').read(readHistory(c.req.valid('param').questionId)) }))
  // Not in API.md (issue 15): one question written in the console's form, a draft unless status says otherwise.
  .post('/admin/questions',
    describe({ summary: 'Thêm một câu hỏi', tag: 'questions', answer: { json: z.object({ question: AdminQuestion }), status: 201 } }, organizer),
    body(QuestionFields),
    async (c) => {
      const fields = c.req.valid('json')
      const me = currentUser(c)
      const now = c.get('clock').now()
      return send(c, { question: await c.get('store').write(() => createQuestion(me, fields, now)) }, 201)
    })
  .patch('/admin/questions/:questionId',
    describe({ summary: 'Sửa một câu hỏi', tag: 'questions', answer: { json: z.object({ question: AdminQuestion }) } }, organizer),
    params(QuestionParam), body(QuestionFields),
    async (c) => {
      const { questionId } = c.req.valid('param')
      const patch = c.req.valid('json')
      const me = currentUser(c)
      const now = c.get('clock').now()
      return send(c, { question: await c.get('store').write(() => editQuestion(me, questionId, patch, now)) })
    })
  // Not in API.md (issue 15): publish, retire or re-topic a selection in one transaction → { changed }.
  .post('/admin/questions/bulk',
    describe({ summary: 'Xuất bản, ngừng dùng hoặc đổi chủ đề nhiều câu hỏi', tag: 'questions', answer: { json: BulkResult } }, organizer),
    body(BulkQuestionsInput),
    async (c) => {
      const input = c.req.valid('json')
      const me = currentUser(c)
      return send(c, await c.get('store').write(() => bulkChangeQuestions(me, input, c.get('clock').now())))
    })
  // The body is the file itself; nothing is stored when any error is found unless mode=valid (API.md).
  .post('/admin/questions/import',
    describe({
      summary: 'Nhập câu hỏi từ tệp', tag: 'questions', answer: { json: ImportReport },
      description: 'Nội dung gửi lên là chính tệp cần nhập (JSON, CSV, XLSX, GIFT, Aiken hoặc Moodle XML, theo tham số format), '
        + 'không bọc trong JSON hay multipart. Với mode=all (mặc định), tệp có lỗi thì không câu nào được nhập; với mode=valid, các câu hợp lệ vẫn được nhập.',
    }, organizer),
    query(ImportQuery),
    async (c) => {
      const { format, mode } = c.req.valid('query')
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
