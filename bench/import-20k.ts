// node --import tsx bench/import-20k.ts [SIZES, default 5000,20000]: an invented bank written as one .xlsx,
// then parseImport('xlsx') + storeInChunks into a fresh SQLite file, each size in its own child process
// so its peak memory (VmHWM) is the import's alone. Prints the numbers and appends them to IMPORT-RESULTS.md.
import { execFileSync, execSync } from 'node:child_process'
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, release, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { invented } from './lib/invented-bank'

const HERE = fileURLToPath(new URL('.', import.meta.url))
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024)
const vmHwmMb = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN) / 1024

// Child: import one file, sampling RSS while the event loop is free; VmHWM catches the synchronous store.
async function measure(file: string, dbPath: string) {
  const { parseImport } = await import('../api/formats/index')
  const { storeInChunks } = await import('../api/services/questions')
  const { SYSTEM_ACTOR } = await import('../api/services/audit')
  const { openDb } = await import('../db/client')
  const { migrateDb } = await import('../db/migrate')
  const db = openDb(dbPath)
  migrateDb(db)
  const baseRss = process.memoryUsage().rss
  let sampled = baseRss
  const timer = setInterval(() => { sampled = Math.max(sampled, process.memoryUsage().rss) }, 10)
  const t0 = performance.now()
  const parsed = await parseImport('xlsx', readFileSync(file))
  const t1 = performance.now()
  sampled = Math.max(sampled, process.memoryUsage().rss)
  const stored = await storeInChunks(db, SYSTEM_ACTOR, parsed.questions, Date.now(), 'bench:xlsx')
  const t2 = performance.now()
  clearInterval(timer)
  sampled = Math.max(sampled, process.memoryUsage().rss)
  const rows = (db.$client.prepare('SELECT count(*) AS n FROM questions').get() as { n: number }).n
  console.log(JSON.stringify({
    parseMs: t1 - t0, storeMs: t2 - t1, imported: stored.imported, errors: parsed.errors.length, rows,
    baseRssMb: mb(baseRss), sampledPeakRssMb: mb(sampled), vmHwmMb: Math.round(vmHwmMb()),
  }))
}

async function main(sizes: number[]) {
  const { writeExport } = await import('../api/formats/index')
  const tmp = mkdtempSync(join(tmpdir(), 'hoithi-import-bench-'))
  const results: { n: number; fileMb: number; r: Record<string, number> }[] = []
  try {
    for (const n of sizes) {
      const file = join(tmp, `bank-${n}.xlsx`)
      writeFileSync(file, await writeExport('xlsx', Array.from({ length: n }, (_, i) => invented(i + 1))))
      const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--measure', file, join(tmp, `db-${n}.sqlite`)], { encoding: 'utf8' })
      const r = JSON.parse(out.trim().split('\n').pop() ?? '{}') as Record<string, number>
      results.push({ n, fileMb: statSync(file).size / 1024 / 1024, r })
      console.log(`${n} questions (${(statSync(file).size / 1024 / 1024).toFixed(1)} MB xlsx):`, r)
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
  report(results)
}

function report(results: { n: number; fileMb: number; r: Record<string, number> }[]) {
  const sh = (cmd: string) => { try { return execSync(cmd, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() } catch { return '?' } }
  const commit = `${sh('git rev-parse --short HEAD')}${sh('git status --porcelain') ? ' (with uncommitted changes)' : ''}`
  const machine = `${cpus()[0]?.model ?? '?'} × ${cpus().length}, ${mb(totalmem())} MB RAM, Linux ${release()}, Node ${process.version}`
  const rows = results.map(({ n, fileMb, r }) => `| ${n.toLocaleString('en-US')} | ${fileMb.toFixed(1)} | ${(r.parseMs / 1000).toFixed(1)} | ${(r.storeMs / 1000).toFixed(1)} | ${((r.parseMs + r.storeMs) / 1000).toFixed(1)} | ${r.baseRssMb} | ${r.sampledPeakRssMb} | ${r.vmHwmMb} | ${r.imported} |`)
  const section = [
    `## ${new Date().toISOString()} · ${commit}`, '', `Machine: ${machine}.`, '',
    '| questions | xlsx MB | parse s | store s | total s | RSS before MB | peak RSS sampled MB | VmHWM MB | imported |', '|' + ' --- |'.repeat(9), ...rows, '',
    ...growth(results),
  ].join('\n')
  const path = join(HERE, 'IMPORT-RESULTS.md')
  if (!existsSync(path)) writeFileSync(path, '# Question import benchmark (bench/import-20k.ts)\n\n')
  appendFileSync(path, `${section}\n`)
  console.log(`\n${section}\nAppended to ${path}`)
}

// Peak above the pre-import RSS per extra question, between the smallest and largest size: near zero
// would mean bounded memory; a steady cost per question means the import holds the whole sheet.
function growth(results: { n: number; r: Record<string, number> }[]): string[] {
  if (results.length < 2) return []
  const [a, b] = [results[0], results[results.length - 1]]
  const over = (x: typeof a) => x.r.vmHwmMb - x.r.baseRssMb
  const perQuestionKb = ((over(b) - over(a)) * 1024) / (b.n - a.n)
  return [`Peak memory above the start: ${over(a)} MB at ${a.n}, ${over(b)} MB at ${b.n}, about ${perQuestionKb.toFixed(1)} KB per extra question${perQuestionKb > 1 ? ': it grows with the file (not bounded)' : ''}.`, '']
}

const args = process.argv.slice(2)
if (args[0] === '--measure') await measure(args[1], args[2])
else await main((args[0] ?? '5000,20000').split(',').map(Number))
