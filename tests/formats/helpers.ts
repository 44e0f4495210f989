import { readFileSync } from 'node:fs'
import { parseImport, type ImportFormat } from '../../api/formats/index'

export const fixture = (name: string): Uint8Array => readFileSync(new URL(`../fixtures/formats/${name}`, import.meta.url))
export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
export const parseText = (format: ImportFormat, text: string) => parseImport(format, utf8(text))
export const messages = (issues: { message: string }[]) => issues.map((i) => i.message)
