// Where in the change log each thing last changed, as far as this server has followed it. Caches derived
// from that data are keyed by these positions, so they refresh when, and only when, the log says so.
export class LogPositions {
  private rounds = new Map<string, number>() // disqualify, regrade, settings
  private finalizes = new Map<string, number>()
  private units = new Map<string, number>() // unit tree edits and unit moves, per contest
  private renamed = 0 // names corrected so far, any contest: pages show names

  names(): number {
    return this.renamed
  }

  nameChanged() {
    this.renamed++
  }

  round(roundId: string): number {
    return this.rounds.get(roundId) ?? 0
  }

  finalized(roundId: string): number {
    return this.finalizes.get(roundId) ?? 0
  }

  unitsOf(contestId: string): number {
    return this.units.get(contestId) ?? 0
  }

  setRound(roundId: string, seq: number) {
    this.rounds.set(roundId, seq)
  }

  setFinalized(roundId: string, seq: number) {
    this.finalizes.set(roundId, seq)
  }

  setUnits(contestId: string, seq: number) {
    this.units.set(contestId, seq)
  }
}
