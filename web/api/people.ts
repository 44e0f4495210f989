import { action, query } from '@solidjs/router'
import type { CorrectPersonInput } from '../../api/schemas/people'
import { call, client } from './client'

// The console's contest dashboard and people list (issue 15). Loaded only by /quan-tri pages.
export type PeopleFilters = {
  unitId?: string; from?: string; to?: string; took?: 'yes' | 'no'; roundId?: string; q?: string
  sort?: 'name' | 'registeredAt' | 'unit' | 'attempts'; order?: 'asc' | 'desc'; limit?: number; offset?: number
}

// The filters as the query sends them: empty ones left out, numbers as text.
type AsQuery<F> = { [K in keyof F]: F[K] extends number | undefined ? string | undefined : F[K] }
const peopleQuery = (f: PeopleFilters) => {
  const q: Record<string, string> = {}
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') q[k] = String(v)
  return q as AsQuery<PeopleFilters>
}
export const peopleSearch = (f: PeopleFilters) => new URLSearchParams(peopleQuery(f)).toString()

const contest = client.admin.contests[':contestId']
const person = client.admin.participants[':participantId']

export const getDashboard = query(async (contestId: string) => call(() => contest.dashboard.$get({ param: { contestId } })), 'contest-dashboard')
export const listPeople = query(async (contestId: string, f: PeopleFilters) =>
  call(() => contest.people.$get({ param: { contestId }, query: peopleQuery(f) })), 'people-list')
export const getPerson = query(async (participantId: string) => call(() => person.$get({ param: { participantId } })), 'person')

// The export is a file download: a plain link with the list's filters (sort and page do not apply).
export const peopleExportHref = (contestId: string, format: 'csv' | 'xlsx', f: PeopleFilters) => {
  const { sort: _s, order: _o, limit: _l, offset: _f, ...filter } = f
  return `/api/admin/contests/${contestId}/people.${format}?${peopleSearch(filter)}`
}

export const correctPerson = action(async (participantId: string, input: CorrectPersonInput) =>
  call(() => person.$patch({ param: { participantId }, json: input })), 'correct-person')
