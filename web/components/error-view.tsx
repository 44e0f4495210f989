import { A, useLocation } from '@solidjs/router'
import { createEffect, on, Show } from 'solid-js'
import { ApiError } from '../api/client'
import { t } from '../i18n'

// What a page shows when its data could not be loaded; leaving the page clears it.
export function ErrorView(props: { error: unknown; reset: () => void }) {
  const location = useLocation()
  createEffect(on(() => location.pathname, () => props.reset(), { defer: true }))
  const status = () => (props.error instanceof ApiError ? props.error.status : 0)
  return (
    <section class="page narrow">
      <Show when={status() === 401} fallback={
        <>
          <h1>{status() === 404 ? t('common.notFound') : t('common.error')}</h1>
          <Show when={status() !== 404}><p class="alert error" role="alert">{props.error instanceof Error ? props.error.message : String(props.error)}</p></Show>
          <p>
            <Show when={status() !== 404}><button type="button" onClick={() => props.reset()}>{t('common.retry')}</button> </Show>
            <A href="/">{t('nav.home')}</A>
          </p>
        </>
      }>
        <h1>{t('nav.signIn')}</h1>
        <p>{t('common.signInNeeded')}</p>
        <p><A class="button primary" href={`/dang-nhap?next=${encodeURIComponent(location.pathname)}`}>{t('nav.signIn')}</A></p>
      </Show>
    </section>
  )
}
