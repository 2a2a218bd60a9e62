// The rules' data (choices, limits, the platform table, status moves) is
// generated from Rust into bindings.ts; this module only re-exports it and
// answers questions about it. No list or limit is written here.
import { COMPLAINT_MOVES, EDITABLE_STATUSES, PLATFORM_TABLE, REQUIRED_FIELDS } from './ipc/bindings'
import type { ComplaintStatus, Platform, Programme } from './ipc/bindings'

export {
  ACCOUNT_LOCATIONS,
  ACCOUNT_ROLES,
  ACCOUNT_STATUSES,
  AGENT_KINDS,
  CALENDARS,
  COMPLAINT_MOVES,
  COMPLAINT_REASONS,
  COMPLAINT_STATUSES,
  COMPLAINT_TARGETS,
  COUNTER_DECISIONS,
  COUNTER_GROUNDS,
  DEADLINE_BUCKETS,
  DOC_KINDS,
  DONE_WHEN,
  ENFORCEMENT_DIMS,
  EVIDENCE_KINDS,
  EVIDENCE_OWNERS,
  EXPIRY_FLAGS,
  GOOD_FAITH_COUNTER_MAX,
  GOOD_FAITH_TAKEDOWN_MIN,
  HOLDER_KINDS,
  LISTING_OUTCOMES,
  MARK_TYPES,
  MAX_COUNTER_ROUND,
  MAX_EXTENSION_DAYS,
  MAX_EXPLANATION_CHARS,
  MAX_LISTINGS_LIMIT,
  MAX_STATEMENT_CHARS,
  NICE_CLASSES,
  NUMBERED_RIGHT_KINDS,
  OFFSET_UNITS,
  PLATFORMS,
  PLATFORM_TABLE,
  PROGRAMMES,
  RED_FLAGS,
  REG_STATES,
  RIGHT_KINDS,
  SELLER_BADGES,
  SHARED_IDENTIFIERS,
  TRIGGER_EVENTS,
} from './ipc/bindings'
export type { DeadlineBucket } from './ipc/bindings'

/** The programme a platform's complaints go through, from the platform table. */
export function programmeOf(p: Platform): Programme {
  return PLATFORM_TABLE.find((row) => row.platform === p)?.programme ?? 'other'
}

/** Complaints can be deleted (and their listings changed) only before filing. */
export const isEditableStatus = (s: ComplaintStatus) => EDITABLE_STATUSES.includes(s)

/** Whether a complaint in status `from` may be moved to `to` by a plain status change. */
export const canMove = (from: ComplaintStatus, to: ComplaintStatus) => COMPLAINT_MOVES[from].includes(to)

/** Whether a form marks `field` as required: the backend refuses an empty draft for it. */
export function isRequired(form: keyof typeof REQUIRED_FIELDS, field: string): boolean {
  return REQUIRED_FIELDS[form].includes(field)
}
