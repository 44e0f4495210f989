import { A, createAsync, useAction, useNavigate, useParams, useSearchParams, useSubmission } from '@solidjs/router'
import { Show } from 'solid-js'
import { createStore } from 'solid-js/store'
import { ApiError, fieldErrors } from '../api/client'
import { getContest, getUnits } from '../api/contests'
import { register } from '../api/session'
import { Field, FormError } from '../components/field'
import { UnitPicker } from '../components/unit-picker'
import { t } from '../i18n'
import { checkRegister, toBody, type RegisterForm } from '../lib/register-check'
import { useTitle } from '../lib/title'

export default function RegisterPage() {
  const params = useParams<{ contestId: string }>()
  const [search] = useSearchParams()
  // Where to go once registered or signed in: back to the round's start screen when that is where they came from.
  const next = () => (typeof search.next === 'string' && search.next.startsWith('/') ? search.next : null)
  const navigate = useNavigate()
  const contest = createAsync(() => getContest(params.contestId))
  const units = createAsync(async () => (contest() ? getUnits(contest()!.id) : []))
  const [form, setForm] = createStore<RegisterForm>({ fullName: '', dateOfBirth: '', phone: '', nationalId: '', position: '', unitId: '', password: '', password2: '', consent: false })
  const [errors, setErrors] = createStore<Record<string, string | undefined>>({})
  const doRegister = useAction(register)
  const submission = useSubmission(register)
  useTitle(() => t('reg.title'))

  const serverError = () => {
    const err = submission.error
    if (!err || (err instanceof ApiError && err.code === 'VALIDATION_FAILED' && Object.keys(fieldErrors(err)).length)) return undefined
    return err instanceof ApiError && err.code === 'DUPLICATE_PERSON' ? t('reg.duplicate') : err instanceof Error ? err.message : t('common.error')
  }
  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault()
    const found = checkRegister(form)
    setErrors((prev) => Object.fromEntries([...Object.keys(prev).map((k) => [k, undefined]), ...Object.entries(found)]))
    if (Object.keys(found).length) {
      document.querySelector<HTMLElement>('[aria-invalid="true"], .invalid input')?.focus()
      return
    }
    try {
      await doRegister(toBody(form))
      navigate(next() ?? `/cuoc-thi/${contest()!.slug}`)
    } catch (err) {
      setErrors(fieldErrors(err))
    }
  }
  const set = (k: keyof RegisterForm) => (v: string) => { setForm(k, v); setErrors(k, undefined) }

  return (
    <section class="page narrow">
      <h1>{t('reg.title')}</h1>
      <Show when={contest()}>{(c) => <p class="muted">{c().title}</p>}</Show>
      <form onSubmit={onSubmit} novalidate>
        <FormError message={Object.values(errors).some(Boolean) ? t('reg.fix') : undefined} />
        <FormError message={serverError()}>
          <Show when={submission.error instanceof ApiError && submission.error.code === 'DUPLICATE_PERSON'}>
            {' '}<A href={`/dang-nhap?next=${encodeURIComponent(next() ?? `/cuoc-thi/${params.contestId}`)}`}>{t('nav.signIn')}</A>
          </Show>
        </FormError>
        <Field id="fullName" label={t('reg.fullName')} value={form.fullName} onInput={set('fullName')} error={errors.fullName} autocomplete="name" required />
        {/* Typed as dd/mm/yyyy, not type="date": a date picker follows the browser's language (mm/dd/yyyy in English). */}
        <Field id="dateOfBirth" label={t('reg.dob')} hint={t('reg.dobHint')} inputmode="numeric" placeholder="dd/mm/yyyy" value={form.dateOfBirth} onInput={set('dateOfBirth')} error={errors.dateOfBirth} autocomplete="bday" required />
        <Field id="phone" label={t('reg.phone')} type="tel" inputmode="tel" value={form.phone} onInput={set('phone')} error={errors.phone} autocomplete="tel" required />
        <Field id="nationalId" label={t('reg.nationalId')} inputmode="numeric" value={form.nationalId} onInput={set('nationalId')} error={errors.nationalId} />
        <Show when={units()}>
          {(list) => <UnitPicker id="unitId" label={t('reg.unit')} units={list()} value={form.unitId || null} onChange={set('unitId')} error={errors.unitId} />}
        </Show>
        <Field id="position" label={t('reg.position')} value={form.position} onInput={set('position')} error={errors.position} autocomplete="organization-title" />
        <Field id="password" label={t('reg.password')} type="password" value={form.password} onInput={set('password')} error={errors.password} autocomplete="new-password" required />
        <Field id="password2" label={t('reg.password2')} type="password" value={form.password2} onInput={set('password2')} error={errors.password2} autocomplete="new-password" required />
        <fieldset class="consent" classList={{ invalid: !!errors.consent }}>
          <legend>{t('reg.consentTitle')}</legend>
          <p class="small">{t('reg.consentText')}</p>
          <label class="check">
            <input type="checkbox" id="consent" checked={form.consent} aria-invalid={errors.consent ? 'true' : undefined}
              aria-describedby={errors.consent ? 'consent-error' : undefined}
              onChange={(e) => { setForm('consent', e.currentTarget.checked); setErrors('consent', undefined) }} />
            <span>{t('reg.consent')}</span>
          </label>
          <Show when={errors.consent}><p class="error" id="consent-error" role="alert">{errors.consent}</p></Show>
        </fieldset>
        <button type="submit" class="primary block" disabled={submission.pending}>{submission.pending ? t('reg.submitting') : t('reg.submit')}</button>
        <p>{t('contest.haveAccount')} <A href={`/dang-nhap?next=${encodeURIComponent(next() ?? `/cuoc-thi/${params.contestId}`)}`}>{t('nav.signIn')}</A></p>
      </form>
    </section>
  )
}
