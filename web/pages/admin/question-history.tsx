import { createSignal, For, Show } from 'solid-js'
import type { AttemptItem, BankQuestionWire } from '../../../api/schemas/wire'
import type { FieldChange, HistoryEntry } from '../../../api/schemas/wire'
import { QuestionCard } from '../../components/question-card'
import { fmtDateTime } from '../../lib/format'

// As a participant sees it, before shuffling (pinned options keep their place when shuffled).
export const asItem = (q: BankQuestionWire): AttemptItem => ({ position: 1, questionId: q.id, type: q.type, stem: q.stem, options: q.options.map((o) => ({ key: o.key, text: o.text })), choice: [] })

const ORIGIN: Record<HistoryEntry['origin'], string> = { console: '', import: 'nhập tệp', system: '' }

// A changed text word by word: removed words struck through, added ones marked, the rest as it was.
function Change(props: { change: FieldChange }) {
  return (
    <li class="change">
      <strong>{props.change.label}:</strong>{' '}
      <Show when={props.change.parts} fallback={<><del>{props.change.before || '(trống)'}</del> → <ins>{props.change.after || '(trống)'}</ins></>}>
        <span class="word-diff">
          <For each={props.change.parts}>
            {(p) => (p.op === 'added' ? <ins>{p.text}</ins> : p.op === 'removed' ? <del>{p.text}</del> : <span>{p.text}</span>)}
          </For>
        </span>
      </Show>
    </li>
  )
}

// Newest first: who made each revision, when (Hà Nội time), and what it changed against the one before.
export function QuestionHistory(props: { revisions: HistoryEntry[] }) {
  const [shown, setShown] = createSignal<number>()
  return (
    <ol class="plain revisions">
      <For each={[...props.revisions].reverse()}>
        {(r) => (
          <li data-revision={r.revision}>
            <div>
              <button type="button" class="link" onClick={() => setShown(shown() === r.revision ? undefined : r.revision)}>Bản {r.revision}</button>
              {' · '}<span class="editor">{r.editorName}</span>
              <Show when={ORIGIN[r.origin] && r.editorName !== 'Nhập tệp'}> <span class="muted small">({ORIGIN[r.origin]})</span></Show>
              {' · '}<time datetime={r.createdAt}>{fmtDateTime(r.createdAt)}</time>
            </div>
            <Show when={r.revision > 1} fallback={<p class="small muted">Bản đầu tiên.</p>}>
              <Show when={r.changes.length} fallback={<p class="small muted">Không đổi nội dung.</p>}>
                <ul class="plain changes small"><For each={r.changes}>{(c) => <Change change={c} />}</For></ul>
              </Show>
            </Show>
            <Show when={shown() === r.revision}>
              <div class="preview"><QuestionCard item={asItem(r.question)} total={1} choice={r.question.correct} /></div>
              <p class="small">Đáp án: {r.question.correct.join(', ')} · {r.question.explanation}</p>
            </Show>
          </li>
        )}
      </For>
    </ol>
  )
}
