import { BankQuestion } from '../../questions/schema'

// About thirty varied questions: every type, optional fields present and absent, and text that is
// hard for CSV, XLSX and GIFT (commas, quotes, line breaks, semicolons, GIFT control characters).
const base = (i: number): BankQuestion => ({
  id: `mau-${String(i).padStart(3, '0')}`,
  topic: i % 3 === 0 ? 'dai-hoi-13' : i % 3 === 1 ? 'van-kien-xiii' : 'ky-niem-2020',
  difficulty: ((i % 3) + 1) as 1 | 2 | 3,
  type: 'single',
  stem: `Câu hỏi số ${i}: Đại hội nào của Đảng được nhắc tới trong câu này?`,
  options: [
    { key: 'A', text: `Đại hội ${i} – phương án A` },
    { key: 'B', text: `Đại hội ${i} – phương án B` },
    { key: 'C', text: `Đại hội ${i} – phương án C` },
    { key: 'D', text: `Đại hội ${i} – phương án D` },
  ],
  correct: ['A'],
  explanation: `Giải thích cho câu ${i}.`,
  source: { document: 'Văn kiện Đại hội đại biểu toàn quốc lần thứ XIII' },
})

const variants: ((q: BankQuestion) => BankQuestion)[] = [
  (q) => q,
  (q) => ({ ...q, type: 'multiple', correct: ['A', 'C'] }),
  (q) => ({ ...q, type: 'true_false', options: [{ key: 'A', text: 'Đúng' }, { key: 'B', text: 'Sai' }], correct: ['B'] }),
  (q) => ({ ...q, stem: 'Câu có dấu phẩy, "ngoặc kép", dấu chấm phẩy; và\nxuống dòng\r\nkiểu Windows?'.replace('\r\n', '\n') }),
  (q) => ({ ...q, options: [...q.options.slice(0, 3), { key: 'D', text: 'Tất cả các phương án trên', pinned: true }] }),
  (q) => ({ ...q, tags: ['Đại hội XIII', 'nhân sự', 'tag, có phẩy'] }),
  (q) => ({ ...q, group: 'nhom-bien-the-1', weight: 1.5 }),
  (q) => ({ ...q, status: 'draft' }),
  (q) => ({ ...q, status: 'published', weight: 2 }),
  (q) => ({ ...q, status: 'retired' }),
  (q) => ({ ...q, source: { document: 'Nghị quyết Đại hội XIII', section: 'Mục VI', url: 'https://example.vn/nghi-quyet?muc=6&x=1' } }),
  (q) => ({ ...q, explanation: '' }),
  (q) => ({ ...q, source: { document: '' } }),
  (q) => ({ ...q, options: q.options.slice(0, 2) }),
  (q) => ({
    ...q,
    options: ['A', 'B', 'C', 'D', 'E', 'F'].map((key) => ({ key, text: `Lựa chọn ${key}` })),
    type: 'multiple', correct: ['B', 'D', 'F'],
  }),
  (q) => ({ ...q, stem: 'Ký tự GIFT: ~ = # { } : \\ và [html] giữ nguyên?', options: [{ key: 'A', text: '=2+3' }, { key: 'B', text: '~ngã' }, { key: 'C', text: '%50% một nửa' }, { key: 'D', text: '[html]<b>' }] }),
  (q) => ({ ...q, stem: '  Khoảng trắng đầu cuối được cắt  ', explanation: 'Giải thích\n\nnhiều đoạn.' }),
  (q) => ({ ...q, id: q.id.replace('mau-', 'ma:co.dau_gach-'), weight: 0.25 }),
  (q) => ({ ...q, options: [{ key: 'A', text: '2021' }, { key: 'B', text: '0,5' }, { key: 'C', text: '1.000' }, { key: 'D', text: '-1' }] }),
  (q) => ({ ...q, type: 'multiple', correct: ['D'], tags: ['một'] }),
  (q) => ({ ...q, type: 'true_false', options: [{ key: 'A', text: 'Đúng' }, { key: 'B', text: 'Sai' }], correct: ['A'], explanation: 'Đúng vậy; "trích dẫn".' }),
  (q) => ({ ...q, options: q.options.map((o) => ({ ...o, pinned: true as const })) }),
]

export function sampleBank(count = 30): BankQuestion[] {
  const out: BankQuestion[] = []
  for (let i = 0; out.length < count; i++) out.push(BankQuestion.parse(variants[i % variants.length](base(i + 1))))
  return out
}
