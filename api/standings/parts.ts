import type { Db } from '../../db/client'
import type { UnitsLeaderboardEntry } from '../schemas/wire'
import { LockedBoards } from './locked-board'
import { LogPositions } from './log-positions'
import { NameBook } from './name-book'
import { RoundBoards, type RoundBoard } from './round-board'
import { UnitNames } from './unit-names'

// What the read model is made of, handed to the functions that build its pages.
export type Parts = {
  db: Db
  boards: RoundBoards
  locked: LockedBoards
  names: NameBook
  unitNames: UnitNames
  positions: LogPositions
  // A board's unit ranking, kept until the board or the contest's units move.
  unitRanks: WeakMap<RoundBoard, { version: string; ranked: UnitsLeaderboardEntry[] }>
}

export function createParts(db: Db): Parts {
  const positions = new LogPositions()
  const names = new NameBook(db)
  const boards = new RoundBoards(db)
  const locked = new LockedBoards(db, names, boards, (roundId) => positions.finalized(roundId))
  return { db, boards, locked, names, unitNames: new UnitNames(db, positions), positions, unitRanks: new WeakMap() }
}
