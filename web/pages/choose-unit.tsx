import { createAsync, useNavigate, useParams, useSearchParams } from '@solidjs/router'
import { createSignal, Show } from 'solid-js'
import { errorMessage } from '../api/client'
import { getContest, getUnits, setMyUnit } from '../api/contests'
import { FormError } from '../components/field'
import { UnitPicker } from '../components/unit-picker'
import { t } from '../i18n'
import { useTitle } from '../lib/title'

// An account is global; the unit is per contest, asked for on the first start in another contest (SPEC §2).
export default function ChooseUnitPage() {
  const params = useParams<{ contestId: string }>()
  const [search] = useSearchParams()
  const navigate = useNavigate()
  const contest = createAsync(() => getContest(params.contestId))
  const units = createAsync(async () => (contest() ? getUnits(contest()!.id) : []))
  const [unitId, setUnitId] = createSignal<string | null>(null)
  const [error, setError] = createSignal<string>()
  useTitle(() => t('unit.title'))
  const [busy, setBusy] = createSignal(false)
  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault()
    if (!unitId()) return setError(t('reg.unitRequired'))
    setBusy(true)
    try {
      await setMyUnit(contest()!.id, unitId()!)
      navigate(typeof search.next === 'string' && search.next.startsWith('/') ? search.next : `/cuoc-thi/${contest()!.slug}`)
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <section class="page narrow">
      <h1>{t('unit.title')}</h1>
      <Show when={contest()}>{(c) => <p class="muted">{c().title}</p>}</Show>
      <form onSubmit={onSubmit}>
        <FormError message={error()} />
        <Show when={units()}>{(list) => <UnitPicker id="unitId" label={t('reg.unit')} units={list()} value={unitId()} onChange={setUnitId} />}</Show>
        <button type="submit" class="primary block" disabled={busy()}>{t('unit.save')}</button>
      </form>
    </section>
  )
}
