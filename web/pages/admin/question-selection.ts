import { createSignal } from 'solid-js'
import { listQuestions, type QuestionFilter } from '../../api/questions'

// One bulk request takes at most this many questions (BULK_MAX on the server).
export const SELECT_MAX = 1000

// The questions ticked on the bank page, kept across its pages; "select all by the filter" asks the
// server for every id the filter matches, up to what one bulk request takes.
export function useSelection(filter: () => QuestionFilter) {
  const [ids, setIds] = createSignal<string[]>([])
  const [note, setNote] = createSignal('')
  const [loading, setLoading] = createSignal(false)
  const setMany = (some: string[], on: boolean) => {
    const next = new Set(ids())
    for (const id of some) if (on) next.add(id); else next.delete(id)
    setIds([...next])
  }
  const selectFiltered = async () => {
    setLoading(true)
    try {
      const { total, questions } = await listQuestions({ ...filter(), offset: 0, limit: SELECT_MAX })
      setIds(questions.map((q) => q.id))
      setNote(total > SELECT_MAX ? `Bộ lọc có ${total.toLocaleString('vi-VN')} câu; mỗi lần chỉ thao tác được ${SELECT_MAX.toLocaleString('vi-VN')} câu đầu tiên.` : '')
    } catch (err) {
      setNote(err instanceof Error ? err.message : String(err))
    } finally {
      setLoading(false)
    }
  }
  return {
    ids, note, loading, setMany, selectFiltered,
    has: (id: string) => ids().includes(id),
    clear: () => { setIds([]); setNote('') },
  }
}
