import { describe, expect, it } from 'vitest'
import { checkBank, countSentences, type CheckLimits } from '../../questions/check'

const LIMITS: CheckLimits = {
  topics: [
    { id: 'dai-hoi-01', name: 'Đại hội I', min: 5, group: 'congress' },
    { id: 'ky-niem-2020', name: 'Kỷ niệm', min: 5, group: 'anniversaries' },
  ],
  groups: { congress: 5, anniversaries: 5 },
  bank: 10,
}

type Q = Record<string, unknown>
const TF = [{ key: 'A', text: 'Đúng' }, { key: 'B', text: 'Sai' }]
const base = (topic: string, n: number): Q => ({
  id: `${topic}-${n}`,
  topic,
  difficulty: ((n % 3) + 1) as 1 | 2 | 3,
  type: 'single',
  stem: `Câu hỏi số ${n} của chủ đề ${topic} là gì?`,
  options: [{ key: 'A', text: `Năm 19${n}0` }, { key: 'B', text: `Năm 19${n}1` }, { key: 'C', text: `Năm 19${n}2` }],
  correct: ['A'],
  explanation: 'Sự kiện diễn ra vào năm đó. Nguồn ghi rõ.',
  source: { document: 'Bài viết trên Báo điện tử Chính phủ', url: 'https://baochinhphu.vn/bai-viet-102.htm' },
  status: 'published',
})

// Five questions per topic: difficulties 1..3 and at least one true_false and one multiple each.
function topicFile(topic: string) {
  const qs = [0, 1, 2, 3, 4].map((n) => base(topic, n))
  qs[3] = { ...qs[3], type: 'true_false', stem: `Nhận định số 3 về ${topic} là đúng.`, options: TF, correct: ['B'] }
  qs[4] = { ...qs[4], type: 'multiple', stem: `Những năm nào của chủ đề ${topic} (chọn nhiều đáp án)?`, correct: ['A', 'C'] }
  return { file: `${topic}.json`, questions: qs }
}
const cleanBank = () => [topicFile('dai-hoi-01'), topicFile('ky-niem-2020')]

// Applies a change to the first question of the first file and returns the errors.
function errorsWith(change: (q: Q) => unknown): string[] {
  const bank: { file: string; questions: unknown[] }[] = cleanBank()
  bank[0].questions[0] = change(bank[0].questions[0] as Q)
  return checkBank(bank, LIMITS).errors
}
const hasError = (errors: string[], text: string) => expect(errors.some((e) => e.includes(text)), errors.join('\n')).toBe(true)

describe('checkBank', () => {
  it('accepts a clean bank and counts it by topic, difficulty and type', () => {
    const { errors, stats, totals } = checkBank(cleanBank(), LIMITS)
    expect(errors).toEqual([])
    expect(stats.map((s) => s.total)).toEqual([5, 5])
    expect(totals).toMatchObject({ total: 10, difficulty: { 1: 4, 2: 4, 3: 2 }, type: { single: 6, multiple: 2, true_false: 2 } })
  })

  it('reports schema errors without throwing', () => {
    hasError(errorsWith((q) => ({ ...q, difficulty: 4 })), 'lỗi schema difficulty')
    hasError(errorsWith(() => 'not an object'), 'lỗi schema')
  })

  it('fails duplicate ids', () => hasError(errorsWith((q) => ({ ...q, id: 'dai-hoi-01-1' })), 'mã câu hỏi trùng'))

  it('fails identical and near-identical stems anywhere, even within a variant group', () => {
    hasError(errorsWith((q) => ({ ...q, stem: 'câu hỏi số 1 của chủ đề dai-hoi-01, là gì' })), 'nội dung câu hỏi trùng')
    const bank = cleanBank()
    bank[1].questions[0] = { ...bank[1].questions[0], stem: bank[0].questions[1].stem, group: 'g' }
    bank[0].questions[1] = { ...bank[0].questions[1], group: 'g' }
    hasError(checkBank(bank, LIMITS).errors, 'nội dung câu hỏi trùng')
  })

  it('fails duplicate options after normalization', () => {
    hasError(errorsWith((q) => ({ ...q, options: [{ key: 'A', text: 'Hà Nội' }, { key: 'B', text: 'hà  nội.' }] })), 'trùng nội dung')
  })

  it('fails a key that names no option', () => hasError(errorsWith((q) => ({ ...q, correct: ['E'] })), 'đáp án E không có'))

  it('fails single and true_false questions without exactly one key', () => {
    hasError(errorsWith((q) => ({ ...q, correct: ['A', 'B'] })), 'phải có đúng một đáp án')
    hasError(errorsWith((q) => ({ ...q, type: 'true_false', options: TF, correct: ['A', 'B'] })), 'phải có đúng một đáp án')
  })

  it('fails a missing source document or explanation', () => {
    hasError(errorsWith((q) => ({ ...q, source: { document: ' ' } })), 'thiếu source.document')
    hasError(errorsWith((q) => ({ ...q, explanation: '' })), 'thiếu explanation')
  })

  it('fails a source on a refused kind of host, whatever its spelling', () => {
    const citing = (url: string) => errorsWith((q) => ({ ...q, source: { document: 'Bài viết', url } }))
    hasError(citing('https://en.vietnamplus.vn/a.html'), 'trang tiếng Anh')
    hasError(citing('https://dev5.voh.com.vn/a'), 'máy chủ thử nghiệm')
    hasError(citing('https://www.scribd.com/document/1'), 'chia sẻ tài liệu')
    hasError(citing('https://hocdot.com/q1.htm'), 'giải bài tập')
    hasError(citing('https://WWW.BAOMOI.COM/a.epi'), 'tổng hợp tin')
    hasError(citing('https://vi.wikipedia.org/wiki/A'), 'Wikipedia')
    hasError(citing('https://dongnai.vncgarden.com/a'), 'blog, trang bán hàng')
    hasError(citing('javascript:alert(1)'), 'không phải http(s)')
    hasError(citing('không phải địa chỉ'), 'source.url')
    // Lookalikes of refused hosts are not refused: only the host and its subdomains are.
    expect(citing('https://nhandan.vn/baomoi.com-la-gi')).toEqual([])
    expect(citing('https://dangcongsan.vn/a.html')).toEqual([])
    expect(citing('https://vietnamplus.vn/a.html')).toEqual([])
  })

  it('fails a source with no address unless it names a publisher or an official document with issuer and year', () => {
    const unaddressed = (document: string) => errorsWith((q) => ({ ...q, source: { document, section: 'tr. 12' } }))
    hasError(unaddressed('Lịch sử Đảng Cộng sản Việt Nam'), 'nguồn không có địa chỉ')
    hasError(unaddressed('Kế hoạch tuyên truyền đại hội đảng bộ các cấp'), 'nguồn không có địa chỉ')
    hasError(unaddressed('Sách Lịch sử Đảng, Nxb. Chính trị quốc gia'), 'nguồn không có địa chỉ')
    expect(unaddressed('Văn kiện Đại hội đại biểu toàn quốc lần thứ XIII, tập I, Nxb. Chính trị quốc gia Sự thật, Hà Nội, 2021')).toEqual([])
    expect(unaddressed('Kế hoạch tuyên truyền đại hội đảng bộ các cấp (Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Thái Nguyên, 2019)')).toEqual([])
  })

  it('fails an explanation of more than three sentences, but not three', () => {
    hasError(errorsWith((q) => ({ ...q, explanation: 'Một. Hai! Ba? Bốn.' })), 'explanation quá 3 câu')
    expect(errorsWith((q) => ({ ...q, explanation: 'Một. Hai! Ba?' }))).toEqual([])
  })

  it('fails text that is not NFC', () => {
    hasError(errorsWith((q) => ({ ...q, stem: 'Đại hội nào?'.normalize('NFD') })), 'Unicode NFC: stem')
  })

  it('fails unpinned "all of the above" options and accepts a pinned last one', () => {
    const all = (pinned: boolean) => (q: Q) => ({ ...q, options: [...(q.options as Q[]), { key: 'D', text: 'Tất cả các phương án trên', ...(pinned ? { pinned: true } : {}) }] })
    hasError(errorsWith(all(false)), 'phải có pinned')
    hasError(errorsWith((q) => ({ ...q, options: [{ key: 'A', text: 'Cả A và B' }, { key: 'B', text: 'Năm 1930' }] })), 'phải có pinned')
    expect(errorsWith(all(true))).toEqual([])
  })

  it('fails a weight other than 1 and a status other than published', () => {
    hasError(errorsWith((q) => ({ ...q, weight: 2 })), 'weight phải là 1')
    hasError(errorsWith((q) => ({ ...q, status: 'draft' })), 'status phải là published')
    expect(errorsWith((q) => ({ ...q, weight: 1 }))).toEqual([])
  })

  it('fails a question whose topic differs from its file name, and unknown topics', () => {
    hasError(errorsWith((q) => ({ ...q, topic: 'ky-niem-2020' })), 'khác tên tệp')
    hasError(errorsWith((q) => ({ ...q, topic: 'khong-co' })), 'không có trong questions/topics.ts')
  })

  it('fails topic, group and bank minimums', () => {
    const errors = checkBank(cleanBank(), { ...LIMITS, topics: LIMITS.topics.map((t) => ({ ...t, min: 6 })), groups: { congress: 6 }, bank: 11 }).errors
    hasError(errors, 'chủ đề dai-hoi-01 có 5 câu, tối thiểu 6')
    hasError(errors, 'nhóm chủ đề congress có 5 câu, tối thiểu 6')
    hasError(errors, 'ngân hàng có 10 câu, tối thiểu 11')
  })

  it('fails a difficulty level under 20% of the bank', () => {
    const bank = cleanBank()
    bank[0].questions[2] = { ...bank[0].questions[2], difficulty: 1 }
    hasError(checkBank(bank, LIMITS).errors, 'độ khó 3 chỉ chiếm 10.0%')
  })

  it('fails true_false under 10% and multiple under 5% of the bank', () => {
    const bank = cleanBank()
    for (const f of bank) f.questions = f.questions.map((q) => ({ ...q, type: 'single', options: base('x', 1).options, correct: ['A'] }))
    const errors = checkBank(bank, LIMITS).errors
    hasError(errors, 'loại true_false chỉ chiếm 0.0%')
    hasError(errors, 'loại multiple chỉ chiếm 0.0%')
  })

  it('fails true_false questions whose options are not A "Đúng", B "Sai"', () => {
    hasError(errorsWith((q) => ({ ...q, type: 'true_false', options: [{ key: 'A', text: 'Sai' }, { key: 'B', text: 'Đúng' }] })), 'true_false phải có đúng hai phương án')
  })
})

describe('countSentences', () => {
  it('does not end a sentence at common abbreviations or initials', () => {
    expect(countSentences('Đại hội họp tại TP. Hồ Chí Minh. Đồng chí Nguyễn V. Linh phát biểu.')).toBe(2)
    expect(countSentences('Không có dấu chấm cuối')).toBe(1)
  })
})
