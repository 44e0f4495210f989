import { t } from '../i18n'

// noun: what the total counts (a board counts people, the default; the audit log counts records).
type Props = { offset: number; limit: number; total: number; onPage: (offset: number) => void; noun?: string }

export function Pager(props: Props) {
  const page = () => Math.floor(props.offset / props.limit) + 1
  const pages = () => Math.max(1, Math.ceil(props.total / props.limit))
  return (
    <nav class="pager" aria-label={t('lb.pagination')}>
      <button type="button" disabled={page() <= 1} onClick={() => props.onPage(Math.max(0, props.offset - props.limit))}>{t('lb.prev')}</button>
      <span class="muted small" aria-live="polite">{props.noun ? `Trang ${page()}/${pages()} · ${props.total} ${props.noun}` : t('lb.page', { n: page(), m: pages(), total: props.total })}</span>
      <button type="button" disabled={page() >= pages()} onClick={() => props.onPage(props.offset + props.limit)}>{t('lb.next')}</button>
    </nav>
  )
}
