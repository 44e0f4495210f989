import { useAction, useNavigate, useSearchParams, useSubmission } from '@solidjs/router'
import { createSignal } from 'solid-js'
import { isStaff, signIn } from '../api/session'
import { Field, FormError } from '../components/field'
import { t } from '../i18n'
import { useTitle } from '../lib/title'

export default function SignInPage() {
  const [search] = useSearchParams()
  const navigate = useNavigate()
  const [identifier, setIdentifier] = createSignal('')
  const [password, setPassword] = createSignal('')
  useTitle(() => t('signIn.title'))
  const doSignIn = useAction(signIn)
  const submission = useSubmission(signIn)
  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault()
    const user = await doSignIn(identifier(), password()).catch(() => null)
    if (!user) return
    const next = typeof search.next === 'string' && search.next.startsWith('/') ? search.next : null
    // A coordinator's home is their units' page; the console is not theirs.
    navigate(next ?? (user.role === 'coordinator' ? '/dieu-phoi' : isStaff(user.role) ? '/quan-tri' : '/'))
  }
  return (
    <section class="page narrow">
      <h1>{t('signIn.title')}</h1>
      <form onSubmit={onSubmit}>
        <FormError message={submission.error instanceof Error ? submission.error.message : undefined} />
        <Field id="identifier" label={t('signIn.identifier')} hint={t('signIn.staffHint')} value={identifier()} onInput={setIdentifier} autocomplete="username" required />
        <Field id="password" label={t('signIn.password')} type="password" value={password()} onInput={setPassword} autocomplete="current-password" required />
        <button type="submit" class="primary block" disabled={submission.pending}>{t('signIn.submit')}</button>
      </form>
      <p class="muted">{t('signIn.forgot')}</p>
      <p>{t('signIn.noAccount')} <a href="/">{t('nav.register')}</a></p>
    </section>
  )
}
