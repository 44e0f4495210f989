import type { UnitsLeaderboardEntry } from '../schemas/wire'
import { LockedBoards } from './locked-board'
import { LogPositions } from './log-positions'
import { NameBook } from './name-book'
import { RoundBoards, type RoundBoard } from './round-board'
import { UnitNames } from './unit-names'

// What the read model is made of, handed to the functions that build its pages.
export type Parts = {
  boards: RoundBoards
  locked: LockedBoards
  names: NameBook
  unitNames: UnitNames
  positions: LogPositions
  // A board's unit ranking, kept until the board or the contest's units move.
  unitRanks: WeakMap<RoundBoard, { version: string; ranked: UnitsLeaderboardEntry[] }>
}

export function createParts(): Parts {
  const positions = new LogPositions()
  const names = new NameBook()
  const boards = new RoundBoards()
  const locked = new LockedBoards(names, boards, (roundId) => positions.finalized(roundId))
  return { boards, locked, names, unitNames: new UnitNames(positions), positions, unitRanks: new WeakMap() }
}
