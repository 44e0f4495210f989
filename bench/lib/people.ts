// Invented people: common Vietnamese name parts combined at random, numbers from a test range.
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý']
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Ngọc', 'Quốc', 'Xuân', 'Thu', 'Hồng', 'Kim', 'Anh', 'Bảo']
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh',
  'Long', 'Mai', 'Nam', 'Nga', 'Ngân', 'Phong', 'Phúc', 'Quân', 'Quỳnh', 'Sơn', 'Tâm', 'Thảo', 'Thắng', 'Trang', 'Trung', 'Tú', 'Tuấn', 'Vy', 'Yến']

const pick = <T>(xs: T[], r: () => number) => xs[Math.floor(r() * xs.length)]

export function personName(r: () => number = Math.random): string {
  return `${pick(FAMILY, r)} ${pick(MIDDLE, r)} ${pick(GIVEN, r)}`
}

export function birthDate(r: () => number = Math.random): string {
  const y = 1955 + Math.floor(r() * 50)
  const m = 1 + Math.floor(r() * 12)
  const d = 1 + Math.floor(r() * 28)
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

// '09' + 8 digits: a valid mobile form; `block` keeps the API-registered and bulk ranges apart.
export const phoneOf = (i: number, block = 0) => `09${String(block * 10_000_000 + i).padStart(8, '0')}`

// mulberry32, so a run's bulk data is reproducible.
export function seeded(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// A unit tree of `total` units: one bloc, `mids` party committees, the rest branches with headcounts.
export function unitTree(total: number, mids: number, r: () => number) {
  const units: { code: string; name: string; parentCode?: string; headcount?: number }[] = [{ code: 'KHOI', name: 'Đảng bộ Khối (minh họa)' }]
  for (let m = 1; m <= mids; m++) units.push({ code: `DB-${m}`, name: `Đảng bộ cơ sở số ${m} (minh họa)`, parentCode: 'KHOI' })
  for (let b = 1; units.length < total; b++) {
    const mid = 1 + ((b - 1) % mids)
    units.push({ code: `CB-${mid}-${b}`, name: `Chi bộ ${b} thuộc Đảng bộ số ${mid}`, parentCode: `DB-${mid}`, headcount: 200 + Math.floor(r() * 800) })
  }
  return units
}
