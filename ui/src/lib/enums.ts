import type {
  AccountLocation,
  AccountRole,
  AccountStatus,
  AgentKind,
  DocumentKind,
  ExpiryFlag,
  HolderKind,
  MarkType,
  Programme,
  ProgrammeRightState,
  RightKind,
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
