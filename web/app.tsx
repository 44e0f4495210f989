import { Router } from '@solidjs/router'
import { ErrorBoundary, Suspense } from 'solid-js'
import { ErrorView } from './components/error-view'
import { Shell } from './components/shell'
import { routes } from './routes'
import { t } from './i18n'

export function App() {
  return (
    <Router root={(props) => (
      <Shell>
        <ErrorBoundary fallback={(error, reset) => <ErrorView error={error} reset={reset} />}>
          <Suspense fallback={<p class="loading" role="status">{t('common.loading')}</p>}>{props.children}</Suspense>
        </ErrorBoundary>
      </Shell>
    )}>
      {routes}
    </Router>
  )
}
