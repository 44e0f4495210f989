import { loadEnv } from '../api/env'
import { openDatabase } from '../db/open-store'

// Applies the migrations to DATABASE_URL's PostgreSQL database, or else to DATABASE_PATH (the server also does on start).
const { close } = await openDatabase(loadEnv())
await close()
console.log('migrated')
