import { runWorkerTask } from '../lib/worker-task'
import type { ImportFormat, ParseResult } from './types'
import type { UnitsParse } from './units-import'

export type ParseJob = { task: 'questions'; format: ImportFormat; body: Uint8Array } | { task: 'units'; format: 'csv' | 'xlsx'; body: Uint8Array }

// Import files are parsed in a worker thread: parsing a 20,000-question workbook takes seconds of CPU,
// which would otherwise stop every other request (an answer saved meanwhile could miss its deadline).
// The worker's heap is capped, so no file can take the server's memory.
export const PARSE_HEAP_MB = 768
const WORKER = new URL(import.meta.url.endsWith('.ts') ? './parse-worker.ts' : './parse-worker.js', import.meta.url)
const TOO_LARGE = `Tệp nhập vượt giới hạn: cần hơn ${PARSE_HEAP_MB} MB bộ nhớ để đọc. Hãy chia thành nhiều tệp nhỏ hơn.`

export function parseImportOffThread(format: ImportFormat, body: Uint8Array): Promise<ParseResult> {
  return runWorkerTask<ParseResult>(WORKER, { task: 'questions', format, body } satisfies ParseJob, { maxHeapMb: PARSE_HEAP_MB, tooLarge: TOO_LARGE, parts: 'questions' })
}

export function parseUnitsOffThread(format: 'csv' | 'xlsx', body: Uint8Array): Promise<UnitsParse> {
  return runWorkerTask<UnitsParse>(WORKER, { task: 'units', format, body } satisfies ParseJob, { maxHeapMb: PARSE_HEAP_MB, tooLarge: TOO_LARGE, parts: 'units' })
}
