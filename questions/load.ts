import { readFileSync, readdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BankQuestion } from './schema'

export type RawBankFile = { file: string; data: unknown }
export type LoadedBankFile = { file: string; questions: BankQuestion[] }

// A built server (dist/server/*.js, see vite.config.ts) reads the bank from the sources' folder.
const HERE = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? '.' : '../../questions/', import.meta.url))

// Raw reading is separate so the bank check can report schema errors instead of throwing on the first.
export function readBankFiles(dir: string = HERE): RawBankFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8')
      try {
        return { file: name, data: JSON.parse(text) as unknown }
      } catch (error) {
        throw new Error(`Ngân hàng câu hỏi: ${name} không phải JSON hợp lệ: ${(error as Error).message}`)
      }
    })
}

function parseFile({ file, data }: RawBankFile): LoadedBankFile {
  if (!Array.isArray(data)) throw new Error(`Ngân hàng câu hỏi: ${file} phải là một mảng JSON các câu hỏi`)
  const questions = data.map((item: unknown, index) => {
    const parsed = BankQuestion.safeParse(item)
    if (parsed.success) return parsed.data
    const id = typeof item === 'object' && item !== null && 'id' in item ? String(item.id) : '(không có id)'
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`).join('; ')
    throw new Error(`Ngân hàng câu hỏi: ${file} câu #${index} (${id}) không hợp lệ: ${issues}`)
  })
  return { file: basename(file), questions }
}

export function loadBank(dir?: string): LoadedBankFile[] {
  return readBankFiles(dir).map(parseFile)
}

export function loadBankQuestions(dir?: string): BankQuestion[] {
  return loadBank(dir).flatMap((f) => f.questions)
}
