import type { Context, Hono, MiddlewareHandler, Next } from 'hono'
import { generateSpecs, resolver, uniqueSymbol, type DescribeRouteOptions } from 'hono-openapi'
import { z } from 'zod'
import { ErrorBody } from '../schemas/wire'
import { FILE_TYPES } from './http'

// How each route describes itself in the OpenAPI document (GET /api/openapi.json): a summary, its
// resource's tag and its answer's schema, beside the inputs its validators carry (api/lib/validate.ts)
// and the roles its guard carries (api/middleware/session.ts).

export type Tag =
  | 'sessions' | 'me' | 'contests' | 'rounds' | 'leaderboards' | 'attempts' | 'judging' | 'questions' | 'topics'
  | 'units' | 'people' | 'staff' | 'coordinators' | 'audit' | 'results' | 'certificates' | 'stats' | 'meta'

// Vietnamese names of the resources, as the reference page lists them.
export const TAGS: { name: Tag; description: string }[] = [
  { name: 'sessions', description: 'Đăng ký, đăng nhập, đăng xuất' },
  { name: 'me', description: 'Tài khoản của người đang đăng nhập' },
  { name: 'contests', description: 'Cuộc thi' },
  { name: 'rounds', description: 'Đợt thi' },
  { name: 'leaderboards', description: 'Bảng xếp hạng cá nhân và đơn vị' },
  { name: 'attempts', description: 'Lượt làm bài của thí sinh' },
  { name: 'judging', description: 'Chấm thi: xếp hạng, loại, chốt kết quả' },
  { name: 'questions', description: 'Ngân hàng câu hỏi' },
  { name: 'topics', description: 'Chủ đề câu hỏi' },
  { name: 'units', description: 'Đơn vị dự thi' },
  { name: 'people', description: 'Thí sinh' },
  { name: 'staff', description: 'Tài khoản cán bộ' },
  { name: 'coordinators', description: 'Điều phối viên đơn vị' },
  { name: 'audit', description: 'Nhật ký kiểm toán' },
  { name: 'results', description: 'Bản in kết quả' },
  { name: 'certificates', description: 'Giấy chứng nhận' },
  { name: 'stats', description: 'Phân tích câu hỏi' },
  { name: 'meta', description: 'Tình trạng máy chủ và tài liệu API' },
]

// Every JSON answer carries the server's clock (API.md), added by send(). A named shape stays a reference
// (zod does not carry a schema's id over to .extend()), so it is joined to the clock instead.
const ServerTime = z.object({ serverTime: z.string().meta({ format: 'date-time', description: 'Giờ máy chủ (ISO 8601)' }) })
const withServerTime = (schema: z.ZodType) =>
  schema instanceof z.ZodObject && !schema.meta()?.id ? schema.extend(ServerTime.shape) : z.intersection(schema, ServerTime)

type Answer =
  | { json: z.ZodType; status?: 200 | 201 | (200 | 201)[]; description?: string }
  | { file: FileKind | FileKind[]; description?: string }
  | { empty: true; description?: string }
  | { stream: true; description?: string }

const MEDIA = { ...FILE_TYPES, pdf: 'application/pdf', html: 'text/html; charset=utf-8' } as const
type FileKind = keyof typeof MEDIA

function answer(a: Answer): DescribeRouteOptions['responses'] {
  if ('json' in a) {
    const statuses = Array.isArray(a.status) ? a.status : [a.status ?? 200]
    const content = { 'application/json': { schema: resolver(withServerTime(a.json)) } }
    return Object.fromEntries(statuses.map((s) => [s, { description: a.description ?? 'Thành công', content }]))
  }
  if ('file' in a) {
    const kinds = Array.isArray(a.file) ? a.file : [a.file]
    const content = Object.fromEntries(kinds.map((k) => [MEDIA[k], { schema: { type: 'string' as const, format: 'binary' } }]))
    return { 200: { description: a.description ?? 'Tệp tải về', content } }
  }
  if ('stream' in a) return { 200: { description: a.description ?? 'Luồng sự kiện', content: { 'text/event-stream': { schema: { type: 'string' as const } } } } }
  return { 204: { description: a.description ?? 'Thành công, không có nội dung' } }
}

// One route's description. `open` marks a route anyone may call; guarded routes get their roles from
// their guard, so the document cannot say other roles than the code enforces: describe(spec, guard) is the
// guard carrying both marks (one handler less per request than a description of its own, which hono-openapi
// would merge the same way), describe(spec) a pass-through that carries the description alone.
export function describe(spec: Spec): MiddlewareHandler
export function describe<G extends MiddlewareHandler<any>>(spec: Spec, guard: G): G
export function describe(spec: Spec, guard?: MiddlewareHandler) {
  const own = {
    summary: spec.summary,
    tags: [spec.tag],
    ...(spec.description ? { description: spec.description } : {}),
    ...(spec.open ? { security: [], 'x-roles': ['public'] } : {}),
    // A body validated by paramsAndBody() (api/lib/validate.ts), whose own mark carries the parameters.
    ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: resolver(spec.body) } } } } : {}),
    responses: answer(spec.answer),
  } satisfies DescribeRouteOptions
  if (!guard) return Object.assign((_c: Context, next: Next) => next(), { [uniqueSymbol]: { spec: own } })
  const roles = (guard as Marked)[uniqueSymbol]?.spec
  if (!roles) throw new Error(`describe(): the guard of "${spec.summary}" carries no roles`)
  const merged = { ...own, ...roles, responses: { ...own.responses, ...roles.responses } }
  return Object.assign(((c, next) => guard(c, next)) as MiddlewareHandler, { [uniqueSymbol]: { spec: merged } })
}

type Spec = { summary: string; tag: Tag; answer: Answer; description?: string; open?: true; body?: z.ZodType }
type Marked = { [uniqueSymbol]?: { spec?: { responses?: Record<string, unknown> } & Record<string, unknown> } }

// The mark a role guard leaves for the document: who may call, and the 401/403 it answers otherwise.
export function rolesMark<M extends object>(middleware: M, roles: readonly string[]): M {
  return Object.assign(middleware, {
    [uniqueSymbol]: {
      spec: {
        security: [{ session: [] }],
        'x-roles': [...roles],
        responses: { 401: errorResponse('Chưa đăng nhập'), 403: errorResponse('Không có quyền') },
      },
    },
  })
}

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } })

// The document of every route of `app`, as mounted under /api.
export async function openApiDocument(app: Hono<any, any, any>, version: string) {
  // Written out here (an empty registry, so not as a reference to itself): every error answer points at it.
  const { $schema: _, ...errorSchema } = z.toJSONSchema(ErrorBody, { target: 'draft-2020-12', metadata: z.registry() })
  return generateSpecs(app, {
    documentation: {
      info: {
        title: 'hoithi API',
        version,
        description: 'Giao diện lập trình của hệ thống thi trắc nghiệm trực tuyến. Mọi câu trả lời JSON có serverTime (giờ máy chủ, ISO 8601). Lỗi có dạng ErrorBody.',
      },
      servers: [{ url: '/api' }],
      tags: TAGS,
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'hoithi_sid' } },
        schemas: { ErrorBody: errorSchema as never },
      },
    },
    // Our downloads end in .csv, .xlsx, .json: routes, not static files to leave out.
    excludeStaticFile: false,
    // A bad input answers our error body, not the validator's own (api/lib/validate.ts).
    defaultValidationErrorResponse: errorResponse('Dữ liệu không hợp lệ') as never,
    // Any route may also answer 404, 409, 413, 429 or 500, always in the same error body.
    defaultOptions: Object.fromEntries(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((m) => [m, { responses: { default: errorResponse('Lỗi, theo mã trong error.code') } }])),
  })
}
