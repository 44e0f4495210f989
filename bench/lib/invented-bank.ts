import type { BankQuestion } from '../../questions/schema'

// Invented questions for import measurements (never content anyone is judged on).
export function invented(i: number): BankQuestion {
  const type = i % 10 === 0 ? 'true_false' : i % 5 === 0 ? 'multiple' : 'single'
  const options = type === 'true_false' ? [{ key: 'A', text: 'Đúng' }, { key: 'B', text: 'Sai' }]
    : ['A', 'B', 'C', 'D'].map((key, k) => ({ key, text: `Phương án ${key} của câu tự sinh ${i}: nội dung thử nghiệm số ${(i * 7 + k) % 1000}` }))
  return {
    id: `bench-${String(i).padStart(6, '0')}`, topic: `chu-de-${i % 25}`, tags: ['tự sinh', `nhóm ${i % 7}`], difficulty: ((i % 3) + 1) as 1 | 2 | 3, type,
    stem: `Câu hỏi tự sinh số ${i} để đo thời gian nhập: theo tài liệu thử nghiệm, điều nào đúng với mục ${i % 97}?`,
    options, correct: type === 'multiple' ? ['A', 'C'] : [i % 2 === 0 ? 'A' : 'B'],
    explanation: `Giải thích tự sinh cho câu ${i}, chỉ dùng để đo hiệu năng.`, source: { document: 'Tài liệu tự sinh', section: `Mục ${i % 97}` }, status: 'published',
  }
}
