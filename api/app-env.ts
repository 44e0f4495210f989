import type { Db } from '../db/client'
import type { GroupCommit } from '../db/group-commit'
import type { Env } from './env'
import type { Clock } from './lib/time'
import type { SessionUser } from './services/auth'
import type { Guesses } from './lib/guess-guard'
import type { Limiter } from './lib/rate-limit'
import type { Standings } from './standings/standings'

// Everything a request handler may reach, built once by createApp and shared by every request.
// writes: the group commit that participant writes (start, save, submit) go through; standings: the read
// model of boards and rankings, which follows the database's change log.
export type Deps = { db: Db; env: Env; clock: Clock; standings: Standings; limiter: Limiter; guesses: Guesses; writes: GroupCommit }

export type AppEnv = {
  Variables: Deps & { user: SessionUser | null; sessionId: string | null; clientAddress: string }
}
