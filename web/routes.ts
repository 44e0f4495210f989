import type { RouteDefinition } from '@solidjs/router'
import { lazy } from 'solid-js'
import { getAttempt, getMyAttempts } from './api/attempts'
import { getContest, getContests } from './api/contests'
import { getMe } from './api/session'

// Each page is its own chunk; the console's pages sit under /quan-tri and never load for participants.
export const routes: RouteDefinition[] = [
  { path: '/', component: lazy(() => import('./pages/home')), preload: () => { void getContests() } },
  { path: '/cuoc-thi/:contestId', component: lazy(() => import('./pages/contest')), preload: (a) => { void getContest(a.params.contestId!); void getMe() } },
  { path: '/cuoc-thi/:contestId/dang-ky', component: lazy(() => import('./pages/register')) },
  { path: '/cuoc-thi/:contestId/don-vi', component: lazy(() => import('./pages/choose-unit')) },
  { path: '/dang-nhap', component: lazy(() => import('./pages/sign-in')) },
  { path: '/doi-mat-khau', component: lazy(() => import('./pages/change-password')) },
  { path: '/dot-thi/:roundId/vao-thi', component: lazy(() => import('./pages/start-round')) },
  { path: '/luot-thi/:attemptId', component: lazy(() => import('./pages/attempt')), preload: (a) => { void getAttempt(a.params.attemptId!) } },
  { path: '/luot-thi-cua-toi', component: lazy(() => import('./pages/my-attempts')), preload: () => { void getMyAttempts() } },
  { path: '/bang-xep-hang/dot/:roundId', component: lazy(() => import('./pages/round-leaderboard')) },
  { path: '/bang-xep-hang/cuoc-thi/:contestId', component: lazy(() => import('./pages/contest-leaderboard')) },
  { path: '/chung-nhan/:code', component: lazy(() => import('./pages/certificate')) },
  {
    path: '/quan-tri',
    component: lazy(() => import('./pages/admin/layout')),
    children: [
      { path: '/', component: lazy(() => import('./pages/admin/contests')) },
      { path: '/cuoc-thi/:contestId', component: lazy(() => import('./pages/admin/contest')) },
      { path: '/cuoc-thi/:contestId/don-vi', component: lazy(() => import('./pages/admin/units')) },
      { path: '/cuoc-thi/:contestId/tong-quan', component: lazy(() => import('./pages/admin/dashboard')) },
      { path: '/cuoc-thi/:contestId/dot-moi', component: lazy(() => import('./pages/admin/round-new')) },
      { path: '/dot/:roundId', component: lazy(() => import('./pages/admin/round-edit')) },
      { path: '/dot/:roundId/cham', component: lazy(() => import('./pages/admin/judge')) },
      { path: '/cau-hoi', component: lazy(() => import('./pages/admin/questions')) },
      { path: '/cau-hoi/nhap', component: lazy(() => import('./pages/admin/import')) },
      { path: '/chu-de', component: lazy(() => import('./pages/admin/topics')) },
      { path: '/cau-hoi/moi', component: lazy(() => import('./pages/admin/question-new')) },
      { path: '/cau-hoi/:questionId', component: lazy(() => import('./pages/admin/question-edit')) },
      { path: '/phan-anh', component: lazy(() => import('./pages/admin/reports')) },
      { path: '/thi-sinh', component: lazy(() => import('./pages/admin/people')) },
      { path: '/thi-sinh/:participantId', component: lazy(() => import('./pages/admin/person')) },
      { path: '/nhan-su', component: lazy(() => import('./pages/admin/staff')) },
      { path: '/nhat-ky', component: lazy(() => import('./pages/admin/audit')) },
    ],
  },
  { path: '/dieu-phoi', component: lazy(() => import('./pages/coordinator/console')) },
  { path: '*', component: lazy(() => import('./pages/not-found')) },
]
