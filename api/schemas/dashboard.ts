import type { RoundStatus } from './wire'

// GET /api/admin/contests/:contestId/dashboard (docs/api-extras.md). Days are Hà Nội calendar days.
export type DashboardDay = { day: string; registrations: number; attemptsStarted: number; attemptsFinished: number }
export type DashboardUnit = {
  unitId: string; unitName: string; parentId: string | null; depth: number
  registered: number; participants: number; headcount: number | null; participationRate: number | null
}
export type DashboardRound = {
  id: string; number: number; title: string; status: RoundStatus; opensAt: string; closesAt: string
  attempts: number; finished: number; participants: number; meanScore: number | null; maxScore: number | null
}
export type ContestDashboard = {
  contest: { id: string; title: string }
  days: DashboardDay[]
  units: DashboardUnit[] // furthest behind first
  rounds: DashboardRound[]
}
