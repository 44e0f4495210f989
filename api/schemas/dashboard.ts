// GET /api/admin/contests/:contestId/dashboard (docs/api-extras.md): the shapes are the wire's schemas,
// so what the service builds and what the route describes cannot drift.
export type { ContestDashboard, DashboardDay, DashboardRound, DashboardUnit } from './wire'
