// node --import tsx bench/profile-summary.ts <file.cpuprofile> [top] [focus]: self and inclusive time by
// function, for profiles written by `npm run bench -- --profile` (node --cpu-prof on the server process).
// With focus (a function name), only the samples whose stack passes through that function are counted.
import { readFileSync } from 'node:fs'

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[]; hitCount?: number }
const [file, topArg, focus] = process.argv.slice(2)
if (!file) throw new Error('usage: bench/profile-summary.ts <file.cpuprofile> [top]')
const prof = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] }
const top = Number(topArg ?? 30)
const byId = new Map(prof.nodes.map((n) => [n.id, n]))
const parent = new Map<number, number>()
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
const self = new Map<number, number>()
prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)))
const all = [...self.values()].reduce((a, b) => a + b, 0)
if (focus) {
  for (const id of [...self.keys()]) {
    let hit = false
    for (let cur: number | undefined = id; cur != null && !hit; cur = parent.get(cur)) hit = byId.get(cur)!.callFrame.functionName === focus
    if (!hit) self.delete(id)
  }
}
const total = [...self.values()].reduce((a, b) => a + b, 0)
const label = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(node_modules\/)?/, '$1')}:${n.callFrame.lineNumber + 1}`
const selfBy = new Map<string, number>()
const inclBy = new Map<string, number>()
for (const [id, t] of self) {
  selfBy.set(label(byId.get(id)!), (selfBy.get(label(byId.get(id)!)) ?? 0) + t)
  const seen = new Set<string>()
  for (let cur: number | undefined = id; cur != null; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!)
    if (!seen.has(l)) { seen.add(l); inclBy.set(l, (inclBy.get(l) ?? 0) + t) }
    if (focus && byId.get(cur)!.callFrame.functionName === focus) break // callers of the focus are not its cost
  }
}
const show = (title: string, m: Map<string, number>) => {
  console.log(`\n${title} (of ${(total / 1e6).toFixed(2)} s${focus ? ` under ${focus}, ${(100 * total / all).toFixed(1)} % of all ${(all / 1e6).toFixed(2)} s` : ''} sampled)`)
  for (const [l, t] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${(100 * t / total).toFixed(1).padStart(6)} %  ${l}`)
}
show('self time', selfBy)
show('inclusive time', inclBy)
