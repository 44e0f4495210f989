import { action, query } from '@solidjs/router'
import type { ContestDashboard } from '../../api/schemas/dashboard'
import type { CorrectPersonInput, PeoplePage, PersonDetail } from '../../api/schemas/people'
import { api } from './client'

// The console's contest dashboard and people list (issue 15). Loaded only by /quan-tri pages.
export type PeopleFilters = {
  unitId?: string; from?: string; to?: string; took?: 'yes' | 'no'; roundId?: string; q?: string
  sort?: 'name' | 'registeredAt' | 'unit' | 'attempts'; order?: 'asc' | 'desc'; limit?: number; offset?: number
}

export const peopleSearch = (f: PeopleFilters) => {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') params.set(k, String(v))
  return params.toString()
}

export const getDashboard = query(async (contestId: string) => api<ContestDashboard>('GET', `/admin/contests/${contestId}/dashboard`), 'contest-dashboard')
export const listPeople = query(async (contestId: string, f: PeopleFilters) =>
  api<PeoplePage>('GET', `/admin/contests/${contestId}/people?${peopleSearch(f)}`), 'people-list')
export const getPerson = query(async (participantId: string) => api<PersonDetail>('GET', `/admin/participants/${participantId}`), 'person')

// The export is a file download: a plain link with the list's filters (sort and page do not apply).
export const peopleExportHref = (contestId: string, format: 'csv' | 'xlsx', f: PeopleFilters) => {
  const { sort: _s, order: _o, limit: _l, offset: _f, ...filter } = f
  return `/api/admin/contests/${contestId}/people.${format}?${peopleSearch(filter)}`
}

export const correctPerson = action(async (participantId: string, input: CorrectPersonInput) =>
  api<PersonDetail & { changed: boolean }>('PATCH', `/admin/participants/${participantId}`, input), 'correct-person')
