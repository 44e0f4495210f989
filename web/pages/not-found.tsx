import { A } from '@solidjs/router'
import { t } from '../i18n'

export default function NotFound() {
  return (
    <section class="page">
      <h1>{t('common.notFound')}</h1>
      <p><A href="/">{t('nav.home')}</A></p>
    </section>
  )
}
