import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkBank } from '../../questions/check'
import { loadBank, loadBankQuestions } from '../../questions/load'

describe('shipped question bank', () => {
  it('loads every file and passes the bank check', () => {
    const files = loadBank()
    expect(files.length).toBeGreaterThan(0)
    expect(checkBank(files).errors).toEqual([])
  })
})

describe('loadBank', () => {
  const dirs: string[] = []
  const tempDir = () => { const d = mkdtempSync(join(tmpdir(), 'bank-')); dirs.push(d); return d }
  afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }) })

  it('fails loudly naming the file, index, id and the schema message', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'x.json'), JSON.stringify([{ id: 'x-1', topic: 'x', difficulty: 5 }]))
    expect(() => loadBank(dir)).toThrow(/x\.json câu #0 \(x-1\).*difficulty/)
  })

  it('flattens the questions of every file', () => {
    const dir = tempDir()
    const q = (id: string) => ({
      id, topic: 't', difficulty: 1, type: 'true_false', stem: `Nhận định ${id}.`,
      options: [{ key: 'A', text: 'Đúng' }, { key: 'B', text: 'Sai' }], correct: ['A'],
      explanation: 'Đúng.', source: { document: 'Tài liệu' }, status: 'published',
    })
    writeFileSync(join(dir, 'a.json'), JSON.stringify([q('a-1')]))
    writeFileSync(join(dir, 'b.json'), JSON.stringify([q('b-1'), q('b-2')]))
    expect(loadBankQuestions(dir).map((x) => x.id)).toEqual(['a-1', 'b-1', 'b-2'])
  })
})
