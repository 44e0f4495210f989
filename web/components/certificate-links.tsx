import { A, createAsync } from '@solidjs/router'
import { For, Show } from 'solid-js'
import { certificatePdfHref, getMyCertificates } from '../api/certificates'
import { t } from '../i18n'

// The signed-in participant's certificates (giấy chứng nhận) of one finalized round: the PDF and the
// public page anyone can check it on. Nothing when there is none.
export function CertificateLinks(props: { roundId: string }) {
  const all = createAsync(() => getMyCertificates().catch(() => []))
  const mine = () => (all() ?? []).filter((c) => c.roundId === props.roundId)
  return (
    <Show when={mine().length}>
      <ul class="plain certificates" data-testid="certificates">
        <For each={mine()}>
          {(c) => (
            <li>
              <a href={certificatePdfHref(c.code)} target="_blank" rel="noopener">
                {c.kind === 'prize' ? t('cert.prizeLink', { prize: c.prize ?? '' }) : t('cert.participationLink')}
              </a>
              {' · '}<A href={`/chung-nhan/${c.code}`}>{t('cert.code', { code: c.code })}</A>
            </li>
          )}
        </For>
      </ul>
    </Show>
  )
}
