// The shipped bank's topics, their Vietnamese names and the minimum count the bank check enforces.
export type TopicInfo = { id: string; name: string; min: number; group: 'congress' | 'documents' | 'anniversaries' }

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII']
const CONGRESS_YEARS = [1935, 1951, 1960, 1976, 1982, 1986, 1991, 1996, 2001, 2006, 2011, 2016, 2021]

export const TOPICS: TopicInfo[] = [
  ...ROMAN.map((r, i) => ({
    id: `dai-hoi-${String(i + 1).padStart(2, '0')}`,
    name: `Đại hội ${r} (${CONGRESS_YEARS[i]})`,
    min: 15,
    group: 'congress' as const,
  })),
  { id: 'van-kien-xiii', name: 'Văn kiện Đại hội XIII', min: 200, group: 'documents' },
  { id: 'ky-niem-2020', name: 'Các ngày kỷ niệm năm 2020 và đại hội đảng bộ các cấp', min: 60, group: 'anniversaries' },
]

export const GROUP_MINIMUMS = { congress: 300, documents: 200, anniversaries: 60 } as const
export const BANK_MINIMUM = 600
