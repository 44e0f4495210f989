import type { Db } from '../db/client'
import type { GroupCommit } from '../db/group-commit'
import type { Env } from './env'
import type { Clock } from './lib/time'
import type { SessionUser } from './services/auth'
import type { StandingsHub } from './services/standings-hub'
import type { RateLimiter } from './lib/rate-limit'

// Everything a request handler may reach, built once by createApp and shared by every request.
// writes: the group commit that participant writes (start, save, submit) go through.
export type Deps = { db: Db; env: Env; clock: Clock; hub: StandingsHub; limiter: RateLimiter; writes: GroupCommit }

export type AppEnv = {
  Variables: Deps & { user: SessionUser | null; sessionId: string | null; clientAddress: string }
}
