import type {
  CalendarId,
  CounterDecision,
  CounterGround,
  DoneWhen,
  EnforcementDim,
  OffsetUnit,
  TriggerEvent,
  AccountLocation,
  AccountRole,
  AccountStatus,
  AgentKind,
  ComplaintReason,
  ComplaintStatus,
  ComplaintTarget,
  DocumentKind,
  ExpiryFlag,
  HolderKind,
  ListingOutcome,
  MarkType,
  OwnerKind,
  Platform,
  Programme,
  ProgrammeRightState,
  RedFlag,
  RightKind,
  SharedIdentifier,
} from './ipc/bindings'

export const HOLDER_KINDS: HolderKind[] = ['company', 'individual']
export const AGENT_KINDS: AgentKind[] = ['law_firm', 'person']
export const RIGHT_KINDS: RightKind[] = [
  'trademark',
  'patent_invention',
  'patent_utility_model',
  'patent_design',
  'copyright',
]
export const MARK_TYPES: MarkType[] = ['word', 'device', 'combined']
export const PROGRAMMES: Programme[] = ['alibaba_ipp', 'amazon_brand_registry', 'ebay_vero', 'other']
export const ACCOUNT_ROLES: AccountRole[] = ['rights_holder', 'authorized_agent']
export const ACCOUNT_LOCATIONS: AccountLocation[] = ['mainland_china', 'elsewhere']
export const ACCOUNT_STATUSES: AccountStatus[] = [
  'not_started',
  'submitted',
  'verified',
  'rejected',
  'resubmitted',
]
export const EXPIRY_FLAGS: ExpiryFlag[] = ['no_expiry', 'ok', 'within90_days', 'within30_days', 'expired']
export const REG_STATES: ProgrammeRightState[] = ['submitted', 'approved', 'rejected', 'needs_new_proof']
export const DOC_KINDS: DocumentKind[] = [
  'business_registration',
  'id_card',
  'passport',
  'driving_licence',
  'power_of_attorney',
  'certificate',
  'renewal',
  'assignment',
  'change_certificate',
  'translation',
  'patent_evaluation',
  'other',
]
export const NICE_CLASSES: number[] = Array.from({ length: 45 }, (_, i) => i + 1)

// IPP step 3: complaints, listings, sellers, evidence.
export const PLATFORMS: Platform[] = [
  '1688',
  'aliexpress',
  'taobao',
  'tmall',
  'tmall-global',
  'alibaba',
  'lazada',
  'amazon',
  'ebay',
  'other',
]
/** The platforms Alibaba's IPP covers (Lazada belongs to Alibaba too). */
export const IPP_PLATFORMS: Platform[] = ['1688', 'aliexpress', 'taobao', 'tmall', 'tmall-global', 'alibaba', 'lazada']

/** The programme a platform's complaints go through (mirrors the Rust platform table). */
export function programmeOf(p: Platform): Programme {
  if (IPP_PLATFORMS.includes(p)) return 'alibaba_ipp'
  if (p === 'amazon') return 'amazon_brand_registry'
  if (p === 'ebay') return 'ebay_vero'
  return 'other'
}

export const COMPLAINT_STATUSES: ComplaintStatus[] = ['draft', 'ready', 'filed', 'closed']
export const COMPLAINT_TARGETS: ComplaintTarget[] = ['listings', 'storefront']
export const COMPLAINT_REASONS: ComplaintReason[] = [
  'trademark_infringement',
  'counterfeit',
  'unauthorized_image_use',
  'patent_infringement',
  'copyright_infringement',
  'model_does_not_exist',
  'other',
]
export const LISTING_OUTCOMES: ListingOutcome[] = ['pending', 'removed', 'rejected', 'reinstated', 'withdrawn']
export const RED_FLAGS: RedFlag[] = [
  'young_business',
  'few_staff',
  'no_delivery_guarantee',
  'low_rating',
  'no_factory',
  'repeat_infringer',
]
export const SHARED_IDENTIFIERS: SharedIdentifier[] = ['company_name', 'phone', 'address', 'wechat_id']
export const EVIDENCE_KINDS: DocumentKind[] = [
  'listing_screenshot',
  'comparison',
  'test_purchase_photo',
  'test_purchase_receipt',
  'appraisal_report',
  'web_archive',
  'other',
]
/** Records whose files are evidence (kind guessed from the name, capture facts recorded). */
export const EVIDENCE_OWNERS: OwnerKind[] = ['complaint', 'listing', 'seller', 'test_purchase', 'counter_notice']
/** Badges sellers show on 1688 and Alibaba.com; free text is allowed too. */
export const SELLER_BADGES = ['delivery_guarantee', 'verified_supplier', 'gold_supplier', 'trade_assurance']
/** Complaints can be deleted (and their listings changed) only before filing. */
export const isEditableStatus = (s: ComplaintStatus) => s === 'draft' || s === 'ready'
/** Status moves the backend allows by set_complaint_status (filing itself goes through file_complaint). */
export const COMPLAINT_MOVES: Record<ComplaintStatus, ComplaintStatus[]> = {
  draft: ['ready'],
  ready: ['draft'],
  filed: ['closed'],
  closed: ['filed'],
}

// IPP step 4: counter-notices, deadlines and the rules that set them.
export const COUNTER_GROUNDS: CounterGround[] = ['own_rights', 'authorized_reseller', 'genuine_goods', 'no_infringement', 'other']
export const COUNTER_DECISIONS: CounterDecision[] = ['takedown_upheld', 'reinstated']
export const TRIGGER_EVENTS: TriggerEvent[] = ['complaint_filed', 'counter_notice_received', 'right_expiry', 'poa_expiry']
export const OFFSET_UNITS: OffsetUnit[] = ['working_days', 'calendar_days']
export const CALENDARS: CalendarId[] = ['cn', 'us', 'weekdays']
export const DONE_WHEN: DoneWhen[] = ['manual', 'responded', 'decided']
export const ENFORCEMENT_DIMS: EnforcementDim[] = ['account', 'platform', 'reason']
/** The dashboard's deadline lists, as `open_deadlines` names them. */
export const DEADLINE_BUCKETS = ['overdue', 'today', 'week', 'open'] as const
export type DeadlineBucket = (typeof DEADLINE_BUCKETS)[number]
/** The good-faith programme's lines (domain.md): at least 90 % taken down, at most 5 % lost to counter-notices; generated from the domain's constants. */
export { GOOD_FAITH_COUNTER_MAX, GOOD_FAITH_TAKEDOWN_MIN } from './ipc/bindings'
