type Column = Float64Array | Int32Array | Uint16Array | Uint8Array

// Columns of typed arrays indexed by a row number (a participant's seq): compact for a million rows,
// and grown by doubling, so filling them costs a handful of copies. Returns `cols` itself when `index`
// already fits, else new columns of at least index + 1 rows holding the old values.
export function growColumns<T extends Record<string, Column>>(cols: T, index: number, make: (rows: number) => T): T {
  const rows = Object.values(cols)[0].length
  if (index < rows) return cols
  let n = Math.max(rows, 1)
  while (n <= index) n *= 2
  const next = make(n)
  for (const key of Object.keys(next) as (keyof T)[]) (next[key] as { set(values: ArrayLike<number>): void }).set(cols[key])
  return next
}

// The rows a 0/1 column marks, in row order: a board's people once it is read, handed to RankedList.load.
export function markedRows(flags: Uint8Array): number[] {
  const rows: number[] = []
  for (let p = 0; p < flags.length; p++) if (flags[p]) rows.push(p)
  return rows
}
