import { normalizePhone } from './phone'

export type DuplicateCandidate = { id: string; nameFolded: string; dateOfBirth: string; unitId: string; phone: string }
export type DuplicateGroup = { key: string; participantIds: string[] }

// Same folded name, date of birth and unit under more than one phone: likely one person registered
// twice. Flagged for judges, never merged here.
export function likelyDuplicates(people: DuplicateCandidate[]): DuplicateGroup[] {
  const groups = new Map<string, { key: string; ids: string[]; phones: Set<string> }>()
  for (const p of people) {
    const name = p.nameFolded.trim().replace(/\s+/g, ' ')
    const id = JSON.stringify([name, p.dateOfBirth, p.unitId])
    let group = groups.get(id)
    if (!group) {
      group = { key: `${name}|${p.dateOfBirth}|${p.unitId}`, ids: [], phones: new Set() }
      groups.set(id, group)
    }
    if (!group.ids.includes(p.id)) group.ids.push(p.id)
    group.phones.add(normalizePhone(p.phone) ?? p.phone)
  }
  const out: DuplicateGroup[] = []
  for (const g of groups.values()) {
    if (g.phones.size > 1) out.push({ key: g.key, participantIds: g.ids })
  }
  return out
}
