import { createAsync } from '@solidjs/router'
import { createEffect, createSignal, For, Index, on, Show } from 'solid-js'
import { createStore } from 'solid-js/store'
import type { AdminQuestion, BankQuestionWire } from '../../../api/schemas/wire'
import { getTopics } from '../../api/topics'
import { Field, FormError, TextArea } from '../../components/field'
import { STATUS_LABEL, TYPE_LABEL } from './questions'

type Props = {
  question: AdminQuestion; busy: boolean; error?: string
  // The server's refusals keyed by field (fieldErrors), each shown beside its field.
  errors?: Record<string, string>
  // 'new': an optional id and two saves (draft, published) instead of the status select.
  mode?: 'new' | 'edit'
  onSave: (q: Partial<BankQuestionWire>) => void; onChange?: (q: BankQuestionWire) => void
}
const KEYS = ['A', 'B', 'C', 'D', 'E', 'F']
// The fields that show their own refusal; one elsewhere (type, difficulty…) is shown above the form.
const SHOWN = new Set(['id', 'stem', 'topic', 'options', 'correct', 'explanation', 'source', 'tags', 'group', 'weight'])

// A question with nothing written yet, as the "Thêm câu hỏi" page starts it.
export const blankQuestion = (): AdminQuestion => ({
  id: '', revision: 0, topic: '', difficulty: 2, type: 'single', stem: '', status: 'draft',
  options: KEYS.slice(0, 4).map((key) => ({ key, text: '' })), correct: [], explanation: '', source: { document: '' },
})

// Every field of a bank question; saving an edit makes a new revision, past attempts keep theirs (SPEC §2).
// The checks are the server's (one rule, in Vietnamese), shown beside the fields they concern.
export function QuestionForm(props: Props) {
  const { revision: _r, ...initial } = props.question
  const [q, set] = createStore<BankQuestionWire>(structuredCloneSafe(initial))
  const changed = () => props.onChange?.(q)
  const topics = createAsync(() => getTopics())
  // A field edited since the last refusal no longer shows its reason; a new refusal shows them all again.
  const [edited, setEdited] = createSignal(new Set<string>())
  createEffect(on(() => props.errors, () => setEdited(new Set<string>())))
  const touch = (field: string) => setEdited((s) => new Set(s).add(field))
  const err = (field: string) => (edited().has(field) ? undefined : props.errors?.[field])
  const isNew = () => props.mode === 'new'
  const summary = () => {
    const keys = Object.keys(props.errors ?? {})
    return keys.length && keys.every((k) => SHOWN.has(k)) ? 'Chưa lưu được: hãy sửa các ô được đánh dấu bên dưới.' : props.error
  }
  const toggleCorrect = (key: string) => {
    const next = q.type === 'multiple' ? (q.correct.includes(key) ? q.correct.filter((k) => k !== key) : [...q.correct, key].sort()) : [key]
    set('correct', next); touch('correct'); changed()
  }
  const setOptions = (n: number) => {
    set('options', Array.from({ length: n }, (_, i) => q.options[i] ?? { key: KEYS[i], text: '' }))
    set('correct', q.correct.filter((k) => KEYS.indexOf(k) < n)); changed()
  }
  const setType = (type: BankQuestionWire['type']) => {
    set('type', type)
    if (type === 'true_false') set('options', [{ key: 'A', text: 'Đúng' }, { key: 'B', text: 'Sai' }])
    if (type !== 'multiple') set('correct', q.correct.slice(0, 1))
    changed()
  }
  const save = (e: SubmitEvent) => {
    e.preventDefault()
    const status = isNew() ? ((e.submitter as HTMLButtonElement | null)?.value === 'published' ? 'published' : 'draft') : q.status
    const { id, ...rest } = q
    props.onSave({
      ...rest, ...(id ? { id } : {}), status, tags: (q.tags ?? []).filter(Boolean),
      source: { ...q.source, section: q.source.section || undefined, url: q.source.url || undefined },
    })
  }
  return (
    <form class="card" onSubmit={save} onInput={changed} novalidate>
      <FormError message={summary()} />
      <Show when={isNew()}>
        <Field id="q-id" label="Mã câu hỏi (để trống để hệ thống tự đặt)" value={q.id} onInput={(v) => { set('id', v.trim()); touch('id') }} error={err('id')}
          hint="Chỉ gồm chữ không dấu, số và _ . : -, ví dụ tinh-001." />
      </Show>
      <TextArea id="q-stem" label="Câu hỏi" value={q.stem} onInput={(v) => { set('stem', v); touch('stem') }} rows={3} error={err('stem')} />
      <div class="grid-2">
        <div class="field" classList={{ invalid: !!err('topic') }}><label for="q-topic-edit">Chủ đề</label>
          <select id="q-topic-edit" aria-invalid={err('topic') ? 'true' : undefined} onChange={(e) => { set('topic', e.currentTarget.value); touch('topic'); changed() }}>
            <Show when={!q.topic}><option value="" selected>Chọn chủ đề…</option></Show>
            <Show when={q.topic && !topics()?.some((t) => t.id === q.topic)}><option value={q.topic} selected>{q.topic}</option></Show>
            <For each={topics()}>{(t) => <option value={t.id} selected={t.id === q.topic}>{t.name}</option>}</For>
          </select>
          <Show when={err('topic')}><p class="error" role="alert">{err('topic')}</p></Show></div>
        <div class="field"><label for="q-type-edit">Loại</label>
          <select id="q-type-edit" value={q.type} onChange={(e) => setType(e.currentTarget.value as BankQuestionWire['type'])}>
            <For each={Object.entries(TYPE_LABEL)}>{([v, l]) => <option value={v}>{l}</option>}</For>
          </select></div>
        <div class="field"><label for="q-diff-edit">Độ khó</label>
          <select id="q-diff-edit" value={String(q.difficulty)} onChange={(e) => { set('difficulty', Number(e.currentTarget.value) as 1 | 2 | 3); changed() }}>
            <option value="1">1 (dễ)</option><option value="2">2 (vừa)</option><option value="3">3 (khó)</option>
          </select></div>
        <Show when={!isNew()}>
          <div class="field"><label for="q-status-edit">Trạng thái</label>
            <select id="q-status-edit" value={q.status ?? 'published'} onChange={(e) => { set('status', e.currentTarget.value as 'draft'); changed() }}>
              <For each={Object.entries(STATUS_LABEL)}>{([v, l]) => <option value={v}>{l}</option>}</For>
            </select></div>
        </Show>
      </div>
      <fieldset classList={{ invalid: !!(err('options') || err('correct')) }}>
        <legend>Phương án (đánh dấu đáp án đúng)</legend>
        <Index each={q.options}>
          {(o, i) => (
            <div class="option-row">
              <label class="check"><input type={q.type === 'multiple' ? 'checkbox' : 'radio'} name="correct" checked={q.correct.includes(o().key)} onChange={() => toggleCorrect(o().key)} aria-label={`Phương án ${o().key} đúng`} /><span>{o().key}</span></label>
              <label class="sr-only" for={`opt-${i}`}>Nội dung phương án {o().key}</label>
              <input id={`opt-${i}`} value={o().text} readOnly={q.type === 'true_false'} onInput={(e) => { set('options', i, 'text', e.currentTarget.value); touch('options') }} />
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
        <Show when={err('options')}><p class="error" role="alert">{err('options')}</p></Show>
        <Show when={err('correct')}><p class="error" role="alert">{err('correct')}</p></Show>
      </fieldset>
      <TextArea id="q-explanation" label="Giải thích" value={q.explanation} onInput={(v) => { set('explanation', v); touch('explanation') }} rows={3} error={err('explanation')} />
      <div class="grid-2">
        <Field id="q-source-doc" label="Nguồn: tài liệu" value={q.source.document} onInput={(v) => { set('source', 'document', v); touch('source') }} error={err('source')} />
        <Field id="q-source-section" label="Nguồn: mục, trang" value={q.source.section ?? ''} onInput={(v) => set('source', 'section', v)} />
        <Field id="q-source-url" label="Nguồn: đường dẫn" value={q.source.url ?? ''} onInput={(v) => set('source', 'url', v)} />
        <Field id="q-tags" label="Thẻ (cách nhau bằng dấu phẩy)" value={(q.tags ?? []).join(', ')} onInput={(v) => set('tags', v.split(',').map((s) => s.trim()))} error={err('tags')} />
        <Field id="q-group" label="Nhóm biến thể" value={q.group ?? ''} onInput={(v) => set('group', v || undefined)} error={err('group')} />
        <Field id="q-weight" label="Trọng số" type="number" min="0" value={String(q.weight ?? 1)} onInput={(v) => set('weight', Number(v) || 1)} error={err('weight')} />
      </div>
      <Show when={isNew()} fallback={<button type="submit" class="primary" disabled={props.busy}>Lưu (tạo bản sửa mới)</button>}>
        <div class="actions">
          <button type="submit" value="draft" disabled={props.busy}>Lưu nháp</button>
          <button type="submit" value="published" class="primary" disabled={props.busy}>Lưu và công bố</button>
        </div>
      </Show>
    </form>
  )
}

function structuredCloneSafe<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T
}
