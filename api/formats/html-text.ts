// HTML from Moodle becomes plain text: the engine stores and shows text only (API.md).
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', middot: '·', bull: '•',
  copy: '©', reg: '®', deg: '°', euro: '€', shy: '', ensp: ' ', emsp: ' ', thinsp: ' ', zwj: '', zwnj: '',
}
// Latin-1 letters (old editors wrote Vietnamese vowels such as &agrave; this way).
const LATIN1 = 'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig'
LATIN1.split(' ').forEach((name, i) => {
  NAMED[name] = String.fromCodePoint(0xc0 + i)
  const lower = name === 'times' ? 'divide' : name === 'szlig' ? 'yuml' : name.toLowerCase()
  NAMED[lower] = String.fromCodePoint(0xe0 + i)
})

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return NAMED[body] ?? NAMED[body.toLowerCase()] ?? whole
  })
}

// Embedded media, files behind @@PLUGINFILE@@, markdown images, and links to media files (a question
// such as "Listen to this greeting" is unusable without them, so the organizer must hear of it).
const MEDIA = /<(img|video|audio|object|embed|iframe|svg)\b|@@PLUGINFILE@@|!\[[^\]]*\]\([^)]*\)|href\s*=\s*["'][^"']*\.(mp3|m4a|wav|ogg|mp4|webm|mov|avi|png|jpe?g|gif|webp|svg|pdf)["'?#]/i
export const hasMedia = (text: string): boolean => MEDIA.test(text)

const BLOCK = /<\/?(p|div|li|ul|ol|tr|table|h[1-6]|blockquote|pre|section|article|header|footer)\b[^>]*>/gi

export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/\s+/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(BLOCK, '\n')
    .replace(/<\/?[a-z][^>]*>/gi, '')
  return tidyLines(decodeEntities(text))
}

// Drops images and embedded-file links from text that is not HTML (GIFT [plain], [markdown], [moodle]).
export function dropMedia(text: string): string {
  return text
    .replace(/<(img|video|audio|object|embed|iframe)\b[^>]*>/gi, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/@@PLUGINFILE@@\/\S*/g, '')
}

export function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
