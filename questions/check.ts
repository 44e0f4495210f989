import { z } from 'zod'
import { normalizeForCompare } from '../api/lib/text'
import { BankQuestion, TRUE_FALSE_OPTIONS } from './schema'
import { sourceProblem } from './sources'
import { BANK_MINIMUM, GROUP_MINIMUMS, TOPICS, type TopicInfo } from './topics'

type Item = z.infer<typeof Structural>
type QuestionType = Item['type']
export type TopicStats = {
  topic: string
  name: string
  total: number
  difficulty: Record<1 | 2 | 3, number>
  type: Record<QuestionType, number>
}
export type CheckLimits = { topics: TopicInfo[]; groups: Record<string, number>; bank: number }
export type CheckInput = { file: string; questions: unknown[] }[]
export type CheckResult = { errors: string[]; stats: TopicStats[]; totals: TopicStats }

export const REAL_LIMITS: CheckLimits = { topics: TOPICS, groups: GROUP_MINIMUMS, bank: BANK_MINIMUM }
const MIN_DIFFICULTY_SHARE = 0.2
const MIN_TYPE_SHARE = { true_false: 0.1, multiple: 0.05 } as const
const MAX_SENTENCES = 3

// The shape without BankQuestion's refinements: the check re-states those rules with clearer messages.
const Structural = z.object(BankQuestion.shape)

// "All of the above" style options give the answer away when options are shuffled, unless pinned.
const ALL_OF_ABOVE = [/(^| )tất cả( |$)/, /(^| )cả a( |$)/, /(^| )cả ba( |$)/, /các (phương án|đáp án|ý) trên/, /all of the above/]
// A period after one of these, or after a single capital initial, does not end a sentence.
const ABBREVIATIONS = new Set(['tp', 'tt', 'ts', 'ths', 'pgs', 'gs', 'nxb', 'tr', 'st', 'v.v', 'vv', 'tw', 'ubnd'])

export function countSentences(text: string): number {
  const tokens = text.trim().split(/\s+/).filter(Boolean)
  let count = 0
  tokens.forEach((token, i) => {
    const ends = /[.!?…]["”’»)\]]*$/.test(token)
    const word = token.replace(/[.!?…"”’»)\]]+$/, '').replace(/^["“‘«(\[]+/, '')
    const abbreviation = token.endsWith('.') && (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word))
    if ((ends && !(abbreviation && i < tokens.length - 1)) || (!ends && i === tokens.length - 1)) count++
  })
  return count
}

function nonNfcStrings(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value === value.normalize('NFC') ? [] : [path || '(gốc)']
  if (Array.isArray(value)) return value.flatMap((v, i) => nonNfcStrings(v, `${path}[${i}]`))
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => nonNfcStrings(v, path ? `${path}.${k}` : k))
  }
  return []
}

export function checkItem(q: Item, raw: unknown): string[] {
  const errors: string[] = []
  const keys = q.options.map((o) => o.key)
  keys.forEach((k, i) => {
    if (k !== 'ABCDEF'[i]) errors.push(`khóa phương án thứ ${i + 1} phải là ${'ABCDEF'[i]}, không phải ${k}`)
  })
  const texts = q.options.map((o) => normalizeForCompare(o.text))
  if (new Set(texts).size !== texts.length) errors.push('hai phương án trùng nội dung')
  for (const k of q.correct) if (!keys.includes(k)) errors.push(`đáp án ${k} không có trong các phương án`)
  if (new Set(q.correct).size !== q.correct.length) errors.push('đáp án bị lặp')
  if (q.type !== 'multiple' && q.correct.length !== 1) errors.push(`câu ${q.type} phải có đúng một đáp án`)
  if (q.type === 'multiple' && q.correct.length < 2) errors.push('câu multiple phải có từ hai đáp án trở lên')
  const tfOk = q.options.length === 2 && q.options.every((o, i) => o.key === TRUE_FALSE_OPTIONS[i].key && o.text === TRUE_FALSE_OPTIONS[i].text)
  if (q.type === 'true_false' && !tfOk) errors.push('câu true_false phải có đúng hai phương án A "Đúng", B "Sai"')
  if (!q.source.document.trim()) errors.push('thiếu source.document')
  else {
    const problem = sourceProblem(q.source)
    if (problem) errors.push(problem)
  }
  if (!q.explanation.trim()) errors.push('thiếu explanation')
  else if (countSentences(q.explanation) > MAX_SENTENCES) errors.push(`explanation quá ${MAX_SENTENCES} câu`)
  for (const path of nonNfcStrings(raw)) errors.push(`chuỗi không ở dạng Unicode NFC: ${path}`)
  q.options.forEach((o, i) => {
    const text = normalizeForCompare(o.text)
    if (!o.pinned && ALL_OF_ABOVE.some((re) => re.test(text))) errors.push(`phương án ${o.key} kiểu "tất cả các đáp án trên" phải có pinned: true`)
    if (o.pinned && i !== q.options.length - 1) errors.push(`phương án ghim ${o.key} phải đứng cuối`)
  })
  if (q.weight !== undefined && q.weight !== 1) errors.push(`weight phải là 1 (đang là ${q.weight})`)
  if (q.status !== 'published') errors.push(`status phải là published (đang là ${q.status ?? 'trống'})`)
  return errors
}

const emptyStats = (topic: string, name: string): TopicStats => ({
  topic, name, total: 0, difficulty: { 1: 0, 2: 0, 3: 0 }, type: { single: 0, multiple: 0, true_false: 0 },
})

function addTo(stats: TopicStats, q: Item) {
  stats.total++
  stats.difficulty[q.difficulty]++
  stats.type[q.type]++
}

function describe(raw: unknown): string {
  return raw && typeof raw === 'object' && 'id' in raw ? String(raw.id) : '(không có id)'
}

function checkShares(totals: TopicStats): string[] {
  if (totals.total === 0) return []
  const errors: string[] = []
  const pct = (n: number) => `${((100 * n) / totals.total).toFixed(1)}%`
  for (const d of [1, 2, 3] as const) {
    if (totals.difficulty[d] < MIN_DIFFICULTY_SHARE * totals.total) errors.push(`độ khó ${d} chỉ chiếm ${pct(totals.difficulty[d])} ngân hàng (tối thiểu 20%)`)
  }
  for (const [type, share] of Object.entries(MIN_TYPE_SHARE) as [QuestionType, number][]) {
    if (totals.type[type] < share * totals.total) errors.push(`loại ${type} chỉ chiếm ${pct(totals.type[type])} ngân hàng (tối thiểu ${share * 100}%)`)
  }
  return errors
}

function checkMinimums(stats: Map<string, TopicStats>, totals: TopicStats, limits: CheckLimits): string[] {
  const errors: string[] = []
  const groupCounts = new Map<string, number>()
  for (const t of limits.topics) {
    const n = stats.get(t.id)?.total ?? 0
    groupCounts.set(t.group, (groupCounts.get(t.group) ?? 0) + n)
    if (n < t.min) errors.push(`chủ đề ${t.id} có ${n} câu, tối thiểu ${t.min}`)
  }
  for (const [group, min] of Object.entries(limits.groups)) {
    const n = groupCounts.get(group) ?? 0
    if (n < min) errors.push(`nhóm chủ đề ${group} có ${n} câu, tối thiểu ${min}`)
  }
  if (totals.total < limits.bank) errors.push(`ngân hàng có ${totals.total} câu, tối thiểu ${limits.bank}`)
  return errors
}

// Pure: the script and the tests feed it raw file contents; limits are injectable so small banks can be checked.
export function checkBank(files: CheckInput, limits: CheckLimits = REAL_LIMITS): CheckResult {
  const errors: string[] = []
  const known = new Map(limits.topics.map((t) => [t.id, t]))
  const stats = new Map(limits.topics.map((t) => [t.id, emptyStats(t.id, t.name)]))
  const totals = emptyStats('total', 'Tổng')
  const ids = new Map<string, string>()
  const stems = new Map<string, string>()

  for (const { file, questions } of files) {
    const fileTopic = file.replace(/^.*[\\/]/, '').replace(/\.json$/, '')
    questions.forEach((raw, index) => {
      const where = `${file} #${index} (${describe(raw)})`
      const parsed = Structural.safeParse(raw)
      if (!parsed.success) {
        const full = BankQuestion.safeParse(raw).error ?? parsed.error
        for (const i of full.issues) errors.push(`${where}: lỗi schema ${i.path.join('.') || '(gốc)'}: ${i.message}`)
        return
      }
      const q = parsed.data
      const own = checkItem(q, raw)
      // Any refinement added to the schema later but not re-stated here still fails the check.
      if (own.length === 0 && !BankQuestion.safeParse(raw).success) own.push('lỗi schema BankQuestion')
      for (const e of own) errors.push(`${where}: ${e}`)
      if (ids.has(q.id)) errors.push(`${where}: mã câu hỏi trùng với ${ids.get(q.id)}`)
      else ids.set(q.id, where)
      const stem = normalizeForCompare(q.stem)
      if (stems.has(stem)) errors.push(`${where}: nội dung câu hỏi trùng với ${stems.get(stem)}`)
      else stems.set(stem, where)
      if (q.topic !== fileTopic) errors.push(`${where}: chủ đề ${q.topic} khác tên tệp ${fileTopic}`)
      if (!known.has(q.topic)) errors.push(`${where}: chủ đề ${q.topic} không có trong questions/topics.ts`)
      const topicStats = stats.get(q.topic) ?? emptyStats(q.topic, q.topic)
      stats.set(q.topic, topicStats)
      addTo(topicStats, q)
      addTo(totals, q)
    })
  }
  errors.push(...checkMinimums(stats, totals, limits), ...checkShares(totals))
  return { errors, stats: [...stats.values()], totals }
}
