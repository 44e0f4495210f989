import { setImmediate as nextTurn } from 'node:timers/promises'
import { all, get, type Program } from '../../db/program'
import type { SqlRow } from '../../db/row-types'
import type { participants } from '../../db/schema'
import { plainJsonText, type ByteWriter } from '../lib/byte-writer'
import { growColumns } from '../lib/typed-columns'
import type { Run } from './round-board'

export type Named = { id: string; fullName: string }
type Person = Pick<SqlRow<typeof participants>, 'seq' | 'id' | 'full_name'>

// Per seq: where the person's bytes start (offset + 1; 0 = unknown seq), the id's and the name's lengths,
// and whether both go into JSON as they are (1) or need escaping (0: a quote, a backslash, a control
// character, a surrogate).
const columns = (rows: number) => ({ at: new Int32Array(rows), idLength: new Uint8Array(rows), nameLength: new Uint16Array(rows), plain: new Uint8Array(rows) })

// Every participant's id and full name by seq, packed into one byte buffer (~40 bytes a person, so
// ~45 MB for 900,000 people instead of ~250 MB as objects). Leaderboard pages read names from here, not
// from the database: a random page of a big board would otherwise cost fifty random row reads.
// Ids never change and participants are never deleted; a corrected name is written again (reread). A page
// first asks the book to hold its people (ensure), then reads them (get).
// On PostgreSQL a seq may become visible after a higher one (numbers are taken at insert, rows appear at
// commit): the book reads what lies above the highest seq it holds, then looks up any it still misses.
export class NameBook {
  private bytes = Buffer.alloc(1 << 16)
  private used = 0
  private index = columns(1024)
  private highest = 0
  filled = false
  // Seqs by participant id, for the people who asked for their own place lately: a seq never changes once
  // the row exists, so a kept one is never stale; the oldest goes first past the limit (~100 B each).
  private seqs = new Map<string, number>()

  constructor(private maxSeqs = 65_536) {}

  has(pr: number): boolean {
    return pr < this.index.at.length && this.index.at[pr] > 0
  }

  // Reads the people of `prs` the book does not hold yet.
  *ensure(prs: readonly number[]): Program<void> {
    let above = false
    let missing: number[] = []
    for (const pr of prs) {
      if (this.has(pr)) continue
      if (pr > this.highest) above = true
      else missing.push(pr)
    }
    if (above) {
      yield* this.readNew()
      missing = prs.filter((pr) => !this.has(pr))
    }
    for (let i = 0; i < missing.length; i += 500) {
      const some = missing.slice(i, i + 500)
      const rows = yield* all<Person>(`SELECT seq, id, full_name FROM participants WHERE seq IN (${some.map(() => '?').join(',')})`, ...some)
      for (const r of rows) this.add(r.seq, r.id, r.full_name)
    }
  }

  // The person's seq, the key every board holds them by; undefined for an id nobody has (yet).
  *seqOf(participantId: string): Program<number | undefined> {
    const kept = this.seqs.get(participantId)
    if (kept !== undefined) return kept
    const pr = (yield* get<{ pr: number }>('SELECT seq AS pr FROM participants WHERE id = ?', participantId))?.pr
    if (pr == null) return undefined
    if (this.seqs.size >= this.maxSeqs) this.seqs.delete(this.seqs.keys().next().value as string)
    this.seqs.set(participantId, pr)
    return pr
  }

  // The person, once ensure() has read them; undefined for a seq nobody has.
  get(pr: number): Named | undefined {
    const { at, idLength, nameLength } = this.index
    const start = pr < at.length ? at[pr] - 1 : -1
    if (start < 0) return undefined
    const nameAt = start + idLength[pr]
    return { id: this.bytes.toString('latin1', start, nameAt), fullName: this.bytes.toString('utf8', nameAt, nameAt + nameLength[pr]) }
  }

  // The person's id and full name as JSON strings with the separator given between them (`"id"between"name"`),
  // as JSON.stringify writes them: from the bytes held when they need no escaping. `""` for a seq nobody has.
  writeJson(pr: number, between: string, w: ByteWriter): void {
    const { at, idLength, nameLength, plain } = this.index
    const start = pr < at.length ? at[pr] - 1 : -1
    if (start < 0) {
      w.ascii('""').ascii(between).ascii('""')
    } else if (plain[pr]) {
      const nameAt = start + idLength[pr]
      w.ascii('"').bytes(this.bytes, start, nameAt).ascii('"').ascii(between).ascii('"').bytes(this.bytes, nameAt, nameAt + nameLength[pr]).ascii('"')
    } else {
      const p = this.get(pr)!
      w.json(p.id).ascii(between).json(p.fullName)
    }
  }

  // Reads up to `rows` people above the highest seq held (all of them when negative); true when none are left.
  *readNew(rows = -1): Program<boolean> {
    const read = yield* all<Person>('SELECT seq, id, full_name FROM participants WHERE seq > ? ORDER BY seq LIMIT ?', this.highest, rows < 0 ? Number.MAX_SAFE_INTEGER : rows)
    for (const r of read) this.add(r.seq, r.id, r.full_name)
    const done = rows < 0 || read.length < rows
    if (done) this.filled = true // later people are read when ensure() first meets their seq
    return done
  }

  // A corrected name (the change log's 'rename'): the person's bytes are written again at the end and the
  // index points there; the old bytes stay unused, as corrections are rare. A seq not held is read later.
  *reread(pr: number): Program<void> {
    if (!this.has(pr)) return
    const rows = yield* all<Person>('SELECT seq, id, full_name FROM participants WHERE seq = ?', pr)
    if (!rows.length) return
    this.index.at[pr] = 0
    this.add(rows[0].seq, rows[0].id, rows[0].full_name)
  }

  // Idempotent: two reads that overlap (on PostgreSQL they may run at once) add each person once.
  private add(pr: number, id: string, name: string) {
    if (this.has(pr)) return
    // Ids are nanoids; a longer or non-ASCII one would not fit the one-byte length or the latin1 bytes.
    if (id.length > 255 || !/^[\x20-\x7e]*$/.test(id)) throw new Error(`participant id ${JSON.stringify(id)} cannot go in the name book`)
    this.highest = Math.max(this.highest, pr)
    const { at, idLength, nameLength, plain } = (this.index = growColumns(this.index, pr, columns))
    const room = id.length + name.length * 3 // UTF-8 takes at most 3 bytes per UTF-16 unit
    if (this.used + room > this.bytes.length) this.growBytes(this.used + room)
    at[pr] = this.used + 1
    idLength[pr] = this.bytes.write(id, this.used, 'latin1')
    this.used += idLength[pr]
    nameLength[pr] = this.bytes.write(name, this.used, 'utf8')
    this.used += nameLength[pr]
    plain[pr] = plainJsonText(id) && plainJsonText(name) ? 1 : 0
  }

  // Fills the book 5,000 people at a time with a turn of the event loop between (900,000 take ~1 s), so
  // the first board read after a restart does not stop other requests while it loads.
  // Undefined when the book is filled already; one fill however many readers wait for it.
  private warming: Promise<void> | null = null
  warm(run: Run): Promise<void> | undefined {
    if (this.filled) return undefined
    this.warming ??= (async () => {
      while (!(await run(this.readNew(5_000)))) await nextTurn()
    })().finally(() => { this.warming = null })
    return this.warming
  }

  private growBytes(need: number) {
    let n = this.bytes.length
    while (n < need) n *= 2
    const next = Buffer.alloc(n)
    this.bytes.copy(next, 0, 0, this.used)
    this.bytes = next
  }
}
