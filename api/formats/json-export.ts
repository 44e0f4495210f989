import type { BankQuestion } from '../../questions/schema'

// The bank format itself, one question per element, as questions/ files are written.
export const writeJson = (questions: BankQuestion[]): Uint8Array => new TextEncoder().encode(JSON.stringify(questions, null, 2) + '\n')
