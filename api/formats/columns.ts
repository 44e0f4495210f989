import { foldText } from '../lib/text'

// The CSV/XLSX column layout (docs/import-format.md). Exports and the template write the Vietnamese
// headers (EXPORT_HEADER); imports also read these English names, which files from older versions carry.
export const COLUMNS = [
  'id', 'topic', 'type', 'difficulty', 'stem', 'A', 'B', 'C', 'D', 'E', 'F', 'correct', 'explanation',
  'source_document', 'source_section', 'source_url', 'tags', 'group', 'weight', 'status', 'pinned',
] as const
export type Column = (typeof COLUMNS)[number]

// The template's Vietnamese headers; each is also an accepted alias.
export const VI_HEADERS: Record<Column, string> = {
  id: 'Mã', topic: 'Chủ đề', type: 'Loại', difficulty: 'Độ khó', stem: 'Câu hỏi', A: 'A', B: 'B', C: 'C', D: 'D', E: 'E', F: 'F',
  correct: 'Đáp án đúng', explanation: 'Giải thích', source_document: 'Nguồn', source_section: 'Mục', source_url: 'Đường dẫn',
  tags: 'Thẻ', group: 'Nhóm', weight: 'Trọng số', status: 'Trạng thái', pinned: 'Cố định',
}

export const EXPORT_HEADER: readonly string[] = COLUMNS.map((col) => VI_HEADERS[col])

// The words exports write for codes (the first Vietnamese word of each table below reads back).
export const TYPE_TEXT = { single: 'Một đáp án', multiple: 'Nhiều đáp án', true_false: 'Đúng/Sai' } as const
export const STATUS_TEXT = { draft: 'Nháp', published: 'Đã xuất bản', retired: 'Ngừng dùng' } as const

const optionAliases = (k: string) => [k, `option ${k}`, `phương án ${k}`, `lựa chọn ${k}`, `đáp án ${k}`]
const ALIASES: Record<Column, string[]> = {
  id: ['mã', 'mã câu hỏi', 'mã câu'],
  topic: ['chủ đề'],
  type: ['loại', 'loại câu hỏi', 'dạng', 'dạng câu hỏi'],
  difficulty: ['độ khó', 'mức độ', 'mức độ khó'],
  stem: ['question', 'câu hỏi', 'nội dung', 'nội dung câu hỏi'],
  A: optionAliases('a'), B: optionAliases('b'), C: optionAliases('c'), D: optionAliases('d'), E: optionAliases('e'), F: optionAliases('f'),
  correct: ['answer', 'key', 'đáp án', 'đáp án đúng'],
  explanation: ['giải thích'],
  source_document: ['source', 'document', 'nguồn', 'tài liệu', 'nguồn tài liệu', 'văn bản'],
  source_section: ['section', 'mục', 'mục nguồn', 'điều mục', 'chương mục'],
  source_url: ['url', 'link', 'đường dẫn', 'liên kết'],
  tags: ['tag', 'thẻ', 'nhãn'],
  group: ['nhóm', 'nhóm biến thể'],
  weight: ['trọng số', 'hệ số'],
  status: ['trạng thái'],
  pinned: ['cố định', 'ghim', 'phương án cố định'],
}

// Headers compare without case, diacritics, underscores or a trailing "*" / ":".
export const headerKey = (cell: string): string =>
  foldText(cell).replace(/[_\-]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/\s*[*:]$/, '')

const BY_KEY = new Map<string, Column>()
for (const col of COLUMNS) for (const name of [col, ...ALIASES[col]]) BY_KEY.set(headerKey(name), col)

export const columnOf = (cell: string): Column | undefined => BY_KEY.get(headerKey(cell))

// Cell words for type, difficulty and status, compared the same way as headers ("/" counts as a space).
type Words<T> = [T, string[]][]
export const TYPE_WORDS: Words<'single' | 'multiple' | 'true_false'> = [
  ['single', ['single', 'một đáp án', 'một lựa chọn']],
  ['multiple', ['multiple', 'nhiều đáp án', 'nhiều lựa chọn']],
  ['true_false', ['true_false', 'đúng sai', 'true false']],
]
export const STATUS_WORDS: Words<'draft' | 'published' | 'retired'> = [
  ['draft', ['draft', 'nháp', 'bản nháp']],
  ['published', ['published', 'đã xuất bản', 'xuất bản', 'công bố', 'đã công bố']],
  ['retired', ['retired', 'ngừng dùng', 'đã ngừng', 'lưu trữ']],
]
export const DIFFICULTY_WORDS: Words<1 | 2 | 3> = [[1, ['1', 'dễ']], [2, ['2', 'trung bình']], [3, ['3', 'khó']]]

export function wordValue<T>(table: Words<T>, cell: string): T | undefined {
  const key = headerKey(cell.replace(/\//g, ' '))
  return table.find(([, words]) => words.some((w) => headerKey(w) === key))?.[0]
}
