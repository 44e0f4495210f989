import { customAlphabet } from 'nanoid'

// Public ids: URL-safe, unambiguous, short enough to read over the phone.
const alphabet = '0123456789abcdefghijkmnopqrstuvwxyz'
export const newId = customAlphabet(alphabet, 14)
