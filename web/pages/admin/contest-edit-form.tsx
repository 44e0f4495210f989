import { useAction, useSubmission } from '@solidjs/router'
import { createSignal, onMount, Show } from 'solid-js'
import type { ContestDetail } from '../../../api/schemas/wire'
import { updateContest } from '../../api/admin'
import { fieldErrors } from '../../api/client'
import { Field, FormError, TextArea } from '../../components/field'

// Title, introduction, rules and the one-prize rule; the form starts from the contest as it is now.
export function ContestEditForm(props: { contest: ContestDetail; onDone: () => void }) {
  const [title, setTitle] = createSignal(props.contest.title)
  const [description, setDescription] = createSignal(props.contest.description)
  const [rules, setRules] = createSignal(props.contest.rules)
  const [onePrize, setOnePrize] = createSignal(props.contest.onePrizePerPerson)
  const save = useAction(updateContest)
  const sub = useSubmission(updateContest)
  const errors = () => fieldErrors(sub.error)
  // Opened from a button: keyboard and screen-reader users land in the form.
  onMount(() => document.getElementById('edit-title')?.focus())
  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault()
    const patch = { title: title().trim(), description: description(), rules: rules(), onePrizePerPerson: onePrize() }
    if (await save(props.contest.id, patch).then(() => true, () => false)) props.onDone()
  }
  return (
    <form class="card" onSubmit={onSubmit} aria-labelledby="contest-edit-title">
      <h2 class="h3" id="contest-edit-title">Sửa thông tin cuộc thi</h2>
      <FormError message={sub.error instanceof Error && !Object.keys(errors()).length ? sub.error.message : undefined} />
      <Field id="edit-title" label="Tên cuộc thi" value={title()} onInput={setTitle} required error={errors().title} />
      <TextArea id="edit-description" label="Giới thiệu" value={description()} onInput={setDescription} rows={3} error={errors().description} />
      <TextArea id="edit-rules" label="Thể lệ" value={rules()} onInput={setRules} rows={8} error={errors().rules} />
      <div class="field">
        <label class="check">
          <input type="checkbox" checked={onePrize()} onChange={(e) => setOnePrize(e.currentTarget.checked)} />
          <span>Mỗi người chỉ đoạt giải một lần trong cả cuộc thi (người đã đoạt giải ở đợt khác được bỏ qua, giải chuyển cho người xếp sau)</span>
        </label>
      </div>
      <button type="submit" class="primary" disabled={!!sub.pending}>Lưu thông tin</button>{' '}
      <button type="button" onClick={() => props.onDone()}>Hủy</button>
    </form>
  )
}

// Archiving hides a finished contest from the public list; unarchiving publishes it again.
export function ArchiveButton(props: { contest: ContestDetail }) {
  const save = useAction(updateContest)
  const sub = useSubmission(updateContest)
  const archived = () => props.contest.status === 'archived'
  const toggle = () => {
    const ask = archived() ? 'Bỏ lưu trữ và công bố lại cuộc thi?' : 'Lưu trữ cuộc thi? Cuộc thi sẽ không còn hiện trong danh sách công khai.'
    if (confirm(ask)) void save(props.contest.id, { status: archived() ? 'published' : 'archived' }).catch(() => undefined)
  }
  return (
    <Show when={props.contest.status !== 'draft'}>
      <button type="button" disabled={!!sub.pending} onClick={toggle}>{archived() ? 'Bỏ lưu trữ' : 'Lưu trữ cuộc thi'}</button>
    </Show>
  )
}
