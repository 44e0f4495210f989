import { For, Show, type JSX } from 'solid-js'

export type BarSeries = { label: string; cls: string }
export type BarGroup = { label: string; values: number[] }
const H = 100

// Bars side by side per group (a time bucket, a day), drawn in SVG so a cheap phone needs no chart library.
// The SVG is one image whose label says the totals; callers add a table with every number.
export function GroupedBars(props: { groups: BarGroup[]; series: BarSeries[]; summary: string; caption: JSX.Element; class?: string }) {
  const peak = () => Math.max(1, ...props.groups.flatMap((g) => g.values))
  const per = () => props.series.length + 1 // one empty slot between groups
  const y = (n: number) => H - (n / peak()) * H
  const first = () => props.groups[0]?.label ?? ''
  const last = () => props.groups[props.groups.length - 1]?.label ?? ''
  return (
    <figure class={`chart activity-chart ${props.class ?? ''}`}>
      <div class="activity-plot">
        <span class="axis-max small muted" aria-hidden="true">{peak()}</span>
        {/* A few groups get narrow bars on the left, not bars as wide as the page. */}
        <div class="activity-area" style={{ width: props.groups.length < 24 ? `${props.groups.length * (per() - 0.5) * 0.85 + 4}rem` : '100%' }}>
          <svg viewBox={`0 0 ${props.groups.length * per()} ${H}`} preserveAspectRatio="none" role="img" aria-label={props.summary}>
            <For each={props.groups}>
              {(g, i) => (
                <For each={props.series}>
                  {(s, k) => (
                    <rect class={s.cls} x={i() * per() + k() + 0.3} y={y(g.values[k()] ?? 0)} width="0.9" height={H - y(g.values[k()] ?? 0)}>
                      <title>{g.label}: {g.values[k()] ?? 0} {s.label.toLowerCase()}</title>
                    </rect>
                  )}
                </For>
              )}
            </For>
          </svg>
          <div class="axis-x small muted" aria-hidden="true">
            <span>{first()}</span>
            <Show when={props.groups.length > 1}><span>{last()}</span></Show>
          </div>
        </div>
      </div>
      <figcaption class="small">{props.caption}</figcaption>
    </figure>
  )
}
