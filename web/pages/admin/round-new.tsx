import { A, createAsync, useAction, useNavigate, useParams, useSubmission } from '@solidjs/router'
import { createRound, getAdminContest } from '../../api/admin'
import { errorMessage } from '../../api/client'
import { RoundForm } from './round-form'

export default function RoundNew() {
  const params = useParams<{ contestId: string }>()
  const contest = createAsync(() => getAdminContest(params.contestId))
  const create = useAction(createRound)
  const sub = useSubmission(createRound)
  const navigate = useNavigate()
  return (
    <section class="page">
      <p class="small"><A href={`/quan-tri/cuoc-thi/${params.contestId}`}>‹ {contest()?.title ?? 'Cuộc thi'}</A></p>
      <h1>Tạo đợt thi</h1>
      <RoundForm busy={!!sub.pending} error={sub.error ? errorMessage(sub.error) : undefined} submitLabel="Tạo đợt thi"
        onSubmit={(body) => void create(params.contestId, body).then(() => navigate(`/quan-tri/cuoc-thi/${params.contestId}`), () => undefined)} />
    </section>
  )
}
