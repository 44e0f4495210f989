import { Hono } from 'hono'
import type { AppEnv } from '../app-env'
import { attemptsRoutes } from './attempts'
import { auditRoutes } from './audit'
import { certificatesRoutes } from './certificates'
import { contestsRoutes } from './contests'
import { coordinatorRoutes } from './coordinator'
import { itemStatsRoutes } from './item-stats'
import { judgingRoutes } from './judging'
import { leaderboardsRoutes } from './leaderboards'
import { meRoutes } from './me'
import { peopleRoutes } from './people'
import { questionsRoutes } from './questions'
import { resultsRoutes } from './results'
import { roundsRoutes } from './rounds'
import { sessionsRoutes } from './sessions'
import { staffRoutes } from './staff'
import { topicsRoutes } from './topics'
import { unitsRoutes } from './units'

// Every route, by resource: each file holds its resource's whole paths (public, /admin and /coordinator)
// with a role guard on each handler. No two files hold paths one request could match both of
// (tests/structure/route-resources.test.ts), so no route depends on which file is mounted first.
export const resources = {
  sessions: sessionsRoutes, me: meRoutes, contests: contestsRoutes, rounds: roundsRoutes, leaderboards: leaderboardsRoutes,
  attempts: attemptsRoutes, judging: judgingRoutes, itemStats: itemStatsRoutes, results: resultsRoutes, certificates: certificatesRoutes,
  questions: questionsRoutes, topics: topicsRoutes, units: unitsRoutes, people: peopleRoutes, staff: staffRoutes,
  coordinator: coordinatorRoutes, audit: auditRoutes,
}

export const routesByResource = new Hono<AppEnv>()
  .route('/', sessionsRoutes)
  .route('/', meRoutes)
  .route('/', contestsRoutes)
  .route('/', roundsRoutes)
  .route('/', leaderboardsRoutes)
  .route('/', attemptsRoutes)
  .route('/', judgingRoutes)
  .route('/', itemStatsRoutes)
  .route('/', resultsRoutes)
  .route('/', certificatesRoutes)
  .route('/', questionsRoutes)
  .route('/', topicsRoutes)
  .route('/', unitsRoutes)
  .route('/', peopleRoutes)
  .route('/', staffRoutes)
  .route('/', coordinatorRoutes)
  .route('/', auditRoutes)
