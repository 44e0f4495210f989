import { A, createAsync, useParams } from '@solidjs/router'
import { ErrorBoundary, Show, Suspense } from 'solid-js'
import { certificatePdfHref, getCertificate } from '../api/certificates'
import { t } from '../i18n'
import { fmtDateTime } from '../lib/format'
import { useTitle } from '../lib/title'

// The public check of a certificate's code (the address its QR code holds): who, for what, with the rank
// and prize as the official results stand now.
export default function CertificatePage() {
  const params = useParams()
  const check = createAsync(() => getCertificate(params.code!))
  useTitle(() => t('cert.title'))
  return (
    <section class="page certificate-check">
      <h1>{t('cert.title')}</h1>
      <ErrorBoundary fallback={<p class="error" role="alert" data-testid="certificate-unknown">{t('cert.unknown', { code: params.code ?? '' })}</p>}>
        <Suspense fallback={<p>{t('common.loading')}</p>}>
          <Show when={check()}>
            {(c) => (
              <Show when={c().valid ? c() as Extract<ReturnType<typeof c>, { valid: true }> : undefined}
                fallback={<p class="error" role="alert" data-testid="certificate-invalid">{(c() as { message: string }).message}</p>}>
                {(v) => (
                  <div class="card" data-testid="certificate-valid">
                    <p class="official"><strong>{t('cert.valid')}</strong></p>
                    <dl class="facts">
                      <dt>{t('cert.name')}</dt><dd>{v().fullName}</dd>
                      <Show when={v().unitName}><dt>{t('cert.unit')}</dt><dd>{v().unitName}</dd></Show>
                      <dt>{t('cert.contest')}</dt><dd>{v().contest}</dd>
                      <dt>{t('cert.round')}</dt><dd>{t('cert.roundLabel', { n: v().roundNumber, title: v().round })}</dd>
                      <dt>{t('cert.rank')}</dt><dd>{v().rank}</dd>
                      <Show when={v().prize}><dt>{t('cert.prize')}</dt><dd>{v().prize}</dd></Show>
                      <dt>{t('cert.issued')}</dt><dd>{fmtDateTime(v().issuedAt)}</dd>
                      <dt>{t('cert.codeLabel')}</dt><dd><code>{v().code}</code></dd>
                    </dl>
                    <p><a href={certificatePdfHref(v().code)} target="_blank" rel="noopener">{t('cert.pdf')}</a></p>
                  </div>
                )}
              </Show>
            )}
          </Show>
        </Suspense>
      </ErrorBoundary>
      <p><A href="/">{t('nav.home')}</A></p>
    </section>
  )
}
