// An in-memory fake of the Rust backend for unit tests (and for running the UI in a
// plain browser). Installed through Tauri's official IPC mock.
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import type {
  Account,
  AccountDraft,
  AccountStatus,
  AccountView,
  Agent,
  AgentDraft,
  AgentRow,
  AttachInput,
  AuditView,
  BatchRequest,
  BatchResult,
  BundleReport,
  Complaint,
  ComplaintDetail,
  ComplaintDraft,
  ComplaintFilter,
  ComplaintPage,
  ComplaintRef,
  ComplaintRow,
  ComplaintStatus,
  CounterDecisionInput,
  CounterNotice,
  CounterNoticeDraft,
  CounterNoticeView,
  CounterResponseInput,
  Dashboard,
  Deadline,
  DeadlineFilter,
  DeadlineRow,
  DeadlineRule,
  DeskError,
  DeskInfo,
  DocumentKind,
  DocumentView,
  EnforcementFigures,
  EnforcementQuery,
  EnforcementRow,
  ErrorCode,
  ExpiryFlag,
  FieldError,
  FileComplaintInput,
  FilingProblemView,
  GoodFaithCheck,
  GoodFaithLevel,
  HeldElsewhereView,
  Holder,
  HolderDetail,
  HolderDraft,
  HolderRow,
  ImportCounts,
  ImportProgress,
  ImportReport,
  ImportRequest,
  IpRight,
  JsonValue,
  LineReport,
  LinkSellersInput,
  LinkSuggestionView,
  Listing,
  ListingDetail,
  ListingOutcome,
  OutcomeInput,
  OwnerKind,
  PacketFor,
  PacketRequest,
  PacketResult,
  Platform,
  PlatformBacking,
  Person,
  PersonDraft,
  PoaDraft,
  PoaState,
  PoaView,
  PowerOfAttorney,
  Programme,
  ProgrammeRegistration,
  ProgrammeRegistrationDraft,
  RedFlag,
  RiskLevel,
  RightDetail,
  RightDraft,
  RightRow,
  SampleSummary,
  SearchHit,
  Seller,
  SellerDetail,
  SellerDraft,
  SellerRow,
  SharedIdentifier,
  StatusChange,
  StatusChangeInput,
  TaskDraft,
  TestPurchase,
  TestPurchaseDraft,
  TestPurchaseView,
  VerifyReport,
  VersionedRule,
} from '../lib/ipc/bindings'
import { normalizeUrl } from './mockUrls'

export interface MockState {
  today: string
  holders: Holder[]
  agents: Agent[]
  poas: PowerOfAttorney[]
  accounts: Account[]
  history: StatusChange[]
  rights: IpRight[]
  registrations: ProgrammeRegistration[]
  documents: DocumentView[]
  complaints: Complaint[]
  /** Which listings each complaint holds, in order, with each one's outcome. */
  complaintListings: ComplaintListing[]
  listings: Listing[]
  sellers: Seller[]
  groups: { id: string; name: string }[]
  testPurchases: TestPurchase[]
  maxListings: Partial<Record<Programme, number>>
  audit: (AuditView & { record_id: string })[]
  sampleLoaded: boolean
  /** Every call received: command name and arguments. */
  calls: { cmd: string; args: Record<string, unknown> }[]
  people: Person[]
  /** Every version of every deadline rule (the current one is the highest version per key). */
  rules: VersionedRule[]
  counterNotices: CounterNotice[]
  deadlines: Deadline[]
  /** The good-faith rates per account id (the mock does not derive them from outcomes). */
  rates: Record<string, { takedown: number | null; counter: number | null }>
  /** When set, app_info rejects with this error (simulates a database that failed to open). */
  openError: DeskError | null
  /** What the native open dialog "chooses" next (null: the user cancels). */
  dialogPaths: string[] | null
  /** Every evidence packet generated, newest last. */
  packets: PacketResult[]
  /** When set, generate_packet answers only once this settles (to see the progress state). */
  packetGate: Promise<void> | null
}

export interface ComplaintListing {
  complaint_id: string
  listing_id: string
  position: number
  outcome: ListingOutcome
  outcome_on: string | null
}

const NOW = '2025-06-01T08:00:00Z'
let counter = 0
const newId = () => {
  counter += 1
  return `00000000-0000-4000-8000-${counter.toString().padStart(12, '0')}`
}

function deskError(code: ErrorCode, message: string, fields: FieldError[] = []): DeskError {
  return { code, message, fields }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000)
}

const NEXT: Record<AccountStatus, AccountStatus[]> = {
  not_started: ['submitted'],
  submitted: ['verified', 'rejected'],
  rejected: ['resubmitted'],
  resubmitted: ['verified', 'rejected'],
  verified: [],
}

const ALIBABA_PLATFORMS: Platform[] = ['1688', 'aliexpress', 'taobao', 'tmall', 'tmall-global', 'alibaba']
const CHINA_ONLY: Platform[] = ['1688', 'taobao', 'tmall']

export function emptyState(): MockState {
  return {
    today: '2025-06-01',
    holders: [],
    agents: [],
    poas: [],
    accounts: [],
    history: [],
    rights: [],
    registrations: [],
    documents: [],
    complaints: [],
    complaintListings: [],
    listings: [],
    sellers: [],
    groups: [],
    testPurchases: [],
    maxListings: {},
    audit: [],
    sampleLoaded: false,
    calls: [],
    openError: null,
    dialogPaths: null,
    packets: [],
    packetGate: null,
    people: [],
    rules: DEFAULT_RULES.map((r) => ({ ...r, version: 1, changed_at: NOW, is_default: true })),
    counterNotices: [],
    deadlines: [],
    rates: {},
  }
}

/** A small data set with a Chinese-named company holder. */
export function seededState(): MockState {
  const s = emptyState()
  const h1: Holder = {
    id: newId(),
    created_at: NOW,
    updated_at: NOW,
    kind: 'company',
    legal_name: '深圳市星河科技有限公司',
    latin_name: 'Shenzhen Xinghe Technology Co., Ltd.',
    country: 'CN',
    registration_number: '91440300MA5XXXXXX1',
    address: '广东省深圳市南山区科技园',
    contact_email: 'ip@xinghe.example',
    notes: '',
  }
  const h2: Holder = {
    id: newId(),
    created_at: NOW,
    updated_at: NOW,
    kind: 'individual',
    legal_name: 'Anna Berg',
    latin_name: 'Anna Berg',
    country: 'SE',
    registration_number: '',
    address: 'Stockholm',
    contact_email: 'anna@berg.example',
    notes: '',
  }
  s.holders.push(h1, h2)
  const agent: Agent = {
    id: newId(),
    created_at: NOW,
    updated_at: NOW,
    kind: 'law_firm',
    name: 'Lin & Partners',
    country: 'CN',
    contact_email: 'desk@lin.example',
    notes: '',
  }
  s.agents.push(agent)
  s.poas.push({
    id: newId(),
    created_at: NOW,
    updated_at: NOW,
    holder_id: h1.id,
    agent_id: agent.id,
    scope: 'IPP registration and complaints',
    valid_from: '2025-01-01',
    valid_until: '2025-06-20',
    signatory_title: 'Legal representative',
    notes: '',
  })
  const r1: IpRight = {
    id: newId(),
    created_at: NOW,
    updated_at: NOW,
    kind: 'trademark',
    title: '星河',
    mark_type: 'word',
    registration_number: '12345678',
    jurisdiction: 'CN',
    designations: [],
    registrant_id: h1.id,
    nice_classes: [9, 35],
    filing_date: '2015-03-01',
    registration_date: '2016-05-07',
    expiry_date: '2026-05-06',
    notes: '',
  }
  s.rights.push(r1)
  s.registrations.push({
    id: newId(),
    updated_at: NOW,
    right_id: r1.id,
    programme: 'alibaba_ipp',
    state: 'approved',
    reference: 'IPP-001',
    submitted_on: '2025-02-01',
    decided_on: '2025-02-15',
    notes: '',
  })
  seedComplaints(s, h1.id, r1.id)
  return s
}

function sellerDraft(d: Partial<SellerDraft> & Pick<SellerDraft, 'platform' | 'store_name'>): SellerDraft {
  return {
    store_name_translation: '',
    store_id: '',
    store_url: '',
    company_name: '',
    location: '',
    phone: '',
    address: '',
    wechat_id: '',
    years_in_business: null,
    employee_count: null,
    office_size_m2: null,
    factory_size_m2: null,
    badges: [],
    rating: null,
    group_id: null,
    notes: '',
    ...d,
  }
}

function listingOf(platform: Platform, id: string, url: string, title: string, seller: Seller | null): Listing {
  return {
    id: newId(),
    platform,
    kind: 'listing',
    external_id: id,
    canonical_url: url,
    original_url: url,
    title,
    price: '¥59.00',
    seller_name: seller?.store_name ?? '',
    store_url: seller?.store_url ?? '',
    seller_id: seller?.id ?? null,
    notes: '',
    created_at: NOW,
  }
}

/**
 * A verified IPP account, three sellers (two sharing a company name) and
 * three complaints: a filable draft with two listings, a ready one with no
 * listings (filing is refused) and a filed one.
 */
function seedComplaints(s: MockState, holderId: string, rightId: string) {
  const account: Account = {
    id: newId(),
    status: 'verified',
    created_at: NOW,
    updated_at: NOW,
    holder_id: holderId,
    programme: 'alibaba_ipp',
    role: 'rights_holder',
    location: 'mainland_china',
    login_email: 'ipp@xinghe.example',
    contact_email: 'ip@xinghe.example',
    external_id: '',
    agent_id: null,
    poa_id: null,
    notes: '',
  }
  s.accounts.push(account)
  const seller = (d: Parameters<typeof sellerDraft>[0]): Seller => ({
    ...sellerDraft(d),
    id: newId(),
    created_at: NOW,
    updated_at: NOW,
  })
  const aurora = seller({
    platform: 'taobao',
    store_name: '极光数码专营店',
    store_name_translation: 'Aurora Digital Store',
    store_url: 'https://shop57301234.taobao.com',
    company_name: '深圳市极光贸易有限公司',
    years_in_business: 1,
    employee_count: 12,
    rating: 3.8,
  })
  const star = seller({
    platform: '1688',
    store_name: '义乌市星光饰品厂',
    store_name_translation: 'Yiwu Starlight Accessories Factory',
    company_name: '义乌市星光贸易有限公司',
    phone: '+86 579 8512 3456',
    years_in_business: 8,
    employee_count: 120,
    factory_size_m2: 3000,
    badges: ['delivery_guarantee'],
    rating: 4.7,
  })
  const twin = seller({
    platform: 'aliexpress',
    store_name: 'Starlight Global Store',
    company_name: '义乌市 星光贸易 有限公司',
    rating: 4.5,
  })
  s.sellers.push(aurora, star, twin)
  const l1 = listingOf('taobao', '610000000001', 'https://item.taobao.com/item.htm?id=610000000001', '星河 无线蓝牙耳机 降噪', aurora)
  const l2 = listingOf('taobao', '610000000002', 'https://item.taobao.com/item.htm?id=610000000002', '星河同款 充电盒', aurora)
  const l3 = listingOf('1688', '700000000003', 'https://detail.1688.com/offer/700000000003.html', '星河 耳机 批发', star)
  s.listings.push(l1, l2, l3)
  const draft = (d: Partial<ComplaintDraft>): ComplaintDraft => ({
    account_id: account.id,
    platform: 'taobao',
    right_id: rightId,
    target: 'listings',
    reason: 'counterfeit',
    explanation_en: '',
    explanation_zh: '',
    external_number: '',
    assignee: 'Li',
    notes: '',
    ...d,
  })
  const complaint = (id: string, status: ComplaintStatus, created: string, d: Partial<ComplaintDraft>, filed: string | null = null): Complaint => ({
    ...draft(d),
    id,
    status,
    filed_on: filed,
    listing_count: 0,
    created_at: created,
    updated_at: created,
  })
  // Fixed ids make the labels ("taobao 2025-05-20 #0a01") predictable in tests.
  const c1 = complaint('00000000-0000-4000-8000-c00000000a01', 'draft', '2025-05-20T08:00:00Z', {
    explanation_zh: '该商品使用了我方注册商标“星河”，属于假冒商品。',
  })
  const c2 = complaint('00000000-0000-4000-8000-c00000000a02', 'ready', '2025-05-22T08:00:00Z', { platform: '1688', assignee: 'Wang' })
  const c3 = complaint('00000000-0000-4000-8000-c00000000a03', 'filed', '2025-04-02T08:00:00Z', { external_number: 'IPP-2025-0417' }, '2025-04-03')
  s.complaints.push(c1, c2, c3)
  s.complaintListings.push(
    { complaint_id: c1.id, listing_id: l1.id, position: 1, outcome: 'pending', outcome_on: null },
    { complaint_id: c1.id, listing_id: l2.id, position: 2, outcome: 'pending', outcome_on: null },
    { complaint_id: c3.id, listing_id: l3.id, position: 1, outcome: 'removed', outcome_on: '2025-04-10' },
  )
  const evidence = (ownerKind: DocumentView['owner_kind'], ownerId: string, name: string, kind: DocumentKind, media: string): DocumentView => ({
    id: newId(),
    owner_kind: ownerKind,
    owner_id: ownerId,
    doc_kind: kind,
    sha256: `e${s.documents.length}`.padEnd(64, '0'),
    original_name: name,
    size: 182_000,
    media_type: media,
    added_at: '2025-04-02T09:00:00Z',
    captured_at: '2025-04-01T06:30:00Z',
    captured_by: 'Li',
    source_url: l3.canonical_url,
    notes: '',
  })
  s.documents.push(
    evidence('complaint', c3.id, '对比图-耳机.png', 'comparison', 'image/png'),
    evidence('complaint', c3.id, 'offer-700000000003.mhtml', 'web_archive', 'multipart/related'),
    evidence('listing', l3.id, 'screenshot-1688-offer.png', 'listing_screenshot', 'image/png'),
  )
  seedDeadlines(s, account.id, c3)
}

function record(s: MockState, action: string, entity: string, id: string, before: unknown, after: unknown) {
  s.audit.push({
    record_id: id,
    seq: s.audit.length + 1,
    at: NOW,
    action,
    entity,
    before: (before ?? null) as JsonValue | null,
    after: (after ?? null) as JsonValue | null,
    hash: `h${(s.audit.length + 1).toString(16).padStart(63, '0')}`,
  })
}

function validateHolder(d: HolderDraft): FieldError[] {
  const f: FieldError[] = []
  if (!d.legal_name || !d.legal_name.trim())
    f.push({ field: 'legal_name', code: 'required', message: 'The legal name is required.' })
  if (!/^[A-Z]{2}$/.test(d.country ?? ''))
    f.push({ field: 'country', code: 'invalid', message: 'Use a two-letter ISO country code.' })
  if (d.contact_email && !EMAIL.test(d.contact_email))
    f.push({ field: 'contact_email', code: 'email', message: 'Not an e-mail address.' })
  return f
}

function validateRight(s: MockState, d: RightDraft): FieldError[] {
  const f: FieldError[] = []
  if (!d.title?.trim()) f.push({ field: 'title', code: 'required', message: 'The title is required.' })
  if (!/^([A-Z]{2}|WIPO|EU)$/.test(d.jurisdiction ?? ''))
    f.push({ field: 'jurisdiction', code: 'invalid', message: 'Use a country code, WIPO or EU.' })
  if (!s.holders.some((h) => h.id === d.registrant_id))
    f.push({ field: 'registrant_id', code: 'not_found', message: 'Choose the registrant.' })
  if (d.nice_classes.some((n) => typeof n !== 'number' || n < 1 || n > 45))
    f.push({ field: 'nice_classes', code: 'out_of_range', message: 'Nice classes are 1 to 45.' })
  return f
}

function expiryFlag(s: MockState, r: IpRight): ExpiryFlag {
  if (!r.expiry_date) return 'no_expiry'
  const days = daysBetween(s.today, r.expiry_date)
  if (days < 0) return 'expired'
  if (days <= 30) return 'within30_days'
  if (days <= 90) return 'within90_days'
  return 'ok'
}

function poaState(s: MockState, p: PowerOfAttorney): PoaState {
  if (p.valid_from > s.today) return { state: 'not_yet_valid' }
  if (!p.valid_until) return { state: 'valid' }
  const left = daysBetween(s.today, p.valid_until)
  if (left < 0) return { state: 'expired' }
  if (left <= 30) return { state: 'expiring_soon', days_left: left }
  return { state: 'valid' }
}

function poaView(s: MockState, p: PowerOfAttorney): PoaView {
  return { ...p, agent_name: s.agents.find((a) => a.id === p.agent_id)?.name ?? '', state: poaState(s, p) }
}

function accountView(s: MockState, a: Account): AccountView {
  return {
    ...a,
    agent_name: a.agent_id ? (s.agents.find((x) => x.id === a.agent_id)?.name ?? null) : null,
    history: s.history.filter((h) => h.account_id === a.id),
    next_statuses: NEXT[a.status],
  }
}

function rightRow(s: MockState, r: IpRight): RightRow {
  return {
    ...r,
    registrant_name: s.holders.find((h) => h.id === r.registrant_id)?.legal_name ?? '',
    expiry: expiryFlag(s, r),
    registrations: s.registrations.filter((g) => g.right_id === r.id),
  }
}

function backing(s: MockState, r: IpRight): PlatformBacking[] {
  const expired = expiryFlag(s, r) === 'expired'
  const approved = s.registrations.some((g) => g.right_id === r.id && g.programme === 'alibaba_ipp' && g.state === 'approved')
  const inChina = r.jurisdiction === 'CN' || r.designations.includes('CN')
  return ALIBABA_PLATFORMS.map((platform) => ({
    platform,
    refused: expired ? 'expired' : !approved ? 'not_approved' : CHINA_ONLY.includes(platform) && !inChina ? 'not_valid_in_china' : null,
  }))
}

function find<T extends { id: string }>(list: T[], id: unknown, what: string): T {
  const x = list.find((e) => e.id === id)
  if (!x) throw deskError('not_found', `No ${what} with id ${String(id)}.`)
  return x
}

function handle(s: MockState, cmd: string, a: Record<string, unknown>): unknown {
  switch (cmd) {
    case 'app_info': {
      if (s.openError) throw s.openError
      const info: DeskInfo = { db_path: '/tmp/ippdesk/desk.sqlite', vault_dir: '/tmp/ippdesk/vault', schema_version: 1, today: s.today }
      return info
    }
    case 'list_holders':
      return s.holders.map(
        (h): HolderRow => ({
          ...h,
          rights_count: s.rights.filter((r) => r.registrant_id === h.id).length,
          accounts_count: s.accounts.filter((x) => x.holder_id === h.id).length,
        }),
      )
    case 'get_holder': {
      const h = find(s.holders, a.id, 'rights holder')
      const detail: HolderDetail = {
        holder: h,
        accounts: s.accounts.filter((x) => x.holder_id === h.id).map((x) => accountView(s, x)),
        poas: s.poas.filter((p) => p.holder_id === h.id).map((p) => poaView(s, p)),
        rights: s.rights.filter((r) => r.registrant_id === h.id).map((r) => rightRow(s, r)),
        documents: s.documents.filter((d) => d.owner_kind === 'holder' && d.owner_id === h.id),
      }
      return detail
    }
    case 'create_holder':
    case 'update_holder': {
      const d = a.draft as HolderDraft
      const fields = validateHolder(d)
      if (fields.length) throw deskError('validation', 'The rights holder has errors.', fields)
      if (cmd === 'create_holder') {
        const h: Holder = { ...d, id: newId(), created_at: NOW, updated_at: NOW }
        s.holders.push(h)
        record(s, 'create', 'holder', h.id, null, h)
        return h
      }
      const old = find(s.holders, a.id, 'rights holder')
      const h: Holder = { ...old, ...d, updated_at: NOW }
      s.holders = s.holders.map((x) => (x.id === h.id ? h : x))
      record(s, 'update', 'holder', h.id, old, h)
      return h
    }
    case 'delete_holder': {
      const h = find(s.holders, a.id, 'rights holder')
      if (s.rights.some((r) => r.registrant_id === h.id) || s.accounts.some((x) => x.holder_id === h.id))
        throw deskError('in_use', 'The rights holder still has rights or accounts.')
      s.holders = s.holders.filter((x) => x.id !== h.id)
      record(s, 'delete', 'holder', h.id, h, null)
      return null
    }
    case 'list_agents':
      return s.agents.map((x): AgentRow => ({ ...x, poa_count: s.poas.filter((p) => p.agent_id === x.id).length }))
    case 'create_agent':
    case 'update_agent': {
      const d = a.draft as AgentDraft
      if (!d.name.trim()) throw deskError('validation', 'The agent has errors.', [{ field: 'name', code: 'required', message: 'Required.' }])
      if (cmd === 'create_agent') {
        const x: Agent = { ...d, id: newId(), created_at: NOW, updated_at: NOW }
        s.agents.push(x)
        record(s, 'create', 'agent', x.id, null, x)
        return x
      }
      const old = find(s.agents, a.id, 'agent')
      const x: Agent = { ...old, ...d, updated_at: NOW }
      s.agents = s.agents.map((y) => (y.id === x.id ? x : y))
      record(s, 'update', 'agent', x.id, old, x)
      return x
    }
    case 'delete_agent': {
      const x = find(s.agents, a.id, 'agent')
      if (s.poas.some((p) => p.agent_id === x.id)) throw deskError('in_use', 'The agent still has powers of attorney.')
      s.agents = s.agents.filter((y) => y.id !== x.id)
      record(s, 'delete', 'agent', x.id, x, null)
      return null
    }
    case 'list_poas':
      return s.poas.map((p) => poaView(s, p))
    case 'create_poa':
    case 'update_poa': {
      const d = a.draft as PoaDraft
      const fields: FieldError[] = []
      if (!s.agents.some((x) => x.id === d.agent_id)) fields.push({ field: 'agent_id', code: 'required', message: 'Choose the agent.' })
      if (!d.valid_from) fields.push({ field: 'valid_from', code: 'required', message: 'Required.' })
      if (d.valid_until && d.valid_from && d.valid_until < d.valid_from)
        fields.push({ field: 'valid_until', code: 'date_order', message: 'Ends before it starts.' })
      if (fields.length) throw deskError('validation', 'The power of attorney has errors.', fields)
      if (cmd === 'create_poa') {
        const p: PowerOfAttorney = { ...d, id: newId(), created_at: NOW, updated_at: NOW }
        s.poas.push(p)
        record(s, 'create', 'poa', p.id, null, p)
        return poaView(s, p)
      }
      const old = find(s.poas, a.id, 'power of attorney')
      const p: PowerOfAttorney = { ...old, ...d, updated_at: NOW }
      s.poas = s.poas.map((y) => (y.id === p.id ? p : y))
      record(s, 'update', 'poa', p.id, old, p)
      return poaView(s, p)
    }
    case 'delete_poa': {
      const p = find(s.poas, a.id, 'power of attorney')
      if (s.accounts.some((x) => x.poa_id === p.id)) throw deskError('in_use', 'An account files under this power of attorney.')
      s.poas = s.poas.filter((y) => y.id !== p.id)
      record(s, 'delete', 'poa', p.id, p, null)
      return null
    }
    case 'create_account':
    case 'update_account': {
      const d = a.draft as AccountDraft
      if (d.role === 'authorized_agent' && !d.poa_id)
        throw deskError('validation', 'The account has errors.', [{ field: 'poa_id', code: 'poa_required', message: 'A POA is required.' }])
      if (d.login_email && !EMAIL.test(d.login_email))
        throw deskError('validation', 'The account has errors.', [{ field: 'login_email', code: 'email', message: 'Not an e-mail address.' }])
      if (cmd === 'create_account') {
        const x: Account = { ...d, id: newId(), status: 'not_started', created_at: NOW, updated_at: NOW }
        s.accounts.push(x)
        record(s, 'create', 'account', x.id, null, x)
        return accountView(s, x)
      }
      const old = find(s.accounts, a.id, 'account')
      const x: Account = { ...old, ...d, updated_at: NOW }
      s.accounts = s.accounts.map((y) => (y.id === x.id ? x : y))
      record(s, 'update', 'account', x.id, old, x)
      return accountView(s, x)
    }
    case 'delete_account': {
      const x = find(s.accounts, a.id, 'account')
      s.accounts = s.accounts.filter((y) => y.id !== x.id)
      record(s, 'delete', 'account', x.id, x, null)
      return null
    }
    case 'change_account_status': {
      const x = find(s.accounts, a.id, 'account')
      const input = a.input as StatusChangeInput
      if (!NEXT[x.status].includes(input.to))
        throw deskError('invalid_transition', `Cannot go from ${x.status} to ${input.to}.`)
      s.history.push({ id: newId(), account_id: x.id, from: x.status, to: input.to, on: input.on, note: input.note, recorded_at: NOW })
      const y: Account = { ...x, status: input.to, updated_at: NOW }
      s.accounts = s.accounts.map((z) => (z.id === y.id ? y : z))
      record(s, 'update', 'account', y.id, x, y)
      return accountView(s, y)
    }
    case 'list_rights':
      return s.rights.map((r) => rightRow(s, r))
    case 'get_right': {
      const r = find(s.rights, a.id, 'IP right')
      const d: RightDetail = {
        ...rightRow(s, r),
        documents: s.documents.filter((x) => x.owner_kind === 'right' && x.owner_id === r.id),
        backing: backing(s, r),
      }
      return d
    }
    case 'create_right':
    case 'update_right': {
      const d = a.draft as RightDraft
      const fields = validateRight(s, d)
      if (fields.length) throw deskError('validation', 'The IP right has errors.', fields)
      if (cmd === 'create_right') {
        const r: IpRight = { ...d, id: newId(), created_at: NOW, updated_at: NOW }
        s.rights.push(r)
        record(s, 'create', 'right', r.id, null, r)
        return r
      }
      const old = find(s.rights, a.id, 'IP right')
      const r: IpRight = { ...old, ...d, updated_at: NOW }
      s.rights = s.rights.map((y) => (y.id === r.id ? r : y))
      record(s, 'update', 'right', r.id, old, r)
      return r
    }
    case 'delete_right': {
      const r = find(s.rights, a.id, 'IP right')
      s.rights = s.rights.filter((y) => y.id !== r.id)
      s.registrations = s.registrations.filter((g) => g.right_id !== r.id)
      record(s, 'delete', 'right', r.id, r, null)
      return null
    }
    case 'set_registration': {
      const d = a.draft as ProgrammeRegistrationDraft
      find(s.rights, d.right_id, 'IP right')
      const old = s.registrations.find((g) => g.right_id === d.right_id && g.programme === d.programme)
      const g: ProgrammeRegistration = { ...d, id: old?.id ?? newId(), updated_at: NOW }
      s.registrations = old ? s.registrations.map((x) => (x.id === g.id ? g : x)) : [...s.registrations, g]
      record(s, old ? 'update' : 'create', 'right', d.right_id, old ?? null, g)
      return g
    }
    case 'attach_documents': {
      const input = a.input as AttachInput
      const added = input.paths.map((p, i): DocumentView => {
        const name = p.split(/[\\/]/).pop() ?? p
        return {
          id: newId(),
          owner_kind: input.owner_kind,
          owner_id: input.owner_id,
          doc_kind: input.doc_kind ?? guessEvidence(name),
          sha256: (i + 1).toString(16).padStart(64, 'a'),
          original_name: name,
          size: 1024 * (i + 1),
          media_type: /\.(png|jpe?g|webp|gif)$/i.test(name) ? 'image/png' : 'application/pdf',
          added_at: NOW,
          captured_at: input.facts?.captured_at ?? null,
          captured_by: input.facts?.captured_by ?? '',
          source_url: input.facts?.source_url ?? '',
          notes: input.facts?.notes ?? '',
        }
      })
      s.documents.push(...added)
      for (const d of added) record(s, 'attach', input.owner_kind, input.owner_id, null, d)
      return added
    }
    case 'detach_document': {
      const d = find(s.documents, a.id, 'document')
      s.documents = s.documents.filter((x) => x.id !== d.id)
      record(s, 'detach', d.owner_kind, d.owner_id, d, null)
      return null
    }
    case 'open_document':
      find(s.documents, a.id, 'document')
      return null
    case 'audit_trail':
      return s.audit
        .filter((x) => x.record_id === a.id)
        .reverse()
        .map((x): AuditView => ({ seq: x.seq, at: x.at, action: x.action, entity: x.entity, before: x.before, after: x.after, hash: x.hash }))
    case 'verify_integrity': {
      const r: VerifyReport = { ok: true, files_checked: s.documents.length, vault: [], audit_rows: s.audit.length, audit: [] }
      return r
    }
    case 'load_sample': {
      if (s.sampleLoaded) throw deskError('duplicate', 'The sample data is already loaded.')
      s.sampleLoaded = true
      const sample = seededState()
      s.holders.push(...sample.holders)
      s.agents.push(...sample.agents)
      s.poas.push(...sample.poas)
      s.accounts.push(...sample.accounts)
      s.rights.push(...sample.rights)
      s.registrations.push(...sample.registrations)
      s.sellers.push(...sample.sellers)
      s.listings.push(...sample.listings)
      s.complaints.push(...sample.complaints)
      s.complaintListings.push(...sample.complaintListings)
      const summary: SampleSummary = {
        holders: sample.holders.length,
        agents: sample.agents.length,
        accounts: sample.accounts.length,
        rights: sample.rights.length,
        documents: 0,
        sellers: sample.sellers.length,
        complaints: sample.complaints.length,
        listings: sample.listings.length,
      }
      return summary
    }
    default:
      return handleStep3(s, cmd, a)
  }
}

// ---------------------------------------------------------------------------
// IPP step 3: complaints, listings, imports, the batch builder, sellers, search.

function guessEvidence(name: string): DocumentKind {
  const lower = name.toLowerCase()
  if (/\.(warc|wacz|mhtml?)$/.test(lower)) return 'web_archive'
  if (lower.includes('receipt') || lower.includes('order')) return 'test_purchase_receipt'
  if (lower.includes('compar')) return 'comparison'
  if (lower.includes('apprais') || lower.includes('report')) return 'appraisal_report'
  if (/\.(png|jpe?g|webp|gif|bmp)$/.test(lower)) return 'listing_screenshot'
  return 'other'
}

const CANNOT_BACK: Record<string, string> = {
  not_approved: "The right is not approved on this platform's programme.",
  expired: 'The right has expired on that date.',
  not_valid_in_china: 'Taobao, Tmall and 1688 accept only rights valid in mainland China.',
}

const isEditable = (st: ComplaintStatus) => st === 'draft' || st === 'ready'

const CAN_MOVE: Record<ComplaintStatus, ComplaintStatus[]> = {
  draft: ['ready', 'filed'],
  ready: ['draft', 'filed'],
  filed: ['closed'],
  closed: ['filed'],
}

function programmeOfPlatform(p: Platform): Programme {
  if (p === 'amazon') return 'amazon_brand_registry'
  if (p === 'ebay') return 'ebay_vero'
  if (p === 'other') return 'other'
  return 'alibaba_ipp'
}

const maxOf = (s: MockState, p: Programme) => s.maxListings[p] ?? 300

function complaintLabel(c: Complaint): string {
  if (c.external_number) return c.external_number
  return `${c.platform} ${c.created_at.slice(0, 10)} #${c.id.slice(-4)}`
}

const listingsIn = (s: MockState, complaintId: string) =>
  s.complaintListings.filter((x) => x.complaint_id === complaintId).sort((a, b) => a.position - b.position)

function complaintRow(s: MockState, c: Complaint): ComplaintRow {
  const r = s.rights.find((x) => x.id === c.right_id)
  return {
    ...c,
    listing_count: listingsIn(s, c.id).length,
    label: complaintLabel(c),
    right_title: r ? `${r.title} (${r.jurisdiction} ${r.registration_number})` : '',
    account_label: s.accounts.find((x) => x.id === c.account_id)?.login_email ?? '',
  }
}

function filingProblems(s: MockState, c: Complaint): FilingProblemView[] {
  const out: FilingProblemView[] = []
  const add = (code: string, message: string) => out.push({ code, message })
  if (!isEditable(c.status)) add('not_editable', 'Only a draft or ready complaint can be filed.')
  const right = s.rights.find((r) => r.id === c.right_id)
  const refused = right ? backing(s, right).find((b) => b.platform === c.platform)?.refused : null
  if (refused) add('right', CANNOT_BACK[refused])
  const account = s.accounts.find((x) => x.id === c.account_id)
  if (account && account.programme !== programmeOfPlatform(c.platform))
    add('wrong_programme', "The account is on a different programme from the platform's.")
  if (account?.status !== 'verified')
    add('account_not_verified', 'The programme account is not verified yet; file once its review has passed.')
  const count = listingsIn(s, c.id).length
  const limit = maxOf(s, programmeOfPlatform(c.platform))
  if (count === 0) add('no_listings', 'Add at least one listing or storefront URL.')
  else if (count > limit)
    add('too_many_listings', `${count} listings exceed the programme's limit of ${limit} per complaint; split it with the batch builder.`)
  return out
}

const docsOf = (s: MockState, kind: DocumentView['owner_kind'], id: string) =>
  s.documents.filter((d) => d.owner_kind === kind && d.owner_id === id)

function complaintDetail(s: MockState, c: Complaint): ComplaintDetail {
  return {
    row: complaintRow(s, c),
    listings: listingsIn(s, c.id).map((x) => ({
      listing: find(s.listings, x.listing_id, 'listing'),
      position: x.position,
      outcome: x.outcome,
      outcome_on: x.outcome_on,
      evidence: docsOf(s, 'listing', x.listing_id),
    })),
    evidence: docsOf(s, 'complaint', c.id),
    test_purchases: s.testPurchases
      .filter((t) => t.complaint_id === c.id)
      .map((t): TestPurchaseView => ({ ...t, photos: docsOf(s, 'test_purchase', t.id) })),
    filing_problems: filingProblems(s, c),
    max_listings: maxOf(s, programmeOfPlatform(c.platform)),
    next_statuses: CAN_MOVE[c.status].filter((x) => x !== 'filed' || c.status === 'closed'),
    counter_notices: s.counterNotices.filter((n) => n.complaint_id === c.id).map((n) => counterView(s, n)),
    deadlines: s.deadlines.filter((d) => d.complaint_id === c.id).sort((x, y) => x.due_at.localeCompare(y.due_at)),
  }
}

function checkComplaint(s: MockState, d: ComplaintDraft) {
  const f: FieldError[] = []
  if (!s.accounts.some((x) => x.id === d.account_id))
    f.push({ field: 'account_id', code: 'not_found', message: 'Choose a programme account.' })
  if (!s.rights.some((x) => x.id === d.right_id)) f.push({ field: 'right_id', code: 'not_found', message: 'Choose an IP right.' })
  for (const field of ['explanation_en', 'explanation_zh'] as const) {
    if ([...d[field]].length > 2000)
      f.push({ field, code: 'out_of_range', message: 'Keep the explanation under 2000 characters.' })
  }
  if (f.length) throw deskError('validation', 'The complaint has errors.', f)
}

function listComplaints(s: MockState, f: ComplaintFilter): ComplaintPage {
  const rows = s.complaints
    .filter(
      (c) =>
        (!f.status || c.status === f.status) &&
        (!f.platform || c.platform === f.platform) &&
        (!f.right_id || c.right_id === f.right_id) &&
        (!f.assignee || c.assignee === f.assignee),
    )
    .map((c) => complaintRow(s, c))
  const key = (r: ComplaintRow): string | number =>
    f.sort === 'filed' ? (r.filed_on ?? '') : f.sort === 'listings' ? r.listing_count : f.sort === 'status' ? r.status : r.created_at
  rows.sort((a, b) => {
    const [x, y] = [key(a), key(b)]
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))
    return (f.descending ? -c : c) || a.created_at.localeCompare(b.created_at)
  })
  return {
    rows: rows.slice(f.offset, f.offset + (f.limit || 100)),
    total: rows.length,
    assignees: [...new Set(s.complaints.map((c) => c.assignee).filter((x) => x !== ''))].sort(),
  }
}

/** Open (not closed) complaints holding a listing. */
function openComplaintsOf(s: MockState, listingId: string): ComplaintRef[] {
  return s.complaintListings
    .filter((x) => x.listing_id === listingId)
    .map((x) => find(s.complaints, x.complaint_id, 'complaint'))
    .filter((c) => c.status !== 'closed')
    .map((c) => ({ id: c.id, label: complaintLabel(c) }))
}

interface InputLine {
  line: number
  url: string
  title: string
  price: string
  seller_name: string
  store_url: string
  notes: string
}

function pasteInputs(text: string): InputLine[] {
  return text
    .split(/\r?\n/)
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => l.trim() !== '')
    .map(({ l, i }) => {
      const [url = '', title = '', price = '', seller_name = '', store_url = '', notes = ''] = l.split('\t').map((c) => c.trim())
      return { line: i + 1, url, title, price, seller_name, store_url, notes }
    })
}

/** The per-line report, and the listings an import would create or reuse. */
function classify(s: MockState, inputs: InputLine[], platform: Platform | null, why: (p: Platform) => string) {
  const first = new Map<string, number>()
  const lines: LineReport[] = []
  const fresh: Listing[] = []
  const ids: string[] = []
  for (const i of inputs) {
    const p = normalizeUrl(i.url)
    if ('error' in p) {
      lines.push({ line: i.line, input: i.url, status: 'invalid', reason: p.error })
      continue
    }
    if (platform && p.platform !== platform) {
      lines.push({ line: i.line, input: i.url, status: 'invalid', reason: why(p.platform) })
      continue
    }
    const seen = first.get(p.canonical)
    if (seen !== undefined) {
      lines.push({ line: i.line, input: i.url, status: 'duplicate_in_batch', first_line: seen, canonical: p.canonical })
      continue
    }
    first.set(p.canonical, i.line)
    const known = s.listings.find((l) => l.canonical_url === p.canonical)
    if (known) {
      ids.push(known.id)
      lines.push({
        line: i.line,
        input: i.url,
        status: 'already_known',
        listing_id: known.id,
        canonical: p.canonical,
        complaints: openComplaintsOf(s, known.id),
      })
      continue
    }
    const seller = s.sellers.find((x) => x.platform === p.platform && ((i.store_url && x.store_url === i.store_url) || (i.seller_name && x.store_name === i.seller_name)))
    const l: Listing = {
      id: newId(),
      platform: p.platform,
      kind: p.kind,
      external_id: p.id,
      canonical_url: p.canonical,
      original_url: i.url,
      title: i.title,
      price: i.price,
      seller_name: i.seller_name,
      store_url: i.store_url,
      seller_id: seller?.id ?? null,
      notes: i.notes,
      created_at: NOW,
    }
    fresh.push(l)
    ids.push(l.id)
    lines.push({ line: i.line, input: i.url, status: 'accepted', platform: p.platform, kind: p.kind, canonical: p.canonical })
  }
  return { lines, fresh, ids }
}

function counts(lines: LineReport[]): ImportCounts {
  const n = (st: LineReport['status']) => lines.filter((l) => l.status === st).length
  return { accepted: n('accepted'), duplicate: n('duplicate_in_batch'), known: n('already_known'), invalid: n('invalid') }
}

function addListings(s: MockState, complaintId: string, ids: string[]): number {
  let pos = listingsIn(s, complaintId).length
  let added = 0
  for (const id of ids) {
    if (s.complaintListings.some((x) => x.complaint_id === complaintId && x.listing_id === id)) continue
    pos += 1
    added += 1
    s.complaintListings.push({ complaint_id: complaintId, listing_id: id, position: pos, outcome: 'pending', outcome_on: null })
  }
  if (added) record(s, 'add_listings', 'complaint', complaintId, null, { listings: ids })
  return added
}

function importListings(s: MockState, req: ImportRequest, commit: boolean, progress: (p: ImportProgress) => void): ImportReport {
  // Files cannot be read in the mock: a file "contains" the lines of its name's stem, one URL.
  const inputs = req.source.kind === 'paste' ? pasteInputs(req.source.text) : pasteInputs(req.source.path)
  progress({ stage: 'checking', done: 0, total: inputs.length })
  const complaint = req.complaint_id ? find(s.complaints, req.complaint_id, 'complaint') : null
  const { lines, fresh, ids } = classify(
    s,
    inputs,
    complaint?.platform ?? null,
    (p) => `a ${p} URL; this complaint is on ${complaint?.platform ?? ''}`,
  )
  if (!commit) return { counts: counts(lines), lines, committed: false, added_to_complaint: 0 }
  if (complaint && !isEditable(complaint.status))
    throw deskError('invalid_transition', 'Listings can be added only before the complaint is filed.')
  progress({ stage: 'saving', done: 0, total: fresh.length })
  s.listings.push(...fresh)
  if (fresh.length) record(s, 'import', 'listings', fresh[0].id, null, { count: fresh.length })
  const added = complaint ? addListings(s, complaint.id, ids) : 0
  progress({ stage: 'done', done: inputs.length, total: inputs.length })
  return { counts: counts(lines), lines, committed: true, added_to_complaint: added }
}

function buildBatch(s: MockState, req: BatchRequest): BatchResult {
  const template: ComplaintDraft = {
    account_id: req.account_id,
    platform: req.platform,
    right_id: req.right_id,
    target: 'listings',
    reason: req.reason,
    explanation_en: req.explanation_en,
    explanation_zh: req.explanation_zh,
    external_number: '',
    assignee: req.assignee,
    notes: '',
  }
  checkComplaint(s, template)
  const limit = maxOf(s, programmeOfPlatform(req.platform))
  const { lines, fresh, ids } = classify(s, pasteInputs(req.paste), req.platform, (p) => `not a ${req.platform} URL (${p})`)
  s.listings.push(...fresh)
  const held: HeldElsewhereView[] = []
  const free: Listing[] = []
  const skipped: LineReport[] = lines.filter((l) => l.status === 'invalid')
  for (const id of [...req.listing_ids, ...ids]) {
    const l = find(s.listings, id, 'listing')
    if (l.platform !== req.platform) {
      // As the desk: picked listings of another platform, as line 0.
      skipped.push({ line: 0, input: l.canonical_url, status: 'invalid', reason: `a ${l.platform} listing; this batch is on ${req.platform}` })
      continue
    }
    if (free.includes(l)) continue
    const open = openComplaintsOf(s, l.id)[0]
    if (open) held.push({ listing_id: l.id, url: l.canonical_url, complaint_id: open.id, complaint_label: open.label })
    else free.push(l)
  }
  const groups: Listing[][] = []
  if (req.by_storefront) {
    const byStore = new Map<string, Listing[]>()
    for (const l of free) {
      const k = l.store_url || l.seller_id || l.seller_name || l.id
      byStore.set(k, [...(byStore.get(k) ?? []), l])
    }
    for (const g of byStore.values()) for (let i = 0; i < g.length; i += limit) groups.push(g.slice(i, i + limit))
  } else {
    for (let i = 0; i < free.length; i += limit) groups.push(free.slice(i, i + limit))
  }
  const created = groups.map((g, i) => {
    const c: Complaint = {
      ...template,
      id: newId(),
      status: 'draft',
      filed_on: null,
      listing_count: 0,
      created_at: `2025-06-01T08:00:${String(i).padStart(2, '0')}Z`,
      updated_at: NOW,
    }
    s.complaints.push(c)
    record(s, 'create', 'complaint', c.id, null, c)
    addListings(
      s,
      c.id,
      g.map((l) => l.id),
    )
    return complaintRow(s, c)
  })
  return { complaints: created, held_elsewhere: held, skipped }
}

const RISK_TEXT: Record<RedFlag, string> = {
  young_business: 'under 3 years in business',
  few_staff: 'under 50 staff (likely a trading company)',
  no_delivery_guarantee: 'no delivery guarantee',
  low_rating: 'rating under 4',
  no_factory: 'no factory',
  repeat_infringer: 'in more than one complaint',
}

function sellerRow(s: MockState, x: Seller): SellerRow {
  const listings = s.listings.filter((l) => l.seller_id === x.id)
  const complaints = new Set(
    s.complaintListings.filter((cl) => listings.some((l) => l.id === cl.listing_id)).map((cl) => cl.complaint_id),
  ).size
  const flags: RedFlag[] = []
  if (x.years_in_business !== null && x.years_in_business < 3) flags.push('young_business')
  if (x.employee_count !== null && x.employee_count < 50) flags.push('few_staff')
  if ((x.badges.length > 0 || x.platform === '1688') && !x.badges.includes('delivery_guarantee')) flags.push('no_delivery_guarantee')
  if (x.rating !== null && x.rating < 4) flags.push('low_rating')
  if (x.factory_size_m2 === 0) flags.push('no_factory')
  if (complaints > 1) flags.push('repeat_infringer')
  // Mirrors the domain's risk_level (the mock stands in for the backend).
  const risk_level: RiskLevel = flags.length === 0 ? 'none' : flags.length === 1 ? 'low' : flags.length <= 3 ? 'medium' : 'high'
  const risk = risk_level === 'none' ? 'no warning signs recorded' : `${risk_level} risk: ${flags.map((f) => RISK_TEXT[f]).join(', ')}`
  return { ...x, listings: listings.length, complaints, flags, risk_level, risk }
}

const idKey = (v: string, min = 3) => {
  const k = [...v.toLowerCase()].filter((c) => /[\p{L}\p{N}]/u.test(c)).join('')
  return [...k].length >= min ? k : null
}

function suggestions(s: MockState): LinkSuggestionView[] {
  const out: LinkSuggestionView[] = []
  const name = (x: Seller) => `${x.store_name} (${x.platform})`
  const extract: [SharedIdentifier, (x: Seller) => string | null][] = [
    ['company_name', (x) => idKey(x.company_name)],
    ['phone', (x) => (x.phone.replace(/\D/g, '').length >= 7 ? x.phone.replace(/\D/g, '').slice(-8) : null)],
    ['address', (x) => idKey(x.address)],
    ['wechat_id', (x) => idKey(x.wechat_id)],
  ]
  s.sellers.forEach((a, i) => {
    for (const b of s.sellers.slice(i + 1)) {
      if (a.group_id && a.group_id === b.group_id) continue
      const shared = extract.filter(([, f]) => f(a) !== null && f(a) === f(b)).map(([k]) => k)
      if (shared.length) out.push({ a: a.id, a_name: name(a), b: b.id, b_name: name(b), shared })
    }
  })
  return out
}

function validateSeller(d: SellerDraft) {
  const f: FieldError[] = []
  if (!d.store_name.trim()) f.push({ field: 'store_name', code: 'required', message: 'Required.' })
  if (d.rating !== null && (d.rating < 0 || d.rating > 5))
    f.push({ field: 'rating', code: 'out_of_range', message: 'A rating is between 0 and 5.' })
  if (d.store_url.trim() && 'error' in normalizeUrl(d.store_url))
    f.push({ field: 'store_url', code: 'invalid', message: "Enter the store's web address." })
  if (f.length) throw deskError('validation', 'The seller has errors.', f)
}

function search(s: MockState, text: string): SearchHit[] {
  const q = text.trim().toLowerCase()
  if (!q) return []
  const has = (...v: string[]) => v.some((x) => x.toLowerCase().includes(q))
  const hits: SearchHit[] = []
  for (const c of s.complaints) {
    const row = complaintRow(s, c)
    if (has(row.label, c.external_number, c.assignee, c.notes, row.right_title))
      hits.push({ kind: 'complaint', id: c.id, title: row.label, detail: row.right_title, complaint_id: c.id })
  }
  for (const x of s.sellers) {
    if (has(x.store_name, x.store_name_translation, x.company_name, x.store_url))
      hits.push({ kind: 'seller', id: x.id, title: x.store_name, detail: x.company_name, complaint_id: null })
  }
  for (const l of s.listings) {
    if (has(l.title, l.canonical_url, l.seller_name))
      hits.push({ kind: 'listing', id: l.id, title: l.title || l.canonical_url, detail: l.canonical_url, complaint_id: openComplaintsOf(s, l.id)[0]?.id ?? null })
  }
  return hits.slice(0, 50)
}

function testPurchaseView(s: MockState, t: TestPurchase): TestPurchaseView {
  return { ...t, photos: docsOf(s, 'test_purchase', t.id) }
}

/** A 1×1 PNG, so thumbnails render. */
const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='

function handleStep3(s: MockState, cmd: string, a: Record<string, unknown>): unknown {
  switch (cmd) {
    case 'list_complaints':
      return listComplaints(s, a.filter as ComplaintFilter)
    case 'get_complaint':
      return complaintDetail(s, find(s.complaints, a.id, 'complaint'))
    case 'create_complaint': {
      const d = a.draft as ComplaintDraft
      checkComplaint(s, d)
      const c: Complaint = { ...d, id: newId(), status: 'draft', filed_on: null, listing_count: 0, created_at: NOW, updated_at: NOW }
      s.complaints.push(c)
      record(s, 'create', 'complaint', c.id, null, c)
      return complaintRow(s, c)
    }
    case 'update_complaint': {
      const d = a.draft as ComplaintDraft
      checkComplaint(s, d)
      const old = find(s.complaints, a.id, 'complaint')
      if (!isEditable(old.status) && (d.platform !== old.platform || d.right_id !== old.right_id || d.account_id !== old.account_id))
        throw deskError('invalid_transition', 'A filed complaint keeps its platform, right and account.')
      const c: Complaint = { ...old, ...d, updated_at: NOW }
      s.complaints = s.complaints.map((x) => (x.id === c.id ? c : x))
      record(s, 'update', 'complaint', c.id, old, c)
      return complaintRow(s, c)
    }
    case 'delete_complaint': {
      const c = find(s.complaints, a.id, 'complaint')
      if (!isEditable(c.status))
        throw deskError('invalid_transition', 'Only a draft or ready complaint can be deleted; close a filed one instead.')
      s.complaints = s.complaints.filter((x) => x.id !== c.id)
      s.complaintListings = s.complaintListings.filter((x) => x.complaint_id !== c.id)
      record(s, 'delete', 'complaint', c.id, c, null)
      return null
    }
    case 'set_complaint_status': {
      const c = find(s.complaints, a.id, 'complaint')
      const to = a.to as ComplaintStatus
      if (to === 'filed' && isEditable(c.status))
        throw deskError('invalid_transition', 'File the complaint with its filing date and number.')
      if (!CAN_MOVE[c.status].includes(to)) throw deskError('invalid_transition', `A ${c.status} complaint cannot become ${to}.`)
      const next: Complaint = { ...c, status: to, updated_at: NOW }
      s.complaints = s.complaints.map((x) => (x.id === c.id ? next : x))
      record(s, 'update', 'complaint', c.id, c, next)
      return complaintRow(s, next)
    }
    case 'file_complaint': {
      const c = find(s.complaints, a.id, 'complaint')
      const problems = filingProblems(s, c)
      if (problems.length)
        throw deskError('filing_refused', `This complaint cannot be filed: ${problems.map((p) => p.message).join(' ')}`)
      const input = a.input as FileComplaintInput
      const next: Complaint = { ...c, status: 'filed', filed_on: input.filed_on, external_number: input.external_number.trim(), updated_at: NOW }
      s.complaints = s.complaints.map((x) => (x.id === c.id ? next : x))
      record(s, 'update', 'complaint', c.id, c, next)
      return complaintRow(s, next)
    }
    case 'remove_complaint_listing': {
      const c = find(s.complaints, a.id, 'complaint')
      if (!isEditable(c.status))
        throw deskError('invalid_transition', "A filed complaint keeps its listings; record the outcome 'withdrawn' instead.")
      const before = s.complaintListings.length
      s.complaintListings = s.complaintListings.filter((x) => !(x.complaint_id === c.id && x.listing_id === a.listingId))
      if (s.complaintListings.length === before) throw deskError('not_found', `No listing in complaint with id ${String(a.listingId)}.`)
      record(s, 'remove_listing', 'complaint', c.id, { listing: a.listingId }, null)
      return null
    }
    case 'set_listing_outcomes': {
      const c = find(s.complaints, a.id, 'complaint')
      const input = a.input as OutcomeInput
      for (const id of input.listing_ids) {
        const x = s.complaintListings.find((y) => y.complaint_id === c.id && y.listing_id === id)
        if (!x) throw deskError('not_found', `No listing in complaint with id ${id}.`)
        x.outcome = input.outcome
        x.outcome_on = input.on
        record(s, 'outcome', 'complaint', c.id, null, { listing: id, outcome: input.outcome, on: input.on })
      }
      return null
    }
    case 'import_listings': {
      const channel = a.progress as { id?: number } | undefined
      let index = 0
      const send = (p: ImportProgress) => {
        const internals = (window as unknown as { __TAURI_INTERNALS__: { runCallback: (id: number, data: unknown) => void } })
          .__TAURI_INTERNALS__
        if (typeof channel?.id === 'number') internals.runCallback(channel.id, { index: index++, message: p })
      }
      return importListings(s, a.request as ImportRequest, a.commit === true, send)
    }
    case 'build_batch':
      return buildBatch(s, a.request as BatchRequest)
    case 'complaint_urls':
      find(s.complaints, a.id, 'complaint')
      return listingsIn(s, a.id as string)
        .map((x) => `${find(s.listings, x.listing_id, 'listing').canonical_url}\n`)
        .join('')
    case 'export_complaint_urls':
      find(s.complaints, a.id, 'complaint')
      return null
    case 'max_listings':
      return maxOf(s, a.programme as Programme)
    case 'set_max_listings': {
      const max = a.max as number
      if (!Number.isInteger(max) || max < 1) throw deskError('validation', 'The limit must be at least 1.')
      s.maxListings[a.programme as Programme] = max
      return null
    }
    case 'list_sellers':
      return s.sellers.map((x) => sellerRow(s, x))
    case 'get_seller': {
      const x = find(s.sellers, a.id, 'seller')
      const group = x.group_id ? s.groups.find((g) => g.id === x.group_id) : undefined
      const listings = s.listings.filter((l) => l.seller_id === x.id)
      const complaintIds = new Set(s.complaintListings.filter((cl) => listings.some((l) => l.id === cl.listing_id)).map((cl) => cl.complaint_id))
      const d: SellerDetail = {
        row: sellerRow(s, x),
        listings,
        complaints: s.complaints.filter((c) => complaintIds.has(c.id)).map((c) => complaintRow(s, c)),
        documents: docsOf(s, 'seller', x.id),
        group: group
          ? { ...group, members: s.sellers.filter((m) => m.group_id === group.id).map((m) => sellerRow(s, m)) }
          : null,
        suggestions: suggestions(s).filter((g) => g.a === x.id || g.b === x.id),
      }
      return d
    }
    case 'create_seller':
    case 'update_seller': {
      const d = a.draft as SellerDraft
      validateSeller(d)
      if (cmd === 'create_seller') {
        const x: Seller = { ...d, id: newId(), created_at: NOW, updated_at: NOW }
        s.sellers.push(x)
        record(s, 'create', 'seller', x.id, null, x)
        return sellerRow(s, x)
      }
      const old = find(s.sellers, a.id, 'seller')
      const x: Seller = { ...old, ...d, updated_at: NOW }
      s.sellers = s.sellers.map((y) => (y.id === x.id ? x : y))
      record(s, 'update', 'seller', x.id, old, x)
      return sellerRow(s, x)
    }
    case 'delete_seller': {
      const x = find(s.sellers, a.id, 'seller')
      s.sellers = s.sellers.filter((y) => y.id !== x.id)
      s.listings = s.listings.map((l) => (l.seller_id === x.id ? { ...l, seller_id: null } : l))
      record(s, 'delete', 'seller', x.id, x, null)
      return null
    }
    case 'seller_suggestions':
      return suggestions(s)
    case 'link_sellers': {
      const input = a.input as LinkSellersInput
      if (input.seller_ids.length < 2) throw deskError('validation', 'Choose at least two stores to link.')
      const members = input.seller_ids.map((id) => find(s.sellers, id, 'seller'))
      let gid = members.find((m) => m.group_id)?.group_id
      if (!gid) {
        gid = newId()
        s.groups.push({ id: gid, name: input.group_name.trim() || members[0].store_name })
      }
      for (const m of members) m.group_id = gid
      const g = s.groups.find((x) => x.id === gid)!
      return { ...g, members: s.sellers.filter((m) => m.group_id === gid).map((m) => sellerRow(s, m)) }
    }
    case 'unlink_seller': {
      const x = find(s.sellers, a.id, 'seller')
      x.group_id = null
      return null
    }
    case 'get_listing': {
      const l = find(s.listings, a.id, 'listing')
      const ids = new Set(s.complaintListings.filter((x) => x.listing_id === l.id).map((x) => x.complaint_id))
      const d: ListingDetail = {
        listing: l,
        complaints: s.complaints.filter((c) => ids.has(c.id)).map((c) => complaintRow(s, c)),
        evidence: docsOf(s, 'listing', l.id),
      }
      return d
    }
    case 'create_test_purchase':
    case 'update_test_purchase': {
      const d = a.draft as TestPurchaseDraft
      if (!d.order_number.trim())
        throw deskError('validation', 'The test purchase has errors.', [{ field: 'order_number', code: 'required', message: 'Required.' }])
      if (cmd === 'create_test_purchase') {
        const t: TestPurchase = { ...d, id: newId(), created_at: NOW, updated_at: NOW }
        s.testPurchases.push(t)
        record(s, 'create', 'test_purchase', t.id, null, t)
        return testPurchaseView(s, t)
      }
      const old = find(s.testPurchases, a.id, 'test purchase')
      const t: TestPurchase = { ...old, ...d, updated_at: NOW }
      s.testPurchases = s.testPurchases.map((y) => (y.id === t.id ? t : y))
      record(s, 'update', 'test_purchase', t.id, old, t)
      return testPurchaseView(s, t)
    }
    case 'delete_test_purchase': {
      const t = find(s.testPurchases, a.id, 'test purchase')
      s.testPurchases = s.testPurchases.filter((y) => y.id !== t.id)
      record(s, 'delete', 'test_purchase', t.id, t, null)
      return null
    }
    case 'search':
      return search(s, String(a.text ?? ''))
    case 'plugin:dialog|open': {
      const multiple = (a.options as { multiple?: boolean } | undefined)?.multiple
      return s.dialogPaths && (multiple ? s.dialogPaths : s.dialogPaths[0])
    }
    case 'plugin:dialog|save':
      return s.dialogPaths?.[0] ?? null
    case 'document_data_url': {
      const d = find(s.documents, a.id, 'document')
      return d.media_type.startsWith('image/') ? PIXEL : null
    }
    default:
      return handleStep4(s, cmd, a)
  }
}

// ---------------------------------------------------------------------------
// IPP step 4: counter-notices, deadlines, tasks, people, rules, the dashboard.

const IPP: Platform[] = ['1688', 'aliexpress', 'taobao', 'tmall', 'tmall-global', 'alibaba', 'lazada']

const DEFAULT_RULES: DeadlineRule[] = [
  {
    key: 'ipp_seller_counter_notice_window',
    due: "Seller's counter-notice window closes: check the listings",
    trigger: 'complaint_filed',
    platforms: IPP,
    offset: 3,
    unit: 'working_days',
    calendar: 'cn',
    time_zone: 'Asia/Shanghai',
    enabled: true,
    done_when: 'manual',
    source: "Practitioners' default for IPP (3 working days); confirm with the platform.",
  },
  {
    key: 'ipp_reply_counter_notice',
    due: 'Reply to the counter-notice with more evidence',
    trigger: 'counter_notice_received',
    platforms: IPP,
    offset: 3,
    unit: 'working_days',
    calendar: 'cn',
    time_zone: 'Asia/Shanghai',
    enabled: true,
    done_when: 'responded',
    source: "Practitioners' default for IPP (3 working days), unconfirmed by Alibaba.",
  },
  {
    key: 'prc_ecommerce_art43',
    due: 'Art. 43: file a formal complaint or lawsuit, or the takedown is lifted',
    trigger: 'counter_notice_received',
    platforms: ['1688', 'taobao', 'tmall'],
    offset: 15,
    unit: 'calendar_days',
    calendar: 'cn',
    time_zone: 'Asia/Shanghai',
    enabled: true,
    done_when: 'decided',
    source: "PRC E-Commerce Law art. 43: 15 days after the seller's statement is forwarded.",
  },
]

/** The years whose holiday schedule the mock "knows" (like the real calendar's published years). */
const PUBLISHED_UNTIL = 2026
/** u64 counts cross the real IPC as JSON numbers, whatever the generated type says. */
const big = (n: number) => n as unknown as bigint

function currentRules(s: MockState): VersionedRule[] {
  const latest = new Map<string, VersionedRule>()
  for (const r of s.rules) if ((latest.get(r.key)?.version ?? 0) < r.version) latest.set(r.key, r)
  return [...latest.values()]
}

/** Adds days to an ISO date, skipping Saturdays and Sundays for working days (no holidays in the mock). */
function addDays(date: string, n: number, working: boolean): string {
  const d = new Date(`${date}T00:00:00Z`)
  let left = Math.abs(n)
  const step = n < 0 ? -1 : 1
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + step)
    const wd = d.getUTCDay()
    if (!working || (wd !== 0 && wd !== 6)) left -= 1
  }
  return d.toISOString().slice(0, 10)
}

/** The end of a China day as a UTC instant (the mock's rules are all Asia/Shanghai or near enough). */
const chinaDayEnd = (date: string) => `${date}T15:59:59Z`
const chinaDate = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10)

function ruleDeadline(r: VersionedRule, at: string, c: Complaint, subject: Deadline['subject'], subjectId: string): Deadline {
  const date = addDays(chinaDate(at), r.offset, r.unit === 'working_days')
  const year = Number(date.slice(0, 4))
  const estimated = r.unit === 'working_days' && year > PUBLISHED_UNTIL
  return {
    id: newId(),
    title: r.due,
    due_at: chinaDayEnd(date),
    due_date: date,
    time_zone: r.time_zone,
    estimated,
    missing_years: estimated ? [year] : [],
    rule_key: r.key,
    rule_version: r.version,
    subject,
    subject_id: subjectId,
    complaint_id: c.id,
    platform: c.platform,
    assignee: c.assignee,
    notes: '',
    done_at: null,
    created_at: NOW,
  }
}

function seedDeadlines(s: MockState, accountId: string, filed: Complaint) {
  s.people.push({ id: newId(), name: 'Li', email: 'li@xinghe.example' }, { id: newId(), name: 'Wang', email: 'wang@xinghe.example' })
  s.rates[accountId] = { takedown: 91, counter: 2 }
  const notice: CounterNotice = {
    id: newId(),
    complaint_id: filed.id,
    round: 1,
    listing_ids: [],
    received_at: '2025-05-26T02:00:00Z',
    grounds: 'genuine_goods',
    statement: '我店商品为正品，有进货凭证。',
    response_text: '',
    responded_at: null,
    decision: null,
    decided_on: null,
    created_at: NOW,
    updated_at: NOW,
  }
  s.counterNotices.push(notice)
  const base = { rule_version: 1, subject: 'counter_notice' as const, subject_id: notice.id, complaint_id: filed.id, platform: filed.platform, notes: '', done_at: null, created_at: NOW }
  s.deadlines.push(
    { ...base, id: newId(), title: 'Reply to the counter-notice with more evidence', due_at: '2025-05-29T15:59:59Z', due_date: '2025-05-29', time_zone: 'Asia/Shanghai', estimated: false, missing_years: [], rule_key: 'ipp_reply_counter_notice', assignee: 'Li' },
    { ...base, id: newId(), title: 'Art. 43: file a formal complaint or lawsuit, or the takedown is lifted', due_at: '2027-01-05T15:59:59Z', due_date: '2027-01-05', time_zone: 'Asia/Shanghai', estimated: true, missing_years: [2027], rule_key: 'prc_ecommerce_art43', assignee: '' },
    { id: newId(), title: 'Call the appraiser', due_at: '2025-06-01T10:00:00Z', due_date: '2025-06-01', time_zone: 'UTC', estimated: false, missing_years: [], rule_key: null, rule_version: null, subject: 'none', subject_id: null, complaint_id: null, platform: null, assignee: 'Wang', notes: '', done_at: null, created_at: NOW },
  )
}

function counterView(s: MockState, n: CounterNotice): CounterNoticeView {
  return {
    ...n,
    evidence: docsOf(s, 'counter_notice', n.id),
    deadlines: s.deadlines.filter((d) => d.subject === 'counter_notice' && d.subject_id === n.id),
  }
}

function checkCounterNotice(s: MockState, d: CounterNoticeDraft): Complaint {
  const c = find(s.complaints, d.complaint_id, 'complaint')
  if (c.status !== 'filed') throw deskError('invalid_transition', 'A counter-notice can be recorded only on a filed complaint.')
  const f: FieldError[] = []
  if (!Number.isInteger(d.round) || d.round < 1) f.push({ field: 'round', code: 'out_of_range', message: 'The round is 1 or more.' })
  if (Number.isNaN(Date.parse(d.received_at))) f.push({ field: 'received_at', code: 'invalid', message: 'Enter when it was received.' })
  if (f.length) throw deskError('validation', 'The counter-notice has errors.', f)
  return c
}

/** Marks the open deadlines of a counter-notice done whose rule says they end with `when`. */
function closeDeadlines(s: MockState, noticeId: string, when: DeadlineRule['done_when']) {
  const rules = currentRules(s)
  for (const d of s.deadlines) {
    if (d.subject_id !== noticeId || d.done_at) continue
    if (rules.find((r) => r.key === d.rule_key)?.done_when === when) d.done_at = NOW
  }
}

function goodFaith(takedown: number | null, counter: number | null): GoodFaithCheck {
  const takedown_level: GoodFaithLevel = takedown === null ? 'no_data' : takedown < 90 ? 'failing' : takedown < 92 ? 'warning' : 'ok'
  const counter_level: GoodFaithLevel = counter === null ? 'no_data' : counter > 5 ? 'failing' : counter > 3 ? 'warning' : 'ok'
  const order: GoodFaithLevel[] = ['no_data', 'ok', 'warning', 'failing']
  const level = order[Math.max(order.indexOf(takedown_level), order.indexOf(counter_level))]
  return { takedown_rate: takedown, takedown_level, successful_counter_rate: counter, counter_level, level }
}

function figures(complaints: number, takedown: number | null, counter: number | null): EnforcementFigures {
  return {
    takedown_rate: takedown,
    counter_success_rate: counter === null ? null : counter * 4,
    successful_counter_rate: counter,
    median_days_to_takedown: takedown === null ? null : 6,
    complaints: big(complaints),
    listings: big(complaints * 2),
    removed: big(complaints),
    rejected: big(0),
    reinstated: big(counter ? 1 : 0),
    withdrawn: big(0),
    pending: big(complaints),
    counter_notices: big(1),
    counter_upheld: big(0),
    counter_reinstated: big(0),
    complaints_lost_to_counter: big(0),
    days_to_takedown: [],
  }
}

function deadlineRow(s: MockState, d: Deadline): DeadlineRow {
  const c = d.complaint_id ? s.complaints.find((x) => x.id === d.complaint_id) : undefined
  return { ...d, complaint_label: c ? complaintLabel(c) : null }
}

/** (now, end of today, end of the week ending Sunday), from the mock's fixed clock, in UTC days. */
function horizons(s: MockState): [string, string, string] {
  const today = new Date(`${s.today}T00:00:00Z`)
  const toSunday = (7 - today.getUTCDay()) % 7
  return [NOW, `${addDays(s.today, 1, false)}T00:00:00Z`, `${addDays(s.today, toSunday + 1, false)}T00:00:00Z`]
}

function buckets(s: MockState, list: Deadline[]) {
  const [now, todayEnd, weekEnd] = horizons(s)
  const open = list.filter((d) => !d.done_at)
  const overdue = open.filter((d) => d.due_at < now).length
  const today = open.filter((d) => d.due_at < todayEnd).length - overdue
  const week = open.filter((d) => d.due_at < weekEnd).length - overdue - today
  return { overdue: big(overdue), due_today: big(today), due_this_week: big(week), open: big(open.length) }
}

function dashboard(s: MockState): Dashboard {
  const [, , weekEnd] = horizons(s)
  const open = s.deadlines.filter((d) => !d.done_at)
  const groups = (key: (d: Deadline) => string) =>
    [...new Set(open.map(key))].sort().map((k) => ({ key: k, counts: buckets(s, open.filter((d) => key(d) === k)) }))
  const ipp = s.accounts.filter((a) => a.programme === 'alibaba_ipp')
  return {
    now: NOW,
    counts: buckets(s, s.deadlines),
    by_assignee: groups((d) => d.assignee),
    by_platform: groups((d) => d.platform ?? ''),
    upcoming: open
      .filter((d) => d.due_at < weekEnd)
      .sort((a, b) => a.due_at.localeCompare(b.due_at))
      .map((d) => deadlineRow(s, d)),
    complaints_by_status: COMPLAINT_ORDER.map((status) => ({ status, count: big(s.complaints.filter((c) => c.status === status).length) })),
    good_faith: ipp.map((a) => {
      const r = s.rates[a.id] ?? { takedown: null, counter: null }
      return {
        account_id: a.id,
        account_label: a.login_email,
        figures: figures(s.complaints.filter((c) => c.account_id === a.id).length, r.takedown, r.counter),
        check: goodFaith(r.takedown, r.counter),
      }
    }),
    good_faith_from: addDays(s.today, -92, false),
    good_faith_to: s.today,
  }
}

const COMPLAINT_ORDER: ComplaintStatus[] = ['draft', 'ready', 'filed', 'closed']

function enforcement(s: MockState, q: EnforcementQuery): EnforcementRow[] {
  const dim = q.group_by[0]
  const first = s.accounts[0]
  const rate = (id: string | undefined) => (id ? s.rates[id] : undefined) ?? { takedown: null, counter: null }
  const row = (over: Partial<EnforcementRow>, complaints: number, r: { takedown: number | null; counter: number | null }): EnforcementRow => ({
    account_id: null,
    account_label: null,
    platform: null,
    reason: null,
    figures: figures(complaints, r.takedown, r.counter),
    good_faith: goodFaith(r.takedown, r.counter),
    ...over,
  })
  if (dim === 'account')
    return s.accounts.map((a) => row({ account_id: a.id, account_label: a.login_email }, s.complaints.filter((c) => c.account_id === a.id).length, rate(a.id)))
  if (dim === 'platform')
    return [...new Set(s.complaints.map((c) => c.platform))].map((p) => row({ platform: p }, s.complaints.filter((c) => c.platform === p).length, rate(first?.id)))
  if (dim === 'reason')
    return [...new Set(s.complaints.map((c) => c.reason))].map((r) => row({ reason: r }, s.complaints.filter((c) => c.reason === r).length, rate(first?.id)))
  return []
}

function checkTask(s: MockState, d: TaskDraft): Complaint | null {
  const f: FieldError[] = []
  if (!d.title.trim()) f.push({ field: 'title', code: 'required', message: 'The task needs a title.' })
  if (Number.isNaN(Date.parse(d.due_at))) f.push({ field: 'due_at', code: 'required', message: 'When is it due?' })
  if (f.length) throw deskError('validation', 'The task has errors.', f)
  return d.complaint_id ? find(s.complaints, d.complaint_id, 'complaint') : null
}

function taskFields(d: TaskDraft, c: Complaint | null) {
  return {
    title: d.title,
    due_at: new Date(Date.parse(d.due_at)).toISOString(),
    due_date: d.due_at.slice(0, 10),
    assignee: d.assignee,
    notes: d.notes,
    complaint_id: c?.id ?? null,
    platform: c?.platform ?? null,
    subject: c ? ('complaint' as const) : ('none' as const),
    subject_id: c?.id ?? null,
  }
}

function checkRule(r: DeadlineRule) {
  const f: FieldError[] = []
  if (!r.due.trim()) f.push({ field: 'due', code: 'required', message: 'Say what is due.' })
  if (!/^(UTC|[A-Z][A-Za-z_]+\/[A-Za-z_/]+)$/.test(r.time_zone))
    f.push({ field: 'time_zone', code: 'invalid', message: `'${r.time_zone}' is not a time zone name such as Asia/Shanghai.` })
  if (r.unit === 'working_days' && r.offset < 0)
    f.push({ field: 'offset', code: 'out_of_range', message: "Working days count forward only; use calendar days for 'before'." })
  if (f.length) throw deskError('validation', 'The rule has errors.', f)
}

function handleStep4(s: MockState, cmd: string, a: Record<string, unknown>): unknown {
  switch (cmd) {
    case 'record_counter_notice': {
      const d = a.draft as CounterNoticeDraft
      const c = checkCounterNotice(s, d)
      const n: CounterNotice = { ...d, id: newId(), response_text: '', responded_at: null, decision: null, decided_on: null, created_at: NOW, updated_at: NOW }
      s.counterNotices.push(n)
      for (const r of currentRules(s)) {
        if (!r.enabled || r.trigger !== 'counter_notice_received') continue
        if (r.platforms.length > 0 && !r.platforms.includes(c.platform)) continue
        s.deadlines.push(ruleDeadline(r, n.received_at, c, 'counter_notice', n.id))
      }
      record(s, 'create', 'counter_notice', c.id, null, n)
      return counterView(s, n)
    }
    case 'update_counter_notice': {
      const d = a.draft as CounterNoticeDraft
      checkCounterNotice(s, d)
      const n = find(s.counterNotices, a.id, 'counter-notice')
      Object.assign(n, d, { updated_at: NOW })
      return counterView(s, n)
    }
    case 'respond_to_counter_notice': {
      const n = find(s.counterNotices, a.id, 'counter-notice')
      const input = a.input as CounterResponseInput
      if (!input.response_text.trim())
        throw deskError('validation', 'The reply has errors.', [{ field: 'response_text', code: 'required', message: 'Say what was sent.' }])
      Object.assign(n, { response_text: input.response_text, responded_at: input.responded_at, updated_at: NOW })
      closeDeadlines(s, n.id, 'responded')
      return counterView(s, n)
    }
    case 'decide_counter_notice': {
      const n = find(s.counterNotices, a.id, 'counter-notice')
      const input = a.input as CounterDecisionInput
      Object.assign(n, { decision: input.decision, decided_on: input.decided_on, updated_at: NOW })
      for (const x of s.complaintListings) {
        if (x.complaint_id !== n.complaint_id) continue
        if (n.listing_ids.length > 0 && !n.listing_ids.includes(x.listing_id)) continue
        x.outcome = input.decision === 'reinstated' ? 'reinstated' : 'removed'
        x.outcome_on = input.decided_on
      }
      closeDeadlines(s, n.id, 'decided')
      return counterView(s, n)
    }
    case 'delete_counter_notice': {
      const n = find(s.counterNotices, a.id, 'counter-notice')
      if (n.decision) throw deskError('invalid_transition', 'A decided counter-notice cannot be deleted.')
      s.counterNotices = s.counterNotices.filter((x) => x.id !== n.id)
      s.deadlines = s.deadlines.filter((d) => d.subject_id !== n.id)
      return null
    }
    case 'dashboard':
      return dashboard(s)
    case 'open_deadlines': {
      const f = a.filter as DeadlineFilter
      const [now, todayEnd, weekEnd] = horizons(s)
      const until = { overdue: now, today: todayEnd, week: weekEnd, open: null }[f.bucket]
      if (until === undefined) throw deskError('validation', `No deadline list is called ${f.bucket}.`)
      return s.deadlines
        .filter(
          (d) =>
            !d.done_at &&
            (until === null || d.due_at < until) &&
            (f.assignee === null || d.assignee === f.assignee) &&
            (f.platform === null || (d.platform ?? '') === f.platform),
        )
        .sort((x, y) => x.due_at.localeCompare(y.due_at))
        .slice(0, f.limit ?? 500)
        .map((d) => deadlineRow(s, d))
    }
    case 'enforcement_report': {
      const q = a.query as EnforcementQuery
      const first = s.rates[s.accounts[0]?.id ?? ''] ?? { takedown: null, counter: null }
      return { from: q.from, to: q.to, rows: enforcement(s, q), total: figures(s.complaints.length, first.takedown, first.counter) }
    }
    case 'export_report':
    case 'export_ics':
      return null
    case 'generate_packet':
      return generatePacket(s, a.request as PacketRequest)
    case 'open_packet': {
      const path = String(a.path ?? '')
      if (!s.packets.some((p) => p.pdf_path === path || p.bundle_path === path)) {
        throw deskError('io', `No program could open the file: ${path} does not exist.`)
      }
      return null
    }
    case 'verify_bundle': {
      const path = String(a.path ?? '')
      const p = s.packets.find((x) => x.bundle_path === path)
      if (!p) throw deskError('validation', `${path} is not a readable bundle: manifest.json is missing`)
      const r: BundleReport = { ok: true, manifest_sha256: p.manifest_sha256, files_checked: p.files, problems: [] }
      return r
    }
    case 'create_task': {
      const d = a.task as TaskDraft
      const c = checkTask(s, d)
      const x: Deadline = { id: newId(), ...taskFields(d, c), time_zone: 'UTC', estimated: false, missing_years: [], rule_key: null, rule_version: null, done_at: null, created_at: NOW }
      s.deadlines.push(x)
      return x
    }
    case 'update_task': {
      const d = a.task as TaskDraft
      const c = checkTask(s, d)
      const x = find(s.deadlines, a.id, 'task')
      Object.assign(x, taskFields(d, c))
      return x
    }
    case 'delete_task': {
      const x = find(s.deadlines, a.id, 'task')
      if (x.rule_key !== null) throw deskError('invalid_transition', 'A deadline set by a rule cannot be deleted; mark it done.')
      s.deadlines = s.deadlines.filter((y) => y.id !== x.id)
      return null
    }
    case 'set_deadline_done': {
      const x = find(s.deadlines, a.id, 'deadline')
      x.done_at = a.done ? NOW : null
      return x
    }
    case 'assign_deadline': {
      const x = find(s.deadlines, a.id, 'deadline')
      x.assignee = String(a.assignee ?? '')
      return x
    }
    case 'list_people':
      return [...s.people].sort((x, y) => x.name.localeCompare(y.name))
    case 'create_person':
    case 'update_person': {
      const d = a.draft as PersonDraft
      const f: FieldError[] = []
      if (!d.name.trim()) f.push({ field: 'name', code: 'required', message: 'Required.' })
      if (d.email && !EMAIL.test(d.email)) f.push({ field: 'email', code: 'email', message: 'Not an e-mail address.' })
      if (s.people.some((p) => p.name === d.name && p.id !== a.id)) f.push({ field: 'name', code: 'duplicate', message: 'Someone has this name already.' })
      if (f.length) throw deskError('validation', 'The person has errors.', f)
      if (cmd === 'create_person') {
        const p: Person = { ...d, id: newId() }
        s.people.push(p)
        return p
      }
      const p = find(s.people, a.id, 'person')
      Object.assign(p, d)
      return p
    }
    case 'delete_person': {
      const p = find(s.people, a.id, 'person')
      s.people = s.people.filter((x) => x.id !== p.id)
      return null
    }
    case 'deadline_rules':
      return currentRules(s)
    case 'deadline_rule_history':
      return s.rules.filter((r) => r.key === a.key).sort((x, y) => y.version - x.version)
    case 'save_deadline_rule': {
      const r = a.rule as DeadlineRule
      const old = currentRules(s).find((x) => x.key === r.key)
      if (!old) throw deskError('not_found', `No deadline rule is called ${r.key}.`)
      checkRule(r)
      const v: VersionedRule = { ...r, version: old.version + 1, changed_at: NOW, is_default: false }
      s.rules.push(v)
      return v
    }
    case 'reset_deadline_rule': {
      const def = DEFAULT_RULES.find((x) => x.key === a.key)
      const old = currentRules(s).find((x) => x.key === a.key)
      if (!def || !old) throw deskError('not_found', `No deadline rule is called ${String(a.key)}.`)
      const v: VersionedRule = { ...def, version: old.version + 1, changed_at: NOW, is_default: true }
      s.rules.push(v)
      return v
    }
    default:
      throw deskError('internal', `The mock backend does not implement ${cmd}.`)
  }
}

const PACKET_LETTER: Record<PacketFor, string> = { registration: 'R', ip_right: 'I', complaint: 'C', counter_notice: 'N' }

/** A fake packet: checks the record exists and counts its evidence; writes nothing. */
function generatePacket(s: MockState, req: PacketRequest): PacketResult {
  const owner = ((): { kind: OwnerKind; id: string } => {
    switch (req.kind) {
      case 'registration':
        return { kind: 'account', id: find(s.accounts, req.id, 'programme account').id }
      case 'ip_right':
        return { kind: 'right', id: find(s.rights, req.id, 'IP right').id }
      case 'complaint':
        return { kind: 'complaint', id: find(s.complaints, req.id, 'complaint').id }
      case 'counter_notice':
        return { kind: 'counter_notice', id: find(s.counterNotices, req.id, 'counter-notice').id }
      default:
        throw deskError('validation', `No packet is called ${String(req.kind)}.`)
    }
  })()
  if (!req.pdf_path) throw deskError('validation', 'Choose where to save the PDF.', [{ field: 'pdf_path', code: 'required', message: 'Required.' }])
  const files = s.documents.filter((d) => d.owner_kind === owner.kind && d.owner_id === owner.id).length
  const n = s.packets.length + 1
  const result: PacketResult = {
    packet_id: `PKT-${PACKET_LETTER[req.kind]}-${s.today.replaceAll('-', '')}-${n.toString(16).toUpperCase().padStart(6, '0')}`,
    pdf_path: req.pdf_path,
    pdf_size: 48_000 + 1_000 * files,
    bundle_path: req.bundle_path,
    // The backend sends null without a bundle (the generated type says number).
    bundle_size: (req.bundle_path ? 60_000 + 250_000 * files : null) as number,
    manifest_sha256: fakeSha256(`${req.kind}:${req.id}:${files}`),
    files,
  }
  s.packets.push(result)
  return result
}

/** A stable 64-hex-digit stand-in for a SHA-256 (FNV-1a, repeated). */
function fakeSha256(text: string): string {
  let out = ''
  for (let round = 0; out.length < 64; round++) {
    let h = 0x811c9dc5 ^ round
    for (const ch of text) {
      h ^= ch.charCodeAt(0)
      h = Math.imul(h, 0x01000193) >>> 0
    }
    out += h.toString(16).padStart(8, '0')
  }
  return out.slice(0, 64)
}

/** Installs the fake backend; returns its live state (inspect `calls`, `holders`, …). */
export function installMockBackend(state: MockState = seededState()): MockState {
  clearMocks()
  mockIPC((cmd, payload) => {
    // Deep copies both ways, like a real IPC boundary (a Channel crosses as its id).
    const args = structuredClone((payload ?? {}) as Record<string, unknown>)
    state.calls.push({ cmd, args: structuredClone(args) })
    if (cmd === 'generate_packet' && state.packetGate) {
      return state.packetGate.then(() => structuredClone(handle(state, cmd, args)))
    }
    return structuredClone(handle(state, cmd, args))
  })
  return state
}

export { clearMocks }
export default installMockBackend
