import type Database from 'better-sqlite3'
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { Db } from '../../db/client'
import { growColumns } from '../lib/typed-columns'

export type Named = { id: string; fullName: string }

// Per rowid: where the person's bytes start (offset + 1; 0 = unknown rowid), then the id's and the name's lengths.
const columns = (rows: number) => ({ at: new Int32Array(rows), idLength: new Uint8Array(rows), nameLength: new Uint16Array(rows) })

// Every participant's id and full name by rowid, packed into one byte buffer (~40 bytes a person, so
// ~45 MB for 900,000 people instead of ~250 MB as objects). Leaderboard pages read names from here, not
// from SQLite: a random page of a big board would otherwise cost fifty random row reads.
// Names and ids never change and participants are never deleted, so rows only ever need adding: the
// book reads the rowids above the highest it holds whenever it meets one it does not know.
export class NameBook {
  private bytes = Buffer.alloc(1 << 16)
  private used = 0
  private index = columns(1024)
  private highest = 0
  filled = false
  private statement: Database.Statement | null = null

  // The read model is made before the server migrates a new database: the statement waits for first use.
  constructor(private db: Db) {}

  private get above(): Database.Statement {
    return (this.statement ??= this.db.$client.prepare('SELECT rowid, id, full_name FROM participants WHERE rowid > ? ORDER BY rowid LIMIT ?').raw(true))
  }

  get(pr: number): Named | undefined {
    if (pr > this.highest) this.readNew()
    const { at, idLength, nameLength } = this.index
    const start = pr < at.length ? at[pr] - 1 : -1
    if (start < 0) return undefined
    const nameAt = start + idLength[pr]
    return { id: this.bytes.toString('latin1', start, nameAt), fullName: this.bytes.toString('utf8', nameAt, nameAt + nameLength[pr]) }
  }

  // Reads up to `rows` people above the highest rowid held (all of them when negative); true when none are left.
  readNew(rows = -1): boolean {
    let read = 0
    for (const [pr, id, name] of this.above.iterate(this.highest, rows) as IterableIterator<[number, string, string]>) {
      this.add(pr, id, name)
      read++
    }
    const done = rows < 0 || read < rows
    if (done) this.filled = true // later people are read when get() first meets their rowid
    return done
  }

  private add(pr: number, id: string, name: string) {
    // Ids are nanoids; a longer or non-ASCII one would not fit the one-byte length or the latin1 bytes.
    if (id.length > 255 || !/^[\x20-\x7e]*$/.test(id)) throw new Error(`participant id ${JSON.stringify(id)} cannot go in the name book`)
    this.highest = pr
    const { at, idLength, nameLength } = (this.index = growColumns(this.index, pr, columns))
    const room = id.length + name.length * 3 // UTF-8 takes at most 3 bytes per UTF-16 unit
    if (this.used + room > this.bytes.length) this.growBytes(this.used + room)
    at[pr] = this.used + 1
    idLength[pr] = this.bytes.write(id, this.used, 'latin1')
    this.used += idLength[pr]
    nameLength[pr] = this.bytes.write(name, this.used, 'utf8')
    this.used += nameLength[pr]
  }

  // Fills the book 5,000 people at a time with a turn of the event loop between (900,000 take ~1 s), so
  // the first board read after a restart does not stop other requests while it loads.
  // Undefined when nothing was left to read.
  warm(): Promise<void> | undefined {
    if (this.filled || this.readNew(5_000)) return undefined
    return (async () => {
      do await nextTurn()
      while (!this.readNew(5_000))
    })()
  }

  private growBytes(need: number) {
    let n = this.bytes.length
    while (n < need) n *= 2
    const next = Buffer.alloc(n)
    this.bytes.copy(next, 0, 0, this.used)
    this.bytes = next
  }
}
