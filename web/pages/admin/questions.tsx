import { A, createAsync, useSearchParams } from '@solidjs/router'
import { createSignal, For, onCleanup, Show } from 'solid-js'
import { exportUrl, listQuestions, type QuestionFilter } from '../../api/questions'
import { getTopics, topicName } from '../../api/topics'
import { Pager } from '../../components/pager'
import { BulkBar } from './bulk-bar'
import { useSelection } from './question-selection'

export const TYPE_LABEL: Record<string, string> = { single: 'Một đáp án', multiple: 'Nhiều đáp án', true_false: 'Đúng/Sai' }
export const STATUS_LABEL: Record<string, string> = { draft: 'Nháp', published: 'Đã công bố', retired: 'Ngừng dùng' }
const LIMIT = 25

export default function AdminQuestions() {
  const [search, setSearch] = useSearchParams()
  const str = (k: string) => (typeof search[k] === 'string' ? (search[k] as string) : '')
  const filter = (): QuestionFilter => ({ topic: str('topic'), difficulty: str('difficulty'), type: str('type'), status: str('status'), q: str('q'), offset: Number(str('tu')) || 0, limit: LIMIT })
  const data = createAsync(() => listQuestions(filter()))
  const topics = createAsync(() => getTopics())
  const selection = useSelection(filter)
  const [done, setDone] = createSignal('')
  const [typed, setTyped] = createSignal(str('q'))
  let timer: ReturnType<typeof setTimeout> | undefined
  onCleanup(() => clearTimeout(timer))
  const onType = (v: string) => { setTyped(v); clearTimeout(timer); timer = setTimeout(() => setSearch({ q: v || undefined, tu: undefined }, { replace: true }), 300) }
  const select = (id: string, label: string, key: string, options: () => [string, string][]) => (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} onChange={(e) => setSearch({ [key]: e.currentTarget.value || undefined, tu: undefined })}>
        <option value="">Tất cả</option>
        <For each={options()}>{([v, l]) => <option value={v} selected={str(key) === v}>{l}</option>}</For>
      </select>
    </div>
  )
  return (
    <section class="page wide">
      <h1>Ngân hàng câu hỏi</h1>
      <div class="actions">
        <A class="button primary" href="/quan-tri/cau-hoi/moi">Thêm câu hỏi</A>
        <A class="button primary" href="/quan-tri/cau-hoi/nhap">Nhập câu hỏi</A>
        <A class="button" href="/quan-tri/chu-de">Chủ đề</A>
        <a class="button" href={exportUrl('xlsx', filter())} download="">Xuất Excel</a>
        <a class="button" href={exportUrl('csv', filter())} download="">Xuất CSV</a>
        <a class="button" href={exportUrl('json', filter())} download="">Xuất JSON</a>
        <a class="button" href={exportUrl('gift', filter())} download="">Xuất GIFT (Moodle)</a>
      </div>
      <div class="filters">
        <div class="field">
          <label for="q-search">Tìm trong nội dung (có dấu hoặc không dấu)</label>
          <input id="q-search" type="search" value={typed()} onInput={(e) => onType(e.currentTarget.value)} />
        </div>
        {select('q-topic', 'Chủ đề', 'topic', () => (topics() ?? []).map((t) => [t.id, t.name]))}
        {select('q-difficulty', 'Độ khó', 'difficulty', () => [['1', '1 (dễ)'], ['2', '2 (vừa)'], ['3', '3 (khó)']])}
        {select('q-type', 'Loại', 'type', () => Object.entries(TYPE_LABEL))}
        {select('q-status', 'Trạng thái', 'status', () => Object.entries(STATUS_LABEL))}
      </div>
      <Show when={data()}>
        {(d) => (
          <>
            <div class="actions">
              <button type="button" id="select-filtered" disabled={!d().total || selection.loading()} onClick={() => { setDone(''); void selection.selectFiltered() }}>
                Chọn tất cả theo bộ lọc ({d().total.toLocaleString('vi-VN')} câu)
              </button>
              <Show when={selection.ids().length}><button type="button" onClick={() => selection.clear()}>Bỏ chọn</button></Show>
            </div>
            <Show when={selection.note()}><p class="alert" role="status">{selection.note()}</p></Show>
            <Show when={done()}><p class="alert ok" role="status">{done()}</p></Show>
            <Show when={selection.ids().length}>
              <BulkBar ids={selection.ids()} topics={topics()} onDone={(message) => { selection.clear(); setDone(message) }} />
            </Show>
            <div class="table-wrap">
              <table class="table">
                <thead><tr>
                  <th scope="col"><input type="checkbox" aria-label="Chọn cả trang" checked={d().questions.length > 0 && d().questions.every((q) => selection.has(q.id))}
                    onChange={(e) => selection.setMany(d().questions.map((q) => q.id), e.currentTarget.checked)} /></th>
                  <th scope="col">Mã</th><th scope="col">Câu hỏi</th><th scope="col">Chủ đề</th><th scope="col" class="num">Độ khó</th><th scope="col">Loại</th><th scope="col">Trạng thái</th>
                </tr></thead>
                <tbody>
                  <For each={d().questions} fallback={<tr><td colspan="7">Không có câu hỏi phù hợp.</td></tr>}>
                    {(q) => (
                      <tr>
                        <td><input type="checkbox" aria-label={`Chọn câu ${q.id}`} checked={selection.has(q.id)} onChange={(e) => selection.setMany([q.id], e.currentTarget.checked)} /></td>
                        <td class="small"><A href={`/quan-tri/cau-hoi/${encodeURIComponent(q.id)}`}>{q.id}</A><span class="muted block-line">bản {q.revision}</span></td>
                        <td>{q.stem}</td>
                        <td class="small">{topicName(topics(), q.topic)}</td>
                        <td class="num">{q.difficulty}</td>
                        <td class="small">{TYPE_LABEL[q.type]}</td>
                        <td class="small">{STATUS_LABEL[q.status ?? 'published']}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <Pager offset={filter().offset ?? 0} limit={LIMIT} total={d().total} onPage={(o) => setSearch({ tu: o || undefined })} />
          </>
        )}
      </Show>
    </section>
  )
}
