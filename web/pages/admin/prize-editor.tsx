import { Index, Show } from 'solid-js'

// minScore as typed (decimal comma or point); empty means no threshold. Only person prizes show it.
export type Prize = { name: string; count: number; minScore?: string }
// Why a typed minimum score cannot be read; undefined when it can or is empty (no threshold).
export function minScoreProblem(text?: string): string | undefined {
  const t = text?.trim() ?? ''
  if (t === '' || /^\d+([.,]\d+)?$/.test(t)) return undefined
  return /^-/.test(t) ? 'Điểm tối thiểu không được âm.' : `"${t}" không phải là điểm: nhập một số, ví dụ 5 hoặc 7,5.`
}

type Props = { id: string; legend: string; prizes: Prize[]; withMinScore?: boolean; onChange: (p: Prize[]) => void }

export function PrizeEditor(props: Props) {
  const set = (i: number, patch: Partial<Prize>) => props.onChange(props.prizes.map((p, j) => (j === i ? { ...p, ...patch } : p)))
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <Index each={props.prizes}>
        {(p, i) => (
          <div class="prize-row" classList={{ 'with-min': !!props.withMinScore }}>
            <div>
              <label for={`${props.id}-name-${i}`}>Tên giải</label>
              <input id={`${props.id}-name-${i}`} value={p().name} onInput={(e) => set(i, { name: e.currentTarget.value })} />
            </div>
            <div>
              <label for={`${props.id}-count-${i}`}>Số giải</label>
              <input id={`${props.id}-count-${i}`} type="number" min="1" value={p().count} onInput={(e) => set(i, { count: Number(e.currentTarget.value) || 0 })} />
            </div>
            <Show when={props.withMinScore}>
              <div>
                <label for={`${props.id}-min-${i}`}>Điểm tối thiểu</label>
                <input id={`${props.id}-min-${i}`} inputMode="decimal" placeholder="không bắt buộc" value={p().minScore ?? ''} onInput={(e) => set(i, { minScore: e.currentTarget.value })}
                  aria-invalid={minScoreProblem(p().minScore) ? 'true' : undefined} aria-describedby={minScoreProblem(p().minScore) ? `${props.id}-min-${i}-error` : undefined} />
                <Show when={minScoreProblem(p().minScore)}>{(m) => <p class="error small" id={`${props.id}-min-${i}-error`} role="alert">{m()}</p>}</Show>
              </div>
            </Show>
            <button type="button" class="small" aria-label={`Xóa giải ${i + 1}`} onClick={() => props.onChange(props.prizes.filter((_, j) => j !== i))}>Xóa</button>
          </div>
        )}
      </Index>
      <button type="button" class="small" onClick={() => props.onChange([...props.prizes, { name: '', count: 1 }])}>+ Thêm giải</button>
    </fieldset>
  )
}
