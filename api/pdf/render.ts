import { runWorkerTask } from '../lib/worker-task'
import type { CertificateJob } from './certificate-pdf'
import type { UnitsReport } from './units-pdf'
import type { PrintSettings, WinnersList } from './winners-pdf'

export type PdfJob =
  | { kind: 'winners'; list: WinnersList; settings: PrintSettings }
  | { kind: 'units'; report: UnitsReport; settings: PrintSettings }
  | { kind: 'certificate'; certificate: CertificateJob; settings: PrintSettings }

// Documents are drawn in a worker thread: laying out a list of 2,000 winners takes a couple of seconds of
// CPU (measured 2.3 s), which on the server's thread would hold every other request for that long.
const WORKER = new URL(import.meta.url.endsWith('.ts') ? './pdf-worker.ts' : './pdf-worker.js', import.meta.url)

export async function renderPdf(job: PdfJob): Promise<Uint8Array> {
  const { bytes } = await runWorkerTask<{ bytes: Uint8Array }>(WORKER, job, { maxHeapMb: 256, tooLarge: 'Tài liệu quá lớn để in.' })
  return bytes
}
