import { foldText } from './text'

// A readable ASCII id from Vietnamese text ("Lịch sử Đảng bộ tỉnh" → "lich-su-dang-bo-tinh").
export function slugify(text: string, fallback: string): string {
  const base = foldText(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '')
  return base || fallback
}
