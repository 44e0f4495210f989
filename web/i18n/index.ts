import { createSignal } from 'solid-js'
import { en } from './en'
import { vi, type MessageKey } from './vi'

export type Lang = 'vi' | 'en'
const KEY = 'hoithi:lang'

function initial(): Lang {
  try { return localStorage.getItem(KEY) === 'en' ? 'en' : 'vi' } catch { return 'vi' }
}

const [lang, setLangSignal] = createSignal<Lang>(initial())
export { lang }

export function setLang(next: Lang) {
  setLangSignal(next)
  try { localStorage.setItem(KEY, next) } catch { /* private mode */ }
  document.documentElement.lang = next
}

// Reactive: reading t() inside JSX re-renders when the language changes.
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = (lang() === 'en' ? en : vi)[key] ?? key
  return params ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : text
}
export type { MessageKey }
