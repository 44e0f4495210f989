// What a bank question may cite. Judges of a Party-history contest accept the Party's and the state's own
// texts and the mainstream Vietnamese press; they refuse copies, summaries and translations of them.

type Refusal = { kind: string; matches: (host: string) => boolean }

const onDomain = (domains: string[]) => (host: string) => domains.some((d) => host === d || host.endsWith(`.${d}`))

// Kinds of host whose pages are not a source, whatever they say. A host is compared without "www.".
export const REFUSED_HOSTS: Refusal[] = [
  { kind: 'trang tiếng Anh', matches: (h) => /^(en|english|eng)\./.test(h) },
  { kind: 'máy chủ thử nghiệm', matches: (h) => /^(dev\d*|staging|test|beta|demo)\./.test(h) },
  {
    kind: 'trang chia sẻ tài liệu',
    matches: onDomain(['scribd.com', '123docz.net', '123doc.net', 'tailieu.vn', 'luanvan.net.vn', 'studocu.com',
      'issuu.com', 'slideshare.net', 'academia.edu', 'doc.edu.vn', 'xemtailieu.net', 'xemtailieu.com']),
  },
  {
    kind: 'trang giải bài tập, hỏi đáp',
    matches: onDomain(['hocdot.com', 'hoc24.vn', 'zaidap.com', 'loigiaihay.com', 'vietjack.com', 'hoidap247.com',
      'lazi.vn', 'vungoi.vn', 'tuyensinh247.com', 'hocmai.vn', 'moon.vn']),
  },
  { kind: 'trang tổng hợp tin', matches: onDomain(['baomoi.com', 'baomoi.net.vn', 'xaluan.com', 'docbao.vn', 'tinmoi.vn']) },
  { kind: 'Wikipedia và bản sao', matches: onDomain(['wikipedia.org', 'wikiwand.com', 'defzone.net', 'pinocchiopedia.com']) },
  {
    kind: 'blog, trang bán hàng',
    matches: onDomain(['blogspot.com', 'wordpress.com', 'vietmaz.com', '360vn.net', 'thinhvuongvietnam.com',
      'vncgarden.com', 'talkvietnam.org', 'thuvienlichsu.com', 'maxreading.com', 'cungbandocsach.com', 'tennguoidepnhat.net']),
  },
]

// A printed book names its publisher; an unpublished official document names its kind, issuer and year.
const PUBLISHER = /(^|[\s(,;])(Nxb\.|Nhà xuất bản)\s*\S/
const OFFICIAL_KIND = /^(Kế hoạch|Nghị quyết|Chỉ thị|Quyết định|Kết luận|Hướng dẫn|Thông báo|Báo cáo|Văn kiện|Điều lệ|Cương lĩnh|Hiến pháp|Luật|Công văn|Thông tri)\b/u
const YEAR = /\b(19|20)\d\d\b/

export type SourceInput = { document: string; section?: string; url?: string }

export function sourceProblem(source: SourceInput): string | null {
  if (source.url) {
    let host: string
    try {
      const url = new URL(source.url)
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return `địa chỉ nguồn không phải http(s): ${source.url}`
      host = url.hostname.toLowerCase().replace(/^www\./, '')
    } catch {
      return `địa chỉ nguồn không hợp lệ: ${source.url}`
    }
    const refusal = REFUSED_HOSTS.find((r) => r.matches(host))
    return refusal ? `nguồn ${host} thuộc loại không được dẫn (${refusal.kind})` : null
  }
  const document = source.document.trim()
  if (PUBLISHER.test(document) && YEAR.test(document)) return null
  if (OFFICIAL_KIND.test(document) && YEAR.test(document) && /\(.+\)/.test(document)) return null
  return 'nguồn không có địa chỉ, không nêu nhà xuất bản và năm, cũng không phải văn bản chính thức ghi rõ cơ quan ban hành và năm'
}
