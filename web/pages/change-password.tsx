import { useAction, useSubmission } from '@solidjs/router'
import { createSignal, Show } from 'solid-js'
import { changePassword } from '../api/session'
import { Field, FormError } from '../components/field'
import { t } from '../i18n'
import { useTitle } from '../lib/title'

export default function ChangePasswordPage() {
  const [current, setCurrent] = createSignal('')
  const [next, setNext] = createSignal('')
  const [again, setAgain] = createSignal('')
  const [localError, setLocalError] = createSignal<string>()
  useTitle(() => t('pw.title'))
  const doChange = useAction(changePassword)
  const submission = useSubmission(changePassword)
  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault()
    setLocalError(next().length < 6 ? t('pw.new') : next() !== again() ? t('reg.mismatch') : undefined)
    if (localError()) return
    await doChange(current(), next()).then(() => { setCurrent(''); setNext(''); setAgain('') }).catch(() => undefined)
  }
  return (
    <section class="page narrow">
      <h1>{t('pw.title')}</h1>
      <form onSubmit={onSubmit}>
        <FormError message={localError() ?? (submission.error instanceof Error ? submission.error.message : undefined)} />
        <Show when={submission.result?.ok && !submission.pending}><p class="alert ok" role="status">{t('pw.done')}</p></Show>
        <Field id="currentPassword" label={t('pw.current')} type="password" value={current()} onInput={setCurrent} autocomplete="current-password" required />
        <Field id="newPassword" label={t('pw.new')} type="password" value={next()} onInput={setNext} autocomplete="new-password" required />
        <Field id="newPassword2" label={t('pw.confirm')} type="password" value={again()} onInput={setAgain} autocomplete="new-password" required />
        <button type="submit" class="primary block" disabled={submission.pending}>{t('pw.submit')}</button>
      </form>
    </section>
  )
}
