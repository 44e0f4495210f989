// Strings numbered in the order first met, so a typed-array column can hold one (a unit id) per row as
// a small integer.
export class NumberedStrings {
  private values: string[] = []
  private numbers = new Map<string, number>()

  numberOf(value: string): number {
    let n = this.numbers.get(value)
    if (n === undefined) {
      n = this.values.push(value) - 1
      this.numbers.set(value, n)
    }
    return n
  }

  // The string numbered n; '' for a number never given (a column's -1 for "none").
  at(n: number): string {
    return this.values[n] ?? ''
  }
}
