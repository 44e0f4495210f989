import type { RoundStatus } from '../../api/schemas/wire'
import { t } from '../i18n'

export function RoundBadge(props: { status: RoundStatus }) {
  return <span class={`badge badge-${props.status}`}>{t(`round.${props.status}`)}</span>
}
