import { useAction, useSubmission } from '@solidjs/router'
import { createSignal, For, Show } from 'solid-js'
import { bulkQuestions, type BulkInput, type Topic } from '../../api/topics'
import { Dialog } from '../../components/dialog'
import { FormError } from '../../components/field'

type Props = { ids: string[]; topics: Topic[] | undefined; onDone: (message: string) => void }
type Pending = { input: BulkInput; title: string; body: string; done: string }

const count = (n: number) => `${n.toLocaleString('vi-VN')} câu hỏi`

// Bulk actions on the selected questions, each confirmed first: the server changes all of them in one
// transaction (a new revision each) or, when one cannot be changed, none, naming the ones at fault.
export function BulkBar(props: Props) {
  const run = useAction(bulkQuestions)
  const sub = useSubmission(bulkQuestions)
  const [pending, setPending] = createSignal<Pending | null>(null)
  const [topic, setTopic] = createSignal('')
  const [difficulty, setDifficulty] = createSignal('')
  const topicName = () => props.topics?.find((t) => t.id === topic())?.name ?? topic()
  const ask = (p: Omit<Pending, 'input'> & { input: Omit<BulkInput, 'ids'> }) => setPending({ ...p, input: { ...p.input, ids: props.ids } })
  const confirm = async () => {
    const p = pending()
    if (!p) return
    setPending(null)
    const changed = await run(p.input).catch(() => null)
    if (changed === null) return
    props.onDone(`${p.done}: ${count(changed)} thay đổi${changed < p.input.ids.length ? ` (${count(p.input.ids.length - changed)} đã như vậy từ trước)` : ''}.`)
  }
  return (
    <div class="bulk-bar card" role="region" aria-label="Thao tác hàng loạt">
      <p><strong>Đã chọn {count(props.ids.length)}.</strong></p>
      <div class="actions">
        <button type="button" class="primary" disabled={!props.ids.length || sub.pending} onClick={() =>
          ask({ input: { action: 'publish' }, title: 'Xuất bản các câu đã chọn?', body: `${count(props.ids.length)} sẽ được xuất bản: các đợt thi mở sau đó có thể rút các câu này.`, done: 'Đã xuất bản' })}>Xuất bản</button>
        <button type="button" disabled={!props.ids.length || sub.pending} onClick={() =>
          ask({ input: { action: 'retire' }, title: 'Ngừng dùng các câu đã chọn?', body: `${count(props.ids.length)} sẽ không còn được rút vào lượt thi mới; các lượt thi đã rút vẫn giữ nguyên.`, done: 'Đã ngừng dùng' })}>Ngừng dùng</button>
        <span class="bulk-set">
          <label for="bulk-topic" class="sr-only">Chủ đề mới</label>
          <select id="bulk-topic" value={topic()} onChange={(e) => setTopic(e.currentTarget.value)}>
            <option value="">Chọn chủ đề…</option>
            <For each={props.topics}>{(t) => <option value={t.id}>{t.name}</option>}</For>
          </select>
          <button type="button" disabled={!props.ids.length || !topic() || sub.pending} onClick={() =>
            ask({ input: { action: 'set', topic: topic() }, title: 'Đổi chủ đề?', body: `${count(props.ids.length)} sẽ chuyển sang chủ đề "${topicName()}".`, done: 'Đã đổi chủ đề' })}>Đổi chủ đề</button>
        </span>
        <span class="bulk-set">
          <label for="bulk-difficulty" class="sr-only">Độ khó mới</label>
          <select id="bulk-difficulty" value={difficulty()} onChange={(e) => setDifficulty(e.currentTarget.value)}>
            <option value="">Chọn độ khó…</option><option value="1">1 (dễ)</option><option value="2">2 (vừa)</option><option value="3">3 (khó)</option>
          </select>
          <button type="button" disabled={!props.ids.length || !difficulty() || sub.pending} onClick={() =>
            ask({ input: { action: 'set', difficulty: Number(difficulty()) as 1 | 2 | 3 }, title: 'Đổi độ khó?', body: `${count(props.ids.length)} sẽ có độ khó ${difficulty()}.`, done: 'Đã đổi độ khó' })}>Đổi độ khó</button>
        </span>
      </div>
      <FormError message={!sub.pending && sub.error instanceof Error ? sub.error.message : undefined} />
      <Dialog id="bulk-confirm" open={!!pending()} title={pending()?.title ?? ''} onClose={() => setPending(null)}>
        <p>{pending()?.body} Mỗi câu được lưu thành một phiên bản mới.</p>
        <div class="dialog-actions">
          <button type="button" onClick={() => setPending(null)}>Hủy</button>
          <button type="button" class="primary" id="confirm-bulk" onClick={() => void confirm()}>Đồng ý</button>
        </div>
      </Dialog>
    </div>
  )
}
