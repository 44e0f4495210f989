import type { Db } from '../db/client'
import type { GroupCommit } from '../db/group-commit'
import type { Store } from '../db/store'
import type { Env } from './env'
import type { Clock } from './lib/time'
import type { SessionUser } from './services/auth'
import type { Guesses } from './lib/guess-guard'
import type { Limiter } from './lib/rate-limit'
import type { Standings } from './standings/standings'

// Everything a request handler may reach, built once by createApp and shared by every request.
// store: where programs (db/program.ts) read and write, on SQLite or PostgreSQL; db and writes: the SQLite
// database and its group commit when the store is SQLite (finalize ranks the file in a worker thread);
// standings: the read model of boards and rankings, which follows the database's change log.
export type Deps = { store: Store; db?: Db; env: Env; clock: Clock; standings: Standings; limiter: Limiter; guesses: Guesses; writes?: GroupCommit }

export type AppEnv = {
  Variables: Deps & { user: SessionUser | null; sessionId: string | null; clientAddress: string }
}
