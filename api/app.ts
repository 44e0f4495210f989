import { Scalar } from '@scalar/hono-api-reference'
import { Hono } from 'hono'
import pkg from '../package.json'
import type { Program } from '../db/program'
import type { Db } from '../db/client'
import { GroupCommit } from '../db/group-commit'
import type { PgDb } from '../db/pg'
import { listen, notifier } from '../db/pg-notify'
import { PgStore, SqliteStore, type Store } from '../db/store'
import type { AppEnv, Deps } from './app-env'
import type { Env } from './env'
import { AppError } from './errors'
import { send } from './lib/http'
import { describe, openApiDocument } from './lib/openapi'
import { GuessGuard } from './lib/guess-guard'
import { RateLimiter, type Limiter } from './lib/rate-limit'
import { SharedGuessGuard } from './lib/shared-guess-guard'
import { SharedRateLimiter } from './lib/shared-rate-limit'
import { systemClock, type Clock } from './lib/time'
import { errorHandler } from './middleware/error-handler'
import { checkOrigin } from './middleware/origin-check'
import { logRequest } from './middleware/request-log'
import { loadSession } from './middleware/session'
import { Standings } from './standings/standings'
import { routesByResource } from './routes'
import { z } from 'zod'

// The database: a SQLite file (db) or PostgreSQL (pg), which several servers may share; on PostgreSQL
// reads may go through a pool of their own (pgReads), apart from the writes'.
export type AppOptions = { db: Db; pg?: undefined; pgReads?: undefined } | { pg: PgDb; pgReads?: PgDb; db?: undefined }
export type AppSettings = AppOptions & { env: Env; clock?: Clock; limiter?: Limiter; isReady?: () => boolean }

// What is shared between servers lives in the database on PostgreSQL (rate limits, password guesses);
// on SQLite, one process, in memory.
function storeDeps(options: AppOptions, clock: Clock, wake: () => void): Pick<Deps, 'store' | 'db' | 'writes' | 'limiter' | 'guesses'> & { close: () => Promise<void> } {
  if (options.db) {
    // A commit here may have finished attempts: streams hear of it on the next turn, not the next poll.
    const writes = new GroupCommit(options.db, { afterCommit: wake })
    return {
      store: new SqliteStore(options.db, writes), db: options.db, writes, close: async () => undefined,
      limiter: new RateLimiter(() => clock.now()), guesses: new GuessGuard(() => clock.now()),
    }
  }
  const pg = options.pg
  const notify = notifier(pg)
  const store: Store = new PgStore(pg, () => {
    wake()
    notify()
  }, options.pgReads)
  const listening = listen(pg, wake).catch((err: unknown) => {
    console.error(JSON.stringify({ level: 'error', what: 'LISTEN', error: String(err) })) // polling still follows the logs
    return async () => undefined
  })
  const run = <T>(program: Program<T>) => store.read(program)
  return {
    store, close: async () => (await listening)(),
    limiter: new SharedRateLimiter(run, () => clock.now()), guesses: new SharedGuessGuard(run, () => clock.now()),
  }
}

// The reference page's script, pinned: the page is for people reading the API, never a contest's path.
const SCALAR_CDN = 'https://cdn.jsdelivr.net/npm/@scalar/api-reference@1.76.0'

// The API app, mounted under /api by the server; tests call app.request() on it directly.
export function createApp(options: AppSettings) {
  const clock = options.clock ?? systemClock
  let standings: Standings | undefined
  const { close: closeStore, ...stored } = storeDeps(options, clock, () => standings?.wake())
  standings = new Standings(stored.store, clock)
  const deps: Deps = { ...stored, env: options.env, clock, standings, limiter: options.limiter ?? stored.limiter }
  const isReady = options.isReady ?? (() => true)
  let document: ReturnType<typeof openApiDocument> | undefined // built once, on first request
  const depEntries = Object.entries(deps) as [keyof Deps, unknown][] // once, not per request
  // One middleware for every request (each layer of Hono's chain costs a few µs): the dependencies, the
  // origin check, the session, and around the answer its headers and the log line. An error here gets the
  // answer onError would give it, and is logged like any other.
  const app = new Hono<AppEnv>()
    .use(async (c, next) => {
      for (const [k, v] of depEntries) c.set(k, v as never)
      const started = performance.now()
      try {
        checkOrigin(c)
        await loadSession(c)
        await next()
      } catch (err) {
        if (!(err instanceof Error)) throw err
        c.res = await errorHandler(err, c)
      }
      // JSON is never rendered as a page: API answers carry only these, pages the full set (api/root.ts).
      c.res.headers.set('X-Content-Type-Options', 'nosniff')
      c.res.headers.set('Cache-Control', 'no-store')
      logRequest(c, started)
    })
    .get('/health', describe({ summary: 'Máy chủ sẵn sàng nhận yêu cầu', tag: 'meta', open: true, answer: { json: z.object({ ok: z.literal(true) }) } }),
      (c) => (isReady() ? send(c, { ok: true }) : c.json({ ok: false, serverTime: new Date().toISOString() }, 503)))
    .route('/', routesByResource)
  // The document describes the app it is part of, so these two join it once it is built.
  app
    .get('/openapi.json', describe({ summary: 'Tài liệu OpenAPI 3.1 của API này', tag: 'meta', open: true, answer: { file: 'json' } }),
      async (c) => c.json(await (document ??= openApiDocument(app, pkg.version))))
    .get('/docs', describe({ summary: 'Trang tra cứu API cho người đọc', tag: 'meta', open: true, answer: { file: 'html' } }),
      Scalar({ url: '/api/openapi.json', pageTitle: 'hoithi API', cdn: SCALAR_CDN }))
  app.notFound(() => { throw new AppError('NOT_FOUND', 'Không tìm thấy đường dẫn API này.') })
  app.onError(errorHandler)
  const close = async () => {
    standings.close()
    await closeStore()
  }
  return { app, deps, close }
}

export type AppType = ReturnType<typeof createApp>['app']
