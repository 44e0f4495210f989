import { mkdirSync, writeFileSync } from 'node:fs'
import { extractText, renderPageAsImage } from 'unpdf'
import type { Agent, TestApp } from './app'

// pdf.js renders with ArrayBuffer.prototype.transferToFixedLength (Node 21+); on Node 20 a copy does.
type Transferable = ArrayBuffer & { transferToFixedLength?: () => ArrayBuffer }
const proto = ArrayBuffer.prototype as Transferable
if (!proto.transferToFixedLength) {
  Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', { value(this: ArrayBuffer) { return this.slice(0) }, configurable: true, writable: true })
}

export type PdfResponse = { status: number; headers: Headers; bytes: Uint8Array; json: any }

// A GET through the app with the agent's session, keeping the body's bytes (the Agent reads text only).
export async function getPdf(t: TestApp, agent: Agent, path: string): Promise<PdfResponse> {
  const res = await t.app.request(path, { headers: agent.cookie ? { cookie: agent.cookie } : {} })
  const bytes = new Uint8Array(await res.arrayBuffer())
  const json = res.headers.get('content-type')?.includes('json') ? JSON.parse(new TextDecoder().decode(bytes)) : null
  return { status: res.status, headers: res.headers, bytes, json }
}

// The PDF's text as pdf.js reads it, pages joined, in NFC (pdf.js may hand back decomposed marks).
export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const { totalPages, text } = await extractText(new Uint8Array(bytes), { mergePages: true })
  return { pages: totalPages, text: text.normalize('NFC').replace(/\s+/g, ' ') }
}

// The first page rendered to test-artifacts/<name>.png, for a person to look at.
export async function renderFirstPage(bytes: Uint8Array, name: string): Promise<string> {
  const png = await renderPageAsImage(new Uint8Array(bytes), 1, { canvasImport: () => import('@napi-rs/canvas'), scale: 1.5 })
  mkdirSync('test-artifacts', { recursive: true })
  const path = `test-artifacts/${name}.png`
  writeFileSync(path, Buffer.from(png))
  return path
}

// How much of a rendered page is ink (not white), so a page that failed to render does not pass unseen.
export async function inkShare(path: string): Promise<number> {
  const { loadImage, createCanvas } = await import('@napi-rs/canvas')
  const img = await loadImage(path)
  const ctx = createCanvas(img.width, img.height).getContext('2d')
  ctx.drawImage(img, 0, 0)
  const data = ctx.getImageData(0, 0, img.width, img.height).data
  let ink = 0
  for (let i = 0; i < data.length; i += 4) if (data[i] < 200) ink++
  return ink / (data.length / 4)
}
