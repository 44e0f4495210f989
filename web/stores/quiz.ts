import { createContext, createSignal, onCleanup, useContext } from 'solid-js'
import { createStore } from 'solid-js/store'
import type { Attempt, AttemptItem } from '../../api/schemas/wire'
import { sendAnswer } from '../api/attempts'
import { AnswerQueue, type SaveState } from './answer-queue'

const posKey = (id: string) => `hoithi:position:${id}`
const predictionKey = (id: string) => `hoithi:prediction:${id}`

function readLocal(key: string): string | null {
  try { return localStorage.getItem(key) } catch { return null }
}
function writeLocal(key: string, value: string | null) {
  try { value == null ? localStorage.removeItem(key) : localStorage.setItem(key, value) } catch { /* blocked storage */ }
}

// The quiz in progress: choices (server's merged with the local queue), where the participant is,
// the prediction they typed, and how each save is doing. Lives as long as the attempt page.
export function createQuiz(attempt: Attempt, onClosed: () => void) {
  const [version, setVersion] = createSignal(0)
  const queue = new AnswerQueue({
    attemptId: attempt.id,
    send: (p, c) => sendAnswer(attempt.id, p, c),
    onChange: () => setVersion((v) => v + 1),
    onClosed,
  })
  const merged = queue.merge(new Map(attempt.items.map((i) => [i.position, i.choice])))
  const [choices, setChoices] = createStore<Record<number, string[]>>(Object.fromEntries(merged))
  const savedPos = Number(readLocal(posKey(attempt.id)))
  const [position, setPositionRaw] = createSignal(savedPos >= 1 && savedPos <= attempt.items.length + 1 ? savedPos : 1)
  const [prediction, setPredictionRaw] = createSignal(readLocal(predictionKey(attempt.id)) ?? '')
  const [online, setOnline] = createSignal(typeof navigator === 'undefined' ? true : navigator.onLine)
  const [submitSignedOut, setSubmitSignedOut] = createSignal(false)
  const retryNow = () => { setSubmitSignedOut(false); queue.retryNow() }

  const goOnline = () => { setOnline(true); retryNow() }
  const goOffline = () => setOnline(false)
  // Signed in again in another tab: coming back to this one tries the queue once more.
  const comeBack = () => { if (document.visibilityState !== 'hidden' && (queue.signedOut || submitSignedOut())) retryNow() }
  window.addEventListener('online', goOnline)
  window.addEventListener('offline', goOffline)
  window.addEventListener('focus', comeBack)
  document.addEventListener('visibilitychange', comeBack)
  onCleanup(() => {
    window.removeEventListener('online', goOnline)
    window.removeEventListener('offline', goOffline)
    window.removeEventListener('focus', comeBack)
    document.removeEventListener('visibilitychange', comeBack)
    queue.dispose()
  })
  queue.retryNow()

  const answered = (pos: number) => (choices[pos]?.length ?? 0) > 0
  return {
    attempt,
    choices,
    position,
    prediction,
    online,
    setPosition(pos: number) {
      setPositionRaw(pos)
      writeLocal(posKey(attempt.id), String(pos))
    },
    setPrediction(v: string) {
      setPredictionRaw(v)
      writeLocal(predictionKey(attempt.id), v || null)
    },
    choose(item: AttemptItem, key: string) {
      const current = choices[item.position] ?? []
      const next = item.type === 'multiple'
        ? (current.includes(key) ? current.filter((k) => k !== key) : [...current, key].sort())
        : [key]
      setChoices(item.position, next)
      queue.set(item.position, next)
    },
    answered,
    unanswered: () => attempt.items.filter((i) => !answered(i.position)).map((i) => i.position),
    saveState: (pos: number): SaveState | undefined => { version(); return queue.state(pos) },
    saveError: (pos: number) => { version(); return queue.error(pos) },
    pendingCount: () => { version(); return queue.pendingCount },
    // The session ended (an answer or the submit got a 401): time to sign in again.
    signedOut: () => { version(); return queue.signedOut || submitSignedOut() },
    markSignedOut: () => setSubmitSignedOut(true),
    retryNow,
    drained: (ms?: number) => queue.drained(ms),
    forget() {
      writeLocal(posKey(attempt.id), null)
      writeLocal(predictionKey(attempt.id), null)
    },
  }
}

export type Quiz = ReturnType<typeof createQuiz>
export const QuizContext = createContext<Quiz>()
export function useQuiz(): Quiz {
  const quiz = useContext(QuizContext)
  if (!quiz) throw new Error('useQuiz outside <QuizContext.Provider>')
  return quiz
}
