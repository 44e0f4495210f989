import { all, get, type Program } from '../../db/program'
import type { CoordinatorOverview } from '../schemas/wire'
import { chooseRound, contestRounds } from './unit-members'
import type { CoordinatorScope } from './coordinator-scope'


// The coordinator's tree with, per unit, its members (registered in it or below) and how many of them
// finished an attempt in the round: a subtree's figures roll up, as on the units board.
export function* coordinatorOverview(scope: CoordinatorScope, roundId: string | undefined, now: number): Program<CoordinatorOverview> {
  const contest = (yield* get<{ id: string; title: string }>('SELECT id, title FROM contests WHERE id = ?', scope.contestId))!
  const { rounds, current } = yield* contestRounds(scope.contestId, now)
  const round = chooseRound(rounds, current, roundId)
  const direct = yield* all<{ unitId: string; total: number; took: number }>(`SELECT pu.unit_id AS "unitId", COUNT(*) AS total, COUNT(f.participant_id) AS took
    FROM participant_units pu
    LEFT JOIN (SELECT DISTINCT participant_id FROM attempts WHERE round_id = ? AND status <> 'in_progress') f ON f.participant_id = pu.participant_id
    WHERE pu.contest_id = ? GROUP BY pu.unit_id`, round?.id ?? '', scope.contestId)
  const sums = new Map(scope.units.map((u) => [u.id, { total: 0, took: 0 }]))
  for (const d of direct) {
    const at = scope.tree.index.get(d.unitId)
    if (at === undefined) continue
    for (const up of scope.tree.ancestors[at]) {
      const sum = sums.get(scope.all[up].id)
      if (!sum) continue
      sum.total += Number(d.total)
      sum.took += Number(d.took)
    }
  }
  return {
    contest, rootUnitId: scope.rootId, rounds, currentRoundId: current?.id ?? null, round,
    units: scope.units.map((u) => ({
      id: u.id, code: u.code, name: u.name, parentId: u.id === scope.rootId ? null : u.parentId, headcount: u.effectiveHeadcount, ...sums.get(u.id)!,
    })),
  }
}
