import { createEffect, createSignal, Show } from 'solid-js'
import type { Topic, TopicInput } from '../../api/topics'
import { Field, TextArea } from '../../components/field'

type Props = { editing: Topic | null; busy: boolean; onSave: (t: TopicInput) => Promise<boolean>; onCancel: () => void }

// Add a topic or rename and describe one; its id (what questions and blueprints name) never changes.
export function TopicForm(props: Props) {
  const [name, setName] = createSignal('')
  const [description, setDescription] = createSignal('')
  createEffect(() => { setName(props.editing?.name ?? ''); setDescription(props.editing?.description ?? '') })
  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault()
    const ok = await props.onSave({ name: name().trim(), description: description().trim() })
    if (ok && !props.editing) { setName(''); setDescription('') }
  }
  return (
    <form class="card" onSubmit={onSubmit}>
      <h2 class="h3">{props.editing ? `Sửa chủ đề "${props.editing.name}"` : 'Thêm chủ đề'}</h2>
      <Field id="topic-name" label="Tên chủ đề" value={name()} onInput={setName} required />
      <TextArea id="topic-description" label="Mô tả (không bắt buộc)" value={description()} onInput={setDescription} rows={2} />
      <div class="actions">
        <button type="submit" class="primary" disabled={props.busy}>{props.editing ? 'Lưu' : 'Thêm chủ đề'}</button>
        <Show when={props.editing}><button type="button" onClick={() => props.onCancel()}>Hủy</button></Show>
      </div>
    </form>
  )
}
