import { For, Index, Show } from 'solid-js'
import { createStore } from 'solid-js/store'
import type { AdminQuestion, BankQuestionWire } from '../../../api/schemas/wire'
import { Field, FormError, TextArea } from '../../components/field'
import { TOPIC_OPTIONS } from './bank-counts'
import { STATUS_LABEL, TYPE_LABEL } from './questions'

type Props = { question: AdminQuestion; busy: boolean; error?: string; onSave: (q: Partial<BankQuestionWire>) => void; onChange?: (q: BankQuestionWire) => void }
const KEYS = ['A', 'B', 'C', 'D', 'E', 'F']

// Every field of a bank question; saving makes a new revision, past attempts keep theirs (SPEC §2).
export function QuestionForm(props: Props) {
  const { revision: _r, ...initial } = props.question
  const [q, set] = createStore<BankQuestionWire>(structuredCloneSafe(initial))
  const changed = () => props.onChange?.(q)
  const toggleCorrect = (key: string) => {
    const next = q.type === 'multiple' ? (q.correct.includes(key) ? q.correct.filter((k) => k !== key) : [...q.correct, key].sort()) : [key]
    set('correct', next); changed()
  }
  const setOptions = (n: number) => {
    set('options', Array.from({ length: n }, (_, i) => q.options[i] ?? { key: KEYS[i], text: '' }))
    set('correct', q.correct.filter((k) => KEYS.indexOf(k) < n)); changed()
  }
  const save = (e: SubmitEvent) => {
    e.preventDefault()
    props.onSave({ ...q, tags: (q.tags ?? []).filter(Boolean), source: { ...q.source, section: q.source.section || undefined, url: q.source.url || undefined } })
  }
  return (
    <form class="card" onSubmit={save} onInput={changed}>
      <FormError message={props.error} />
      <TextArea id="q-stem" label="Câu hỏi" value={q.stem} onInput={(v) => set('stem', v)} rows={3} required />
      <div class="grid-2">
        <div class="field"><label for="q-topic-edit">Chủ đề</label>
          <select id="q-topic-edit" value={q.topic} onChange={(e) => { set('topic', e.currentTarget.value); changed() }}>
            <Show when={!TOPIC_OPTIONS.some((t) => t.id === q.topic)}><option value={q.topic}>{q.topic}</option></Show>
            <For each={TOPIC_OPTIONS}>{(t) => <option value={t.id}>{t.name}</option>}</For>
          </select></div>
        <div class="field"><label for="q-type-edit">Loại</label>
          <select id="q-type-edit" value={q.type} onChange={(e) => { set('type', e.currentTarget.value as BankQuestionWire['type']); if (q.type !== 'multiple') set('correct', q.correct.slice(0, 1)); changed() }}>
            <For each={Object.entries(TYPE_LABEL)}>{([v, l]) => <option value={v}>{l}</option>}</For>
          </select></div>
        <div class="field"><label for="q-diff-edit">Độ khó</label>
          <select id="q-diff-edit" value={String(q.difficulty)} onChange={(e) => { set('difficulty', Number(e.currentTarget.value) as 1 | 2 | 3); changed() }}>
            <option value="1">1 (dễ)</option><option value="2">2 (vừa)</option><option value="3">3 (khó)</option>
          </select></div>
        <div class="field"><label for="q-status-edit">Trạng thái</label>
          <select id="q-status-edit" value={q.status ?? 'published'} onChange={(e) => { set('status', e.currentTarget.value as 'draft'); changed() }}>
            <For each={Object.entries(STATUS_LABEL)}>{([v, l]) => <option value={v}>{l}</option>}</For>
          </select></div>
      </div>
      <fieldset>
        <legend>Phương án (đánh dấu đáp án đúng)</legend>
        <Index each={q.options}>
          {(o, i) => (
            <div class="option-row">
              <label class="check"><input type={q.type === 'multiple' ? 'checkbox' : 'radio'} name="correct" checked={q.correct.includes(o().key)} onChange={() => toggleCorrect(o().key)} aria-label={`Phương án ${o().key} đúng`} /><span>{o().key}</span></label>
              <label class="sr-only" for={`opt-${i}`}>Nội dung phương án {o().key}</label>
              <input id={`opt-${i}`} value={o().text} onInput={(e) => set('options', i, 'text', e.currentTarget.value)} />
              <label class="check small"><input type="checkbox" checked={!!o().pinned} onChange={(e) => set('options', i, 'pinned', e.currentTarget.checked ? true : undefined)} /><span>Giữ vị trí</span></label>
            </div>
          )}
        </Index>
        <Show when={q.type !== 'true_false'}>
          <label for="q-nopts">Số phương án</label>
          <select id="q-nopts" value={String(q.options.length)} onChange={(e) => setOptions(Number(e.currentTarget.value))}>
            <For each={[2, 3, 4, 5, 6]}>{(n) => <option value={String(n)}>{n}</option>}</For>
          </select>
        </Show>
      </fieldset>
      <TextArea id="q-explanation" label="Giải thích" value={q.explanation} onInput={(v) => set('explanation', v)} rows={3} />
      <div class="grid-2">
        <Field id="q-source-doc" label="Nguồn: tài liệu" value={q.source.document} onInput={(v) => set('source', 'document', v)} />
        <Field id="q-source-section" label="Nguồn: mục, trang" value={q.source.section ?? ''} onInput={(v) => set('source', 'section', v)} />
        <Field id="q-source-url" label="Nguồn: đường dẫn" value={q.source.url ?? ''} onInput={(v) => set('source', 'url', v)} />
        <Field id="q-tags" label="Thẻ (cách nhau bằng dấu phẩy)" value={(q.tags ?? []).join(', ')} onInput={(v) => set('tags', v.split(',').map((s) => s.trim()))} />
        <Field id="q-group" label="Nhóm biến thể" value={q.group ?? ''} onInput={(v) => set('group', v || undefined)} />
        <Field id="q-weight" label="Trọng số" type="number" min="0" value={String(q.weight ?? 1)} onInput={(v) => set('weight', Number(v) || 1)} />
      </div>
      <button type="submit" class="primary" disabled={props.busy}>Lưu (tạo bản sửa mới)</button>
    </form>
  )
}

function structuredCloneSafe<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T
}
