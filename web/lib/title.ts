import { createEffect } from 'solid-js'
import { t } from '../i18n'

// Each screen names itself in the tab and for screen readers announcing the page.
export function useTitle(text: () => string | undefined) {
  createEffect(() => {
    const s = text()
    document.title = s ? `${s} · ${t('app.name')}` : t('app.name')
  })
}
