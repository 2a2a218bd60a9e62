// The complaints list's filter lives in the URL (?status=ready&sort=filed&page=2),
// so going back from a complaint returns to the same page, filters and order.
import { COMPLAINT_STATUSES, PLATFORMS } from './enums'
import type { ComplaintFilter } from './ipc/bindings'

export const COMPLAINT_PAGE_SIZE = 100
export const COMPLAINT_SORTS = ['created', 'filed', 'listings', 'status'] as const
export type ComplaintSort = (typeof COMPLAINT_SORTS)[number]

/** Newest first unless the user sorts otherwise. */
const DEFAULT_SORT: ComplaintSort = 'created'

export function filterFromParams(p: URLSearchParams): ComplaintFilter {
  const page = Math.max(1, Math.floor(Number(p.get('page'))) || 1)
  const sort = COMPLAINT_SORTS.find((s) => s === p.get('sort'))
  return {
    status: COMPLAINT_STATUSES.find((s) => s === p.get('status')) ?? null,
    platform: PLATFORMS.find((s) => s === p.get('platform')) ?? null,
    right_id: p.get('right') || null,
    assignee: p.get('assignee') || null,
    sort: sort ?? DEFAULT_SORT,
    descending: sort ? p.get('desc') === '1' : true,
    offset: (page - 1) * COMPLAINT_PAGE_SIZE,
    limit: COMPLAINT_PAGE_SIZE,
  }
}

export interface FilterChange {
  status?: string | null
  platform?: string | null
  right?: string | null
  assignee?: string | null
  /** null: back to the default order. */
  sort?: { key: ComplaintSort; descending: boolean } | null
  page?: number
}

/** New search params: any filter or sort change goes back to page 1. */
export function applyChange(prev: URLSearchParams, c: FilterChange): URLSearchParams {
  const next = new URLSearchParams(prev)
  const set = (k: string, v: string | null | undefined) => {
    if (v === undefined) return
    if (v === null || v === '') next.delete(k)
    else next.set(k, v)
  }
  set('status', c.status)
  set('platform', c.platform)
  set('right', c.right)
  set('assignee', c.assignee)
  if (c.sort !== undefined) {
    set('sort', c.sort ? c.sort.key : null)
    set('desc', c.sort?.descending ? '1' : null)
  }
  if (c.page !== undefined) set('page', c.page > 1 ? String(c.page) : null)
  else next.delete('page')
  return next
}

export const hasFilters = (f: ComplaintFilter) => !!(f.status || f.platform || f.right_id || f.assignee)
