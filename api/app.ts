import { Hono } from 'hono'
import type { Db } from '../db/client'
import { GroupCommit } from '../db/group-commit'
import { SqliteStore } from '../db/store'
import type { AppEnv, Deps } from './app-env'
import type { Env } from './env'
import { AppError } from './errors'
import { send } from './lib/http'
import { GuessGuard } from './lib/guess-guard'
import { RateLimiter } from './lib/rate-limit'
import { systemClock, type Clock } from './lib/time'
import { errorHandler } from './middleware/error-handler'
import { originCheck } from './middleware/origin-check'
import { requestLog } from './middleware/request-log'
import { loadSession } from './middleware/session'
import { adminAuditRoutes } from './routes/admin-audit'
import { adminContestRoutes } from './routes/admin-contests'
import { adminJudgingRoutes } from './routes/admin-judging'
import { adminQuestionRoutes } from './routes/admin-questions'
import { adminStatsRoutes } from './routes/admin-stats'
import { adminUnitRoutes } from './routes/admin-units'
import { adminUserRoutes } from './routes/admin-users'
import { attemptRoutes } from './routes/attempts'
import { meRoutes } from './routes/me'
import { publicRoutes } from './routes/public'
import { sessionRoutes } from './routes/sessions'
import { Standings } from './standings/standings'

export type AppOptions = { db: Db; env: Env; clock?: Clock; limiter?: RateLimiter; isReady?: () => boolean }

// The API app, mounted under /api by the server; tests call app.request() on it directly.
export function createApp(options: AppOptions) {
  const clock = options.clock ?? systemClock
  const standings = new Standings(options.db, clock)
  // A commit here may have finished attempts: streams hear of it on the next turn, not the next poll.
  const writes = new GroupCommit(options.db, { afterCommit: () => standings.wake() })
  const deps: Deps = {
    store: new SqliteStore(options.db, writes), db: options.db, env: options.env, clock, standings,
    limiter: options.limiter ?? new RateLimiter(() => clock.now()),
    guesses: new GuessGuard(() => clock.now()),
    writes,
  }
  const isReady = options.isReady ?? (() => true)
  const app = new Hono<AppEnv>()
    .use(async (c, next) => {
      for (const [k, v] of Object.entries(deps)) c.set(k as keyof Deps, v as never)
      await next()
    })
    .use(requestLog)
    .use(originCheck)
    .use(loadSession)
    .get('/health', (c) => (isReady() ? send(c, { ok: true }) : c.json({ ok: false, serverTime: new Date().toISOString() }, 503)))
    .route('/', sessionRoutes)
    .route('/', meRoutes)
    .route('/', publicRoutes)
    .route('/', attemptRoutes)
    .route('/admin', adminContestRoutes)
    .route('/admin', adminStatsRoutes)
    .route('/admin', adminQuestionRoutes)
    .route('/admin', adminJudgingRoutes)
    .route('/admin', adminUserRoutes)
    .route('/admin', adminAuditRoutes)
    .route('/admin', adminUnitRoutes)
  app.notFound(() => { throw new AppError('NOT_FOUND', 'Không tìm thấy đường dẫn API này.') })
  app.onError(errorHandler)
  return { app, deps }
}

export type AppType = ReturnType<typeof createApp>['app']
