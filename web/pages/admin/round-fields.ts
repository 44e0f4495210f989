import type { PredictionTarget, RoundSummary, TiebreakKey } from '../../../api/schemas/wire'
import type { RoundBody } from '../../api/admin'
import { hanoiLocalToIso, isoToHanoiLocal } from '../../lib/format'
import type { BlueprintRow } from './bank-counts'
import type { Prize } from './prize-editor'

export type RoundFormState = {
  title: string; opensAt: string; closesAt: string; freezeAt: string; questionCount: number; minutes: number
  maxAttempts: string; graceSec: number; predictionOn: boolean; target: PredictionTarget
  tiebreak: (TiebreakKey | '')[]; prizes: Prize[]; unitPrizes: Prize[]; blueprint: BlueprintRow[]; reviewKeys: 'protect' | 'show'
}

export const TIEBREAK_LABEL: Record<TiebreakKey, string> = {
  prediction: 'Sai số câu dự đoán (nhỏ hơn xếp trên)', duration: 'Thời gian làm bài (ngắn hơn xếp trên)', submittedAt: 'Thời điểm nộp (sớm hơn xếp trên)',
}

// A new round defaults to the usual weekly shape (SPEC §2): open now for a week, 20 questions in 15 minutes, 3 attempts.
export function initialState(r?: RoundSummary): RoundFormState {
  const now = Date.now()
  return {
    title: r?.title ?? '', opensAt: isoToHanoiLocal(r?.opensAt ?? now), closesAt: isoToHanoiLocal(r?.closesAt ?? now + 7 * 86_400_000),
    freezeAt: r?.freezeAt ? isoToHanoiLocal(r.freezeAt) : '', questionCount: r?.questionCount ?? 20, minutes: r ? r.timeLimitSec / 60 : 15,
    maxAttempts: r ? (r.maxAttempts == null ? '' : String(r.maxAttempts)) : '3', graceSec: r?.graceSec ?? 3,
    predictionOn: r?.prediction.enabled ?? false, target: r?.prediction.target ?? 'participants',
    tiebreak: r ? [...r.tiebreak, '' as const, '' as const, '' as const].slice(0, 3) : ['prediction', 'duration', 'submittedAt'],
    prizes: r ? r.prizes.map((p) => ({ name: p.name, count: p.count, ...(p.minScore != null ? { minScore: String(p.minScore).replace('.', ',') } : {}) })) : [{ name: 'Giải Nhất', count: 1 }, { name: 'Giải Nhì', count: 2 }, { name: 'Giải Ba', count: 3 }, { name: 'Giải Khuyến khích', count: 10 }],
    unitPrizes: r?.unitPrizes ?? [],
    blueprint: (r?.blueprint ?? []).map((b) => ({ topic: b.topic ?? '', difficulty: b.difficulty ?? '', count: b.count })),
    reviewKeys: r?.reviewKeys ?? 'protect',
  }
}

// "7,5" or "7.5"; anything else not empty goes to the server as NaN (sent as null) and comes back as a 400.
const minScoreOf = (text?: string) => (text?.trim() ? { minScore: Number(text.trim().replace(',', '.')) } : {})

export function toBody(s: RoundFormState): RoundBody {
  const blueprint = s.blueprint.filter((b) => b.count > 0).map((b) => ({ ...(b.topic ? { topic: b.topic } : {}), ...(b.difficulty ? { difficulty: b.difficulty as 1 | 2 | 3 } : {}), count: b.count }))
  return {
    title: s.title.trim(), opensAt: hanoiLocalToIso(s.opensAt), closesAt: hanoiLocalToIso(s.closesAt),
    freezeAt: s.freezeAt ? hanoiLocalToIso(s.freezeAt) : null,
    questionCount: blueprint.length ? blueprint.reduce((n, b) => n + b.count, 0) : s.questionCount,
    timeLimitSec: Math.round(s.minutes * 60), maxAttempts: s.maxAttempts.trim() ? Number(s.maxAttempts) : null, graceSec: s.graceSec,
    prediction: s.predictionOn ? { enabled: true, target: s.target } : { enabled: false },
    tiebreak: s.tiebreak.filter((k): k is TiebreakKey => !!k),
    prizes: s.prizes.filter((p) => p.name.trim() && p.count > 0).map((p) => ({ name: p.name.trim(), count: p.count, ...minScoreOf(p.minScore) })),
    unitPrizes: s.unitPrizes.filter((p) => p.name.trim() && p.count > 0).map((p) => ({ name: p.name.trim(), count: p.count })),
    blueprint, reviewKeys: s.reviewKeys,
  }
}
