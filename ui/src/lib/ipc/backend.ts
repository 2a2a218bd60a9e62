// The only module that talks to the Rust side. Everything else imports these functions.
import { Channel, invoke } from '@tauri-apps/api/core'
import type {
  AccountDraft,
  AccountView,
  Agent,
  AgentDraft,
  AgentRow,
  AttachInput,
  AuditView,
  BatchRequest,
  BundleReport,
  BatchResult,
  BulkResult,
  ComplaintDetail,
  ComplaintDraft,
  ComplaintFilter,
  ComplaintPage,
  ComplaintRow,
  ComplaintStatus,
  CounterDecisionInput,
  CounterNoticeDraft,
  CounterNoticeView,
  CounterResponseInput,
  Dashboard,
  Deadline,
  DeadlineFilter,
  DeadlineRow,
  DeadlineRule,
  CommandName,
  DeskError,
  DeskInfo,
  WhoAmI,
  DocumentView,
  EnforcementQuery,
  EnforcementReport,
  FileComplaintInput,
  Holder,
  HolderDetail,
  HolderDraft,
  HolderRow,
  ImportProgress,
  ImportReport,
  ImportRequest,
  IpRight,
  LinkSellersInput,
  LinkSuggestionView,
  ListingDetail,
  OutcomeInput,
  PacketRequest,
  PacketResult,
  Person,
  PersonDraft,
  PoaDraft,
  PoaView,
  Programme,
  ProgrammeRegistration,
  ProgrammeRegistrationDraft,
  RightDetail,
  RightDraft,
  ReportExport,
  RightRow,
  SampleSummary,
  SearchHit,
  SellerDetail,
  SellerDraft,
  SellerGroupView,
  SellerRow,
  StatusChangeInput,
  TaskDraft,
  TestPurchaseDraft,
  TestPurchaseView,
  UrlExportFormat,
  VerifyReport,
  VersionedRule,
} from './bindings'
import { ERROR_CODES } from './bindings'

/** True when `e` has the shape of the backend's DeskError. */
export function isDeskError(e: unknown): e is DeskError {
  if (typeof e !== 'object' || e === null) return false
  const o = e as Record<string, unknown>
  return (
    typeof o.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(o.code) &&
    typeof o.message === 'string' &&
    Array.isArray(o.fields)
  )
}

/**
 * One command of the backend's command table (the same table the CLI's
 * `ippdesk call` runs). `job` names long work so `cancelJob(job)` can stop it.
 */
function call<T>(
  name: CommandName,
  args: Record<string, unknown> = {},
  opts: { job?: string; onProgress?: (p: unknown) => void } = {},
): Promise<T> {
  const progress = new Channel<unknown>()
  progress.onmessage = (p) => opts.onProgress?.(p)
  return invoke<T>('call', { name, args, job: opts.job ?? null, progress })
}

/** Asks the long job `job` to stop; it then fails with code `cancelled`. */
export const cancelJob = (job: string) => invoke<boolean>('cancel_job', { job })

export const appInfo = () => call<DeskInfo>('app_info')
export const whoami = () => call<WhoAmI>('whoami')

export const listHolders = () => call<HolderRow[]>('list_holders')
export const getHolder = (id: string) => call<HolderDetail>('get_holder', { id })
export const createHolder = (draft: HolderDraft) => call<Holder>('create_holder', { draft })
/** `base`: the `updated_at` the form was opened on; a newer record is not overwritten (code `stale`). */
export const updateHolder = (id: string, draft: HolderDraft, base?: string) =>
  call<Holder>('update_holder', { id, draft, base: base ?? null })
export const deleteHolder = (id: string) => call<null>('delete_holder', { id })

export const listAgents = () => call<AgentRow[]>('list_agents')
export const createAgent = (draft: AgentDraft) => call<Agent>('create_agent', { draft })
export const updateAgent = (id: string, draft: AgentDraft) =>
  call<Agent>('update_agent', { id, draft })
export const deleteAgent = (id: string) => call<null>('delete_agent', { id })

export const listPoas = () => call<PoaView[]>('list_poas')
export const createPoa = (draft: PoaDraft) => call<PoaView>('create_poa', { draft })
export const updatePoa = (id: string, draft: PoaDraft) =>
  call<PoaView>('update_poa', { id, draft })
export const deletePoa = (id: string) => call<null>('delete_poa', { id })

export const createAccount = (draft: AccountDraft) =>
  call<AccountView>('create_account', { draft })
export const updateAccount = (id: string, draft: AccountDraft) =>
  call<AccountView>('update_account', { id, draft })
export const deleteAccount = (id: string) => call<null>('delete_account', { id })
export const changeAccountStatus = (id: string, input: StatusChangeInput) =>
  call<AccountView>('change_account_status', { id, input })

export const listRights = () => call<RightRow[]>('list_rights')
export const getRight = (id: string) => call<RightDetail>('get_right', { id })
export const createRight = (draft: RightDraft) => call<IpRight>('create_right', { draft })
/** `base`: the `updated_at` the form was opened on; a newer record is not overwritten (code `stale`). */
export const updateRight = (id: string, draft: RightDraft, base?: string) =>
  call<IpRight>('update_right', { id, draft, base: base ?? null })
export const deleteRight = (id: string) => call<null>('delete_right', { id })

export const setRegistration = (draft: ProgrammeRegistrationDraft) =>
  call<ProgrammeRegistration>('set_registration', { draft })

export const attachDocuments = (input: AttachInput) =>
  call<DocumentView[]>('attach_documents', { input })
export const detachDocument = (id: string) => call<null>('detach_document', { id })
export const openDocument = (id: string) => invoke<null>('open_document', { id })

export const auditTrail = (id: string) => call<AuditView[]>('audit_trail', { id })
export const verifyIntegrity = () => call<VerifyReport>('verify_integrity')
export const loadSample = () => call<SampleSummary>('load_sample')
export const documentDataUrl = (id: string) => call<string | null>('document_data_url', { id })

export const listComplaints = (filter: ComplaintFilter) => call<ComplaintPage>('list_complaints', { filter })
export const getComplaint = (id: string) => call<ComplaintDetail>('get_complaint', { id })
export const createComplaint = (draft: ComplaintDraft) => call<ComplaintRow>('create_complaint', { draft })
/** `base`: the `updated_at` the form was opened on; a newer record is not overwritten (code `stale`). */
export const updateComplaint = (id: string, draft: ComplaintDraft, base?: string) =>
  call<ComplaintRow>('update_complaint', { id, draft, base: base ?? null })
export const deleteComplaint = (id: string) => call<null>('delete_complaint', { id })
export const setComplaintStatus = (id: string, to: ComplaintStatus) =>
  call<ComplaintRow>('set_complaint_status', { id, to })
export const setComplaintsStatus = (ids: string[], to: ComplaintStatus) =>
  call<BulkResult>('set_complaints_status', { ids, to })
export const deleteComplaints = (ids: string[]) => call<BulkResult>('delete_complaints', { ids })
export const fileComplaint = (id: string, input: FileComplaintInput) =>
  call<ComplaintRow>('file_complaint', { id, input })
export const setSellerNotified = (id: string, on: string | null) =>
  call<ComplaintRow>('set_seller_notified', { id, on })
export const removeComplaintListing = (id: string, listingId: string) =>
  call<null>('remove_complaint_listing', { id, listingId })
export const setListingOutcomes = (id: string, input: OutcomeInput) =>
  call<null>('set_listing_outcomes', { id, input })

/** `commit: false` previews the per-line report and writes nothing. */
export function importListings(
  request: ImportRequest,
  commit: boolean,
  onProgress?: (p: ImportProgress) => void,
  job?: string,
): Promise<ImportReport> {
  return call<ImportReport>('import_listings', { request, commit }, { job, onProgress: (p) => onProgress?.(p as ImportProgress) })
}

export const buildBatch = (request: BatchRequest) => call<BatchResult>('build_batch', { request })
export const complaintUrls = (id: string) => call<string>('complaint_urls', { id })
export const exportComplaintUrls = (id: string, format: UrlExportFormat, path: string) =>
  call<null>('export_complaint_urls', { id, format, path })
export const maxListings = (programme: Programme) => call<number>('max_listings', { programme })
export const setMaxListings = (programme: Programme, max: number) =>
  call<null>('set_max_listings', { programme, max })

export const listSellers = () => call<SellerRow[]>('list_sellers')
export const getSeller = (id: string) => call<SellerDetail>('get_seller', { id })
export const createSeller = (draft: SellerDraft) => call<SellerRow>('create_seller', { draft })
export const updateSeller = (id: string, draft: SellerDraft) =>
  call<SellerRow>('update_seller', { id, draft })
export const deleteSeller = (id: string) => call<null>('delete_seller', { id })
export const sellerSuggestions = () => call<LinkSuggestionView[]>('seller_suggestions')
export const linkSellers = (input: LinkSellersInput) => call<SellerGroupView>('link_sellers', { input })
export const unlinkSeller = (id: string) => call<null>('unlink_seller', { id })

export const getListing = (id: string) => call<ListingDetail>('get_listing', { id })

export const createTestPurchase = (draft: TestPurchaseDraft) =>
  call<TestPurchaseView>('create_test_purchase', { draft })
export const updateTestPurchase = (id: string, draft: TestPurchaseDraft) =>
  call<TestPurchaseView>('update_test_purchase', { id, draft })
export const deleteTestPurchase = (id: string) => call<null>('delete_test_purchase', { id })

export const search = (text: string) => call<SearchHit[]>('search', { text })

export const recordCounterNotice = (draft: CounterNoticeDraft) =>
  call<CounterNoticeView>('record_counter_notice', { draft })
export const updateCounterNotice = (id: string, draft: CounterNoticeDraft) =>
  call<CounterNoticeView>('update_counter_notice', { id, draft })
export const respondToCounterNotice = (id: string, input: CounterResponseInput) =>
  call<CounterNoticeView>('respond_to_counter_notice', { id, input })
export const decideCounterNotice = (id: string, input: CounterDecisionInput) =>
  call<CounterNoticeView>('decide_counter_notice', { id, input })
export const deleteCounterNotice = (id: string) => call<null>('delete_counter_notice', { id })

export const dashboard = () => call<Dashboard>('dashboard')
export const openDeadlines = (filter: DeadlineFilter) => call<DeadlineRow[]>('open_deadlines', { filter })
export const enforcementReport = (query: EnforcementQuery) =>
  call<EnforcementReport>('enforcement_report', { query })
export const exportReport = (spec: ReportExport) => call<null>('export_report', { export: spec })
export const exportIcs = (path: string) => call<null>('export_ics', { path })

/** Writes an evidence packet (PDF, and optionally a .zip bundle of the original files with a manifest). */
export const generatePacket = (request: PacketRequest) => call<PacketResult>('generate_packet', { request })
/** Opens a generated packet file in the system viewer. */
export const openPacket = (path: string) => invoke<null>('open_packet', { path })
/** Checks a packet bundle (.zip) against its manifest. */
export const verifyBundle = (path: string) => call<BundleReport>('verify_bundle', { path })

export const createTask = (task: TaskDraft) => call<Deadline>('create_task', { task })
export const updateTask = (id: string, task: TaskDraft) => call<Deadline>('update_task', { id, task })
export const deleteTask = (id: string) => call<null>('delete_task', { id })
export const setDeadlineDone = (id: string, done: boolean) => call<Deadline>('set_deadline_done', { id, done })
export const assignDeadline = (id: string, assignee: string) =>
  call<Deadline>('assign_deadline', { id, assignee })

export const listPeople = () => call<Person[]>('list_people')
export const createPerson = (draft: PersonDraft) => call<Person>('create_person', { draft })
export const updatePerson = (id: string, draft: PersonDraft) => call<Person>('update_person', { id, draft })
export const deletePerson = (id: string) => call<null>('delete_person', { id })

export const deadlineRules = () => call<VersionedRule[]>('deadline_rules')
export const deadlineRuleHistory = (key: string) => call<VersionedRule[]>('deadline_rule_history', { key })
export const saveDeadlineRule = (rule: DeadlineRule) => call<VersionedRule>('save_deadline_rule', { rule })
export const resetDeadlineRule = (key: string) => call<VersionedRule>('reset_deadline_rule', { key })
