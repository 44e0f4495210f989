import { afterAll } from 'vitest'
import { dropPgAppDbs } from './pg-app'

// The api-pg project runs the HTTP suite with STORE=pg: every test app's database goes after its file.
afterAll(dropPgAppDbs, 60_000)
