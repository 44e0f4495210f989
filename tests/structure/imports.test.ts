import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The project's import graph, read from the source text (TypeScript 7 has no JS API for a tool to read it):
// every `import … from`, `export … from` and `import()` of a relative path, type-only ones included.
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const FOLDERS = ['api', 'db', 'web', 'questions', 'scripts', 'bench']
const SPEC = /(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path)
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec)
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    try {
      if (statSync(candidate).isFile()) return candidate
    } catch { /* next */ }
  }
  return null
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of FOLDERS.flatMap((f) => sources(join(ROOT, f)))) {
    const text = readFileSync(file, 'utf8')
    const targets = [...text.matchAll(SPEC)].map((m) => resolveImport(file, m[1] ?? m[2])).filter((t): t is string => t != null)
    graph.set(relative(ROOT, file), targets.map((t) => relative(ROOT, t)))
  }
  return graph
}

// Every cycle's files, found by a depth-first walk (one cycle per back edge is enough to name it).
function cycles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>()
  const path: string[] = []
  const found: string[][] = []
  const visit = (node: string) => {
    state.set(node, 'open')
    path.push(node)
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next])
      else if (!state.has(next)) visit(next)
    }
    path.pop()
    state.set(node, 'done')
  }
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node)
  return found
}

describe('the dependency graph', () => {
  const graph = importGraph()

  it('reads the imports it is meant to check', () => {
    expect(graph.get('api/app.ts')).toContain('api/standings/standings.ts')
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual([['a', 'b', 'c', 'a']])
  })

  it('has no import cycle', () => {
    expect(cycles(graph)).toEqual([])
  })

  it('keeps db/ free of api/: the storage layer knows nothing of the server', () => {
    const wrong = [...graph].filter(([file]) => file.startsWith('db/')).flatMap(([file, to]) => to.filter((t) => t.startsWith('api/')).map((t) => `${file} → ${t}`))
    expect(wrong).toEqual([])
  })

  it('lets routes reach the standings read model only through its facade', () => {
    const wrong = [...graph].filter(([file]) => file.startsWith('api/routes/'))
      .flatMap(([file, to]) => to.filter((t) => t.startsWith('api/standings/') && t !== 'api/standings/standings.ts').map((t) => `${file} → ${t}`))
    expect(wrong).toEqual([])
  })
})
