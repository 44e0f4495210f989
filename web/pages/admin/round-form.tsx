import { createSignal, For, Index, Show } from 'solid-js'
import { createStore } from 'solid-js/store'
import type { RoundSummary, TiebreakKey } from '../../../api/schemas/wire'
import type { RoundBody } from '../../api/admin'
import { DateTimeInput } from '../../components/date-time-input'
import { Field, FormError } from '../../components/field'
import { INVALID_DATETIME } from '../../lib/vn-datetime'
import { shortfalls, usePublishedCounts } from './bank-counts'
import { BlueprintBuilder } from './blueprint-builder'
import { minScoreProblem, PrizeEditor } from './prize-editor'
import { initialState, TIEBREAK_LABEL, toBody } from './round-fields'

type Props = { round?: RoundSummary; busy: boolean; error?: string; submitLabel: string; onSubmit: (body: RoundBody) => void }

export function RoundForm(props: Props) {
  const [s, set] = createStore(initialState(props.round))
  const counts = usePublishedCounts()
  const blocked = () => {
    const c = counts()
    if (!c) return false
    if (s.blueprint.length) return shortfalls(s.blueprint, c).length > 0
    return s.questionCount > (c.get('|') ?? 0)
  }
  const [localError, setLocalError] = createSignal<string>()
  // A time or a minimum score that cannot be read is caught here, with its field named, before anything is sent.
  const unreadable = () => {
    const bad = ([['opensAt', 'Mở lúc'], ['closesAt', 'Đóng lúc'], ['freezeAt', 'Đóng băng bảng xếp hạng']] as const).find(([k]) => s[k] === INVALID_DATETIME || (k !== 'freezeAt' && !s[k]))
    if (bad) return `"${bad[1]}": hãy nhập ngày dạng dd/mm/yyyy và giờ dạng HH:mm (24 giờ).`
    const prize = s.prizes.find((p) => minScoreProblem(p.minScore))
    return prize ? `Giải "${prize.name}": ${minScoreProblem(prize.minScore)}` : undefined
  }
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault()
    setLocalError(unreadable())
    if (!localError() && !blocked()) props.onSubmit(toBody(s))
  }
  return (
    <form onSubmit={onSubmit} class="round-form">
      <FormError message={localError() ?? props.error} />
      <Field id="round-title" label="Tên đợt thi" value={s.title} onInput={(v) => set('title', v)} required placeholder="Tuần thi thứ nhất" />
      <div class="grid-2">
        <DateTimeInput id="round-opens" label="Mở lúc (giờ Hà Nội)" value={s.opensAt} onInput={(v) => set('opensAt', v)} required />
        <DateTimeInput id="round-closes" label="Đóng lúc (giờ Hà Nội)" value={s.closesAt} onInput={(v) => set('closesAt', v)} required />
        <Field id="round-minutes" label="Thời gian làm bài (phút)" type="number" min="1" value={String(s.minutes)} onInput={(v) => set('minutes', Number(v) || 0)} required />
        <Field id="round-attempts" label="Số lượt tối đa (để trống: không giới hạn)" type="number" min="1" value={s.maxAttempts} onInput={(v) => set('maxAttempts', v)} />
        <Show when={!s.blueprint.length}>
          <Field id="round-count" label="Số câu hỏi" type="number" min="1" value={String(s.questionCount)} onInput={(v) => set('questionCount', Number(v) || 0)} required />
        </Show>
        <Field id="round-grace" label="Thời gian ân hạn mạng (giây)" type="number" min="0" value={String(s.graceSec)} onInput={(v) => set('graceSec', Number(v) || 0)} />
        <DateTimeInput id="round-freeze" label="Đóng băng bảng xếp hạng công khai từ (không bắt buộc)" value={s.freezeAt} onInput={(v) => set('freezeAt', v)} />
      </div>
      <BlueprintBuilder rows={s.blueprint} onChange={(rows) => set('blueprint', rows)} counts={counts()} />
      <Show when={!s.blueprint.length && counts() && s.questionCount > (counts()!.get('|') ?? 0)}>
        <p class="alert error" role="alert">Ngân hàng chỉ có {counts()!.get('|')} câu đã công bố.</p>
      </Show>
      <fieldset>
        <legend>Câu hỏi dự đoán</legend>
        <label class="check"><input type="checkbox" checked={s.predictionOn} onChange={(e) => set('predictionOn', e.currentTarget.checked)} /><span>Có câu hỏi dự đoán</span></label>
        <Show when={s.predictionOn}>
          <label for="round-target">Dự đoán điều gì</label>
          <select id="round-target" value={s.target} onChange={(e) => set('target', e.currentTarget.value as typeof s.target)}>
            <option value="participants">Số người dự thi</option><option value="perfect_scores">Số người đạt điểm tối đa</option><option value="attempts">Số lượt thi</option>
          </select>
        </Show>
      </fieldset>
      <fieldset>
        <legend>Thứ tự phân định khi bằng điểm</legend>
        <Index each={s.tiebreak}>
          {(k, i) => (
            <div class="field">
              <label for={`tiebreak-${i}`}>Tiêu chí {i + 1}</label>
              <select id={`tiebreak-${i}`} value={k()} onChange={(e) => set('tiebreak', i, e.currentTarget.value as TiebreakKey | '')}>
                <option value="">(không dùng)</option>
                <For each={Object.entries(TIEBREAK_LABEL)}>{([key, label]) => <option value={key}>{label}</option>}</For>
              </select>
            </div>
          )}
        </Index>
      </fieldset>
      <fieldset>
        <legend>Xem đáp án sau khi đợt thi đóng</legend>
        <label for="round-review-keys">Câu hỏi mà một đợt thi khác chưa đóng có thể ra</label>
        <select id="round-review-keys" value={s.reviewKeys} onChange={(e) => set('reviewKeys', e.currentTarget.value as 'protect' | 'show')}>
          <option value="protect">Giữ kín đáp án cho đến khi các đợt đó đóng (khuyên dùng)</option>
          <option value="show">Vẫn công bố đáp án (người đã xem có thể dùng ở đợt khác)</option>
        </select>
      </fieldset>
      <PrizeEditor id="prizes" legend="Giải cá nhân" withMinScore prizes={s.prizes} onChange={(p) => set('prizes', p)} />
      <PrizeEditor id="unit-prizes" legend="Giải tập thể (theo đơn vị)" prizes={s.unitPrizes} onChange={(p) => set('unitPrizes', p)} />
      <button type="submit" class="primary" disabled={props.busy || blocked()}>{props.submitLabel}</button>
    </form>
  )
}
