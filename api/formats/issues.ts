import type { Collector, ImportIssue, Where } from './types'

// Messages carry their place in words too, so they read well when shown alone.
export function placeText(where: Where): string {
  if (where.row !== undefined && where.line !== undefined && where.row !== where.line) return `Hàng ${where.row} (dòng ${where.line})`
  if (where.row !== undefined) return `Hàng ${where.row}`
  if (where.line !== undefined) return `Dòng ${where.line}`
  return ''
}

export function issue(where: Where, message: string): ImportIssue {
  const place = placeText(where)
  const out: ImportIssue = { message: place ? `${place}: ${message}` : message }
  if (where.line !== undefined) out.line = where.line
  if (where.row !== undefined) out.row = where.row
  return out
}

export function addError(c: Collector, where: Where, message: string): void {
  c.errors.push(issue(where, message))
}

export function addWarning(c: Collector, where: Where, message: string): void {
  c.warnings.push(issue(where, message))
}

// An unsupported question: counted as skipped, with a warning saying why.
export function addSkip(c: Collector, where: Where, message: string): void {
  c.skipped++
  c.warnings.push(issue(where, message))
}

// Line numbers of offsets into one text: newline positions once, then a binary search per offset.
export function lineFinder(text: string): (offset: number) => number {
  const breaks: number[] = []
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i)
  return (offset) => {
    let lo = 0
    let hi = breaks.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (breaks[mid] < offset) lo = mid + 1
      else hi = mid
    }
    return lo + 1
  }
}
