// node --import tsx bench/ranking-memory.ts DIR/big.db [worker.js]
// The finalize's ranking worker alone, on a database bench/finalize-memory.ts seeded (its round from big.json
// beside it): this small process starts the worker as the server does and prints its peak RSS (VmHWM, reset
// first), the RSS every half second, the wall time and the CPU (both threads). The worker is the built one in
// dist/server (run `npx vite build --mode server` first), or the file given: another checkout's, for a before/after.
import Database from 'better-sqlite3'
import { readFileSync, writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { runWorkerTask } from '../api/lib/worker-task'
import type { RoundRanking } from '../api/services/final-ranking'

const [path, workerFile] = process.argv.slice(2)
if (!path) {
  console.error('usage: bench/ranking-memory.ts DIR/big.db [worker.js]')
  process.exit(2)
}
const { roundId } = JSON.parse(readFileSync(path.replace(/[^/]*$/, 'big.json'), 'utf8')) as { roundId: string }
const db = new Database(path, { readonly: true })
const r = db.prepare('SELECT contest_id, tiebreak, prediction_enabled, prediction_target FROM rounds WHERE id = ?').get(roundId) as
  { contest_id: string; tiebreak: string; prediction_enabled: number; prediction_target: string | null }
db.close()
const question = { roundId, contestId: r.contest_id, tiebreak: JSON.parse(r.tiebreak) as string[], target: r.prediction_enabled ? r.prediction_target : null }
const mb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024
const line: number[] = []
const timer = setInterval(() => line.push(Math.round(mb('VmRSS'))), 500)
writeFileSync('/proc/self/clear_refs', '5')
const before = mb('VmRSS')
const t0 = performance.now()
const c0 = process.cpuUsage()
const worker = workerFile ? pathToFileURL(workerFile) : new URL('../dist/server/ranking-worker.js', import.meta.url)
const ranking = await runWorkerTask<RoundRanking>(worker, { ...question, path }, { maxHeapMb: 1024, tooLarge: 'too large' })
const cpu = process.cpuUsage(c0)
clearInterval(timer)
console.log(`ranked ${ranking.seqs.length} in ${((performance.now() - t0) / 1000).toFixed(2)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s; RSS before ${Math.round(before)} MB, peak ${Math.round(mb('VmHWM'))} MB, after ${Math.round(mb('VmRSS'))} MB`)
console.log(`RSS every 500 ms (MB): ${line.join(' ')}`)
