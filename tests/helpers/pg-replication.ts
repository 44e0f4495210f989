import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import postgres from 'postgres'
import { initCluster, ownedTempDir, pgRun, serverUrl, startServer, stopServer, throwawaySettings } from './pg-cluster'
import { freePort } from './server-process'

// A primary and one streaming standby (pg_basebackup -R), each a throwaway server on its own port, for
// failover tests: kill -9 the primary's postmaster, promote the standby, and see what clients kept.
// 'sync': the primary's commits wait until standby1 has flushed them (synchronous_commit=on, ANY 1).
// 'async': the same pair with synchronous_standby_names='': a commit is acknowledged before it is sent.

export type ReplicationMode = 'sync' | 'async'

export type Replication = {
  mode: ReplicationMode
  dir: string
  primaryPort: number
  standbyPort: number
  // Both servers, primary first: postgres.js connects to whichever is not in recovery.
  multiHostUrl: (database: string) => string
  primaryUrl: (database: string) => string
  standbyUrl: (database: string) => string
  killPrimary: () => Promise<void>
  promoteStandby: () => void
  log: (server: 'primary' | 'standby') => string
  stop: () => void
}

const STANDBY_NAME = 'standby1'

export async function startReplication(options: { mode: ReplicationMode; slot?: boolean }): Promise<Replication> {
  const dir = ownedTempDir()
  const primaryData = join(dir, 'primary')
  const standbyData = join(dir, 'standby')
  const logOf = (server: 'primary' | 'standby') => join(dir, `${server}.log`)
  const [primaryPort, standbyPort] = [await freePort(), await freePort()]
  // Durability stays off on disk (fsync), but commits wait for the local WAL write and, in sync mode, for
  // the standby: what an acknowledgement means is what the test is about.
  const base = { ...throwawaySettings(dir), synchronous_commit: 'on' }
  // On the command line, not in postgresql.conf: pg_basebackup copies the file, and a promoted standby
  // that waited for a standby of its own would hang every commit.
  const primarySettings = {
    ...base, wal_level: 'replica', max_wal_senders: '5', max_replication_slots: '5',
    synchronous_standby_names: options.mode === 'sync' ? `ANY 1 (${STANDBY_NAME})` : '',
  }
  let stopped = false
  const stop = () => {
    if (stopped) return
    stopped = true
    stopServer(standbyData)
    stopServer(primaryData)
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    initCluster(primaryData)
    startServer(primaryData, primaryPort, primarySettings, logOf('primary'))
    // -R writes standby.signal and primary_conninfo (with this application_name, the name the primary's
    // synchronous_standby_names lists); -C -S a physical slot, so the primary keeps WAL the standby lacks.
    const conninfo = `host=127.0.0.1 port=${primaryPort} user=postgres application_name=${STANDBY_NAME}`
    const slot = (options.slot ?? true) ? ['-C', '-S', STANDBY_NAME] : []
    pgRun('pg_basebackup', ['-D', standbyData, '-d', conninfo, '-R', '-X', 'stream', '-c', 'fast', '--no-sync', ...slot])
    startServer(standbyData, standbyPort, base, logOf('standby'))
    await untilStreaming(serverUrl(primaryPort, 'postgres'), options.mode)
  } catch (err) {
    stop()
    throw err
  }
  return {
    mode: options.mode,
    dir,
    primaryPort,
    standbyPort,
    multiHostUrl: (db) => `postgres://postgres@127.0.0.1:${primaryPort},127.0.0.1:${standbyPort}/${db}?target_session_attrs=primary`,
    primaryUrl: (db) => serverUrl(primaryPort, db),
    standbyUrl: (db) => serverUrl(standbyPort, db),
    async killPrimary() {
      const pid = Number(readFileSync(join(primaryData, 'postmaster.pid'), 'utf8').split('\n')[0])
      process.kill(pid, 'SIGKILL')
      while (alive(pid)) await sleep(5)
    },
    promoteStandby() {
      pgRun('pg_ctl', ['-D', standbyData, '-w', '-t', '60', 'promote'])
    },
    log: (server) => { try { return readFileSync(logOf(server), 'utf8') } catch { return '' } },
    stop,
  }
}

// Gone, or a zombie: the postmaster's parent is whoever adopted it when pg_ctl exited, and may reap it late.
function alive(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z'
  } catch {
    return false
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

// Until the primary sees the standby streaming (and, in sync mode, counts it for ANY 1: a 'quorum' standby).
async function untilStreaming(adminUrl: string, mode: ReplicationMode) {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => undefined })
  try {
    for (const end = Date.now() + 30_000; Date.now() < end; await sleep(20)) {
      const rows = await sql`SELECT state, sync_state FROM pg_stat_replication WHERE application_name = ${STANDBY_NAME}`
      if (rows.some((r) => r.state === 'streaming' && (mode === 'async' || r.sync_state === 'quorum'))) return
    }
    throw new Error(`standby ${STANDBY_NAME} did not start streaming (${mode}) within 30 s`)
  } finally {
    await sql.end()
  }
}
