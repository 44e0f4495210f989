import { loadEnv } from '../api/env'
import { openDb } from '../db/client'
import { migrateDb } from '../db/migrate'

// Applies the migrations to DATABASE_PATH (the server also does on start).
migrateDb(openDb(loadEnv().DATABASE_PATH))
console.log('migrated')
