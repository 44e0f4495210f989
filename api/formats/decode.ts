// Text formats must be UTF-8; a BOM is allowed and removed.
export const NOT_UTF8 = 'Tệp không phải UTF-8. Hãy lưu lại tệp với mã hóa UTF-8 rồi nhập lại.'

export function decodeUtf8(body: Uint8Array): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body)
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  } catch {
    return null
  }
}

export const splitLines = (text: string): string[] => text.split(/\r\n|\r|\n/)
