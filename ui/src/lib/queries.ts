import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query'
import type { QueryKey } from '@tanstack/react-query'
import * as api from './ipc/backend'
import type {
  AccountView,
  BundleReport,
  ComplaintFilter,
  DeadlineFilter,
  EnforcementQuery,
  PacketRequest,
  PacketResult,
  Programme,
} from './ipc/bindings'

export const keys = {
  appInfo: ['app_info'] as const,
  whoami: ['whoami'] as const,
  holders: ['holders'] as const,
  holder: (id: string) => ['holder', id] as const,
  holderAll: ['holder'] as const,
  agents: ['agents'] as const,
  poas: ['poas'] as const,
  rights: ['rights'] as const,
  right: (id: string) => ['right', id] as const,
  rightAll: ['right'] as const,
  audit: ['audit'] as const,
  auditOf: (id: string) => ['audit', id] as const,
  complaints: ['complaints'] as const,
  complaintPage: (f: ComplaintFilter) => ['complaints', f] as const,
  complaint: (id: string) => ['complaint', id] as const,
  complaintAll: ['complaint'] as const,
  sellers: ['sellers'] as const,
  seller: (id: string) => ['seller', id] as const,
  sellerAll: ['seller'] as const,
  suggestions: ['seller_suggestions'] as const,
  listing: (id: string) => ['listing', id] as const,
  listingAll: ['listing'] as const,
  search: (text: string) => ['search', text] as const,
  searchAll: ['search'] as const,
  maxListings: (p: Programme) => ['max_listings', p] as const,
  maxListingsAll: ['max_listings'] as const,
  dataUrl: (id: string) => ['document_data_url', id] as const,
  dashboard: ['dashboard'] as const,
  deadlines: ['open_deadlines'] as const,
  deadlineList: (f: DeadlineFilter) => ['open_deadlines', f] as const,
  enforcement: ['enforcement_report'] as const,
  enforcementOf: (q: EnforcementQuery) => ['enforcement_report', q] as const,
  people: ['people'] as const,
  rules: ['deadline_rules'] as const,
  ruleHistory: (key: string) => ['deadline_rule_history', key] as const,
  ruleHistoryAll: ['deadline_rule_history'] as const,
}

/** The dashboard's figures change with the clock as much as with edits: reload them every minute. */
const EVERY_MINUTE = 60_000

export const useAppInfo = () => useQuery({ queryKey: keys.appInfo, queryFn: api.appInfo, retry: false })
export const useHolders = () => useQuery({ queryKey: keys.holders, queryFn: api.listHolders })
export const useHolder = (id: string) =>
  useQuery({ queryKey: keys.holder(id), queryFn: () => api.getHolder(id) })
export const useAgents = () => useQuery({ queryKey: keys.agents, queryFn: api.listAgents })
export const usePoas = () => useQuery({ queryKey: keys.poas, queryFn: api.listPoas })
export const useRights = () => useQuery({ queryKey: keys.rights, queryFn: api.listRights })
export const useRight = (id: string) =>
  useQuery({ queryKey: keys.right(id), queryFn: () => api.getRight(id) })
export const useAudit = (id: string) =>
  useQuery({ queryKey: keys.auditOf(id), queryFn: () => api.auditTrail(id) })

/** One page of complaints; the previous page stays on screen while the next loads. */
export const useComplaintPage = (filter: ComplaintFilter) =>
  useQuery({
    queryKey: keys.complaintPage(filter),
    queryFn: () => api.listComplaints(filter),
    placeholderData: keepPreviousData,
  })
/** Names complaints are assigned to (for suggestions), from a one-row page. */
export const useAssignees = () =>
  useQuery({
    queryKey: [...keys.complaints, 'assignees'],
    queryFn: () =>
      api.listComplaints({ status: null, platform: null, right_id: null, assignee: null, sort: null, descending: false, offset: 0, limit: 1 }),
    select: (p) => p.assignees,
  })
export const useComplaint = (id: string) =>
  useQuery({ queryKey: keys.complaint(id), queryFn: () => api.getComplaint(id) })
export const useSellers = () => useQuery({ queryKey: keys.sellers, queryFn: api.listSellers })
export const useSeller = (id: string) =>
  useQuery({ queryKey: keys.seller(id), queryFn: () => api.getSeller(id) })
export const useSellerSuggestions = () =>
  useQuery({ queryKey: keys.suggestions, queryFn: api.sellerSuggestions })
export const useListing = (id: string) =>
  useQuery({ queryKey: keys.listing(id), queryFn: () => api.getListing(id) })
export const useSearch = (text: string) =>
  useQuery({
    queryKey: keys.search(text),
    queryFn: () => api.search(text),
    enabled: text !== '',
    placeholderData: keepPreviousData,
  })
export const useMaxListings = (programme: Programme) =>
  useQuery({ queryKey: keys.maxListings(programme), queryFn: () => api.maxListings(programme) })
/** A stored file's bytes never change (content-addressed), so its thumbnail is cached for good. */
export const useDocumentDataUrl = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: keys.dataUrl(id),
    queryFn: () => api.documentDataUrl(id),
    enabled,
    staleTime: Infinity,
  })

export const useDashboard = () =>
  useQuery({ queryKey: keys.dashboard, queryFn: api.dashboard, refetchInterval: EVERY_MINUTE })
export const useOpenDeadlines = (filter: DeadlineFilter, enabled = true) =>
  useQuery({
    queryKey: keys.deadlineList(filter),
    queryFn: () => api.openDeadlines(filter),
    enabled,
    refetchInterval: EVERY_MINUTE,
    placeholderData: keepPreviousData,
  })
export const useEnforcementReport = (query: EnforcementQuery) =>
  useQuery({ queryKey: keys.enforcementOf(query), queryFn: () => api.enforcementReport(query), placeholderData: keepPreviousData })
export const usePeople = () => useQuery({ queryKey: keys.people, queryFn: api.listPeople })
export const useDeadlineRules = () => useQuery({ queryKey: keys.rules, queryFn: api.deadlineRules })
export const useDeadlineRuleHistory = (key: string | null) =>
  useQuery({ queryKey: keys.ruleHistory(key ?? ''), queryFn: () => api.deadlineRuleHistory(key ?? ''), enabled: key !== null })

export type AccountOption = AccountView & { holder_name: string }

/** Every programme account, read from each holder (the backend lists accounts per holder). */
export function useAllAccounts() {
  const holders = useHolders()
  return useQueries({
    queries: (holders.data ?? []).map((h) => ({
      queryKey: keys.holder(h.id),
      queryFn: () => api.getHolder(h.id),
    })),
    combine: (results) => ({
      accounts: results.flatMap((r): AccountOption[] =>
        r.data ? r.data.accounts.map((a) => ({ ...a, holder_name: r.data.holder.legal_name })) : [],
      ),
      isLoading: holders.isLoading || results.some((r) => r.isLoading),
    }),
  })
}

/** A mutation that invalidates the given query keys (and every audit trail) on success. */
function useDeskMutation<V, R>(fn: (v: V) => Promise<R>, invalidate: readonly QueryKey[]) {
  const qc = useQueryClient()
  return useMutation<R, unknown, V>({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all(
        [...invalidate, keys.audit].map((queryKey) => qc.invalidateQueries({ queryKey })),
      )
    },
  })
}

// Holders appear in holder lists/details and as registrant names on rights.
const HOLDER_KEYS = [keys.holders, keys.holderAll, keys.rights, keys.rightAll, keys.poas]
const AGENT_KEYS = [keys.agents, keys.poas, keys.holderAll]
const POA_KEYS = [keys.poas, keys.agents, keys.holderAll]
const ACCOUNT_KEYS = [keys.holders, keys.holderAll]
const RIGHT_KEYS = [keys.rights, keys.rightAll, keys.holders, keys.holderAll]
const DOC_KEYS = [keys.holderAll, keys.rightAll, keys.complaintAll, keys.sellerAll, keys.listingAll]
// Complaints change listing counts on sellers and what search and listings show.
// Filing also sets deadlines; statuses and outcomes feed the dashboard and the enforcement figures.
const COMPLAINT_KEYS = [
  keys.complaints,
  keys.complaintAll,
  keys.sellers,
  keys.sellerAll,
  keys.listingAll,
  keys.searchAll,
  keys.dashboard,
  keys.deadlines,
  keys.enforcement,
]
const SELLER_KEYS = [...COMPLAINT_KEYS, keys.suggestions]
// Deadlines show on the dashboard and on their complaint; outcomes feed the enforcement figures.
const DEADLINE_KEYS = [keys.dashboard, keys.deadlines, keys.complaintAll]
const COUNTER_KEYS = COMPLAINT_KEYS
const RULE_KEYS = [keys.rules, keys.ruleHistoryAll, ...DEADLINE_KEYS]
const ALL_KEYS = [
  keys.holders,
  keys.holderAll,
  keys.agents,
  keys.poas,
  keys.rights,
  keys.rightAll,
  ...SELLER_KEYS,
]

export const useCreateHolder = () => useDeskMutation(api.createHolder, HOLDER_KEYS)
export const useUpdateHolder = () =>
  useDeskMutation((v: { id: string; draft: Parameters<typeof api.updateHolder>[1]; base?: string }) =>
    api.updateHolder(v.id, v.draft, v.base), HOLDER_KEYS)
export const useDeleteHolder = () => useDeskMutation(api.deleteHolder, HOLDER_KEYS)

export const useCreateAgent = () => useDeskMutation(api.createAgent, AGENT_KEYS)
export const useUpdateAgent = () =>
  useDeskMutation((v: { id: string; draft: Parameters<typeof api.updateAgent>[1] }) =>
    api.updateAgent(v.id, v.draft), AGENT_KEYS)
export const useDeleteAgent = () => useDeskMutation(api.deleteAgent, AGENT_KEYS)

export const useCreatePoa = () => useDeskMutation(api.createPoa, POA_KEYS)
export const useUpdatePoa = () =>
  useDeskMutation((v: { id: string; draft: Parameters<typeof api.updatePoa>[1] }) =>
    api.updatePoa(v.id, v.draft), POA_KEYS)
export const useDeletePoa = () => useDeskMutation(api.deletePoa, POA_KEYS)

export const useCreateAccount = () => useDeskMutation(api.createAccount, ACCOUNT_KEYS)
export const useUpdateAccount = () =>
  useDeskMutation((v: { id: string; draft: Parameters<typeof api.updateAccount>[1] }) =>
    api.updateAccount(v.id, v.draft), ACCOUNT_KEYS)
export const useDeleteAccount = () => useDeskMutation(api.deleteAccount, ACCOUNT_KEYS)
export const useChangeAccountStatus = () =>
  useDeskMutation(
    (v: { id: string; input: Parameters<typeof api.changeAccountStatus>[1] }) =>
      api.changeAccountStatus(v.id, v.input),
    ACCOUNT_KEYS,
  )

export const useCreateRight = () => useDeskMutation(api.createRight, RIGHT_KEYS)
export const useUpdateRight = () =>
  useDeskMutation((v: { id: string; draft: Parameters<typeof api.updateRight>[1]; base?: string }) =>
    api.updateRight(v.id, v.draft, v.base), RIGHT_KEYS)
export const useDeleteRight = () => useDeskMutation(api.deleteRight, RIGHT_KEYS)
export const useSetRegistration = () => useDeskMutation(api.setRegistration, RIGHT_KEYS)

export const useAttachDocuments = () => useDeskMutation(api.attachDocuments, DOC_KEYS)
export const useDetachDocument = () => useDeskMutation(api.detachDocument, DOC_KEYS)
export const useOpenDocument = () => useMutation<null, unknown, string>({ mutationFn: api.openDocument })

export const useCreateComplaint = () => useDeskMutation(api.createComplaint, COMPLAINT_KEYS)
export const useUpdateComplaint = () =>
  useDeskMutation((v: { id: string; draft: Parameters<typeof api.updateComplaint>[1]; base?: string }) =>
    api.updateComplaint(v.id, v.draft, v.base), COMPLAINT_KEYS)
export const useDeleteComplaint = () => useDeskMutation(api.deleteComplaint, COMPLAINT_KEYS)
export const useSetComplaintStatus = () =>
  useDeskMutation((v: { id: string; to: Parameters<typeof api.setComplaintStatus>[1] }) =>
    api.setComplaintStatus(v.id, v.to), COMPLAINT_KEYS)
export const useSetComplaintsStatus = () =>
  useDeskMutation((v: { ids: string[]; to: Parameters<typeof api.setComplaintsStatus>[1] }) =>
    api.setComplaintsStatus(v.ids, v.to), COMPLAINT_KEYS)
export const useDeleteComplaints = () => useDeskMutation(api.deleteComplaints, COMPLAINT_KEYS)
export const useFileComplaint = () =>
  useDeskMutation((v: { id: string; input: Parameters<typeof api.fileComplaint>[1] }) =>
    api.fileComplaint(v.id, v.input), COMPLAINT_KEYS)
export const useSetSellerNotified = () =>
  useDeskMutation((v: { id: string; on: string | null }) => api.setSellerNotified(v.id, v.on), COMPLAINT_KEYS)
export const useRemoveComplaintListing = () =>
  useDeskMutation((v: { id: string; listingId: string }) => api.removeComplaintListing(v.id, v.listingId), COMPLAINT_KEYS)
export const useSetListingOutcomes = () =>
  useDeskMutation((v: { id: string; input: Parameters<typeof api.setListingOutcomes>[1] }) =>
    api.setListingOutcomes(v.id, v.input), COMPLAINT_KEYS)
export const useBuildBatch = () => useDeskMutation(api.buildBatch, COMPLAINT_KEYS)
export const useSetMaxListings = () =>
  useDeskMutation((v: { programme: Programme; max: number }) => api.setMaxListings(v.programme, v.max), [
    keys.maxListingsAll,
    keys.complaintAll,
  ])

type ImportVars = {
  request: Parameters<typeof api.importListings>[0]
  onProgress?: Parameters<typeof api.importListings>[2]
  job?: string
}
/** A preview writes nothing, so it invalidates nothing. */
export const useImportPreview = () =>
  useMutation<Awaited<ReturnType<typeof api.importListings>>, unknown, ImportVars>({
    mutationFn: (v) => api.importListings(v.request, false, v.onProgress, v.job),
  })
export const useImportCommit = () =>
  useDeskMutation((v: ImportVars) => api.importListings(v.request, true, v.onProgress, v.job), SELLER_KEYS)

export const useCreateSeller = () => useDeskMutation(api.createSeller, SELLER_KEYS)
export const useUpdateSeller = () =>
  useDeskMutation((v: { id: string; draft: Parameters<typeof api.updateSeller>[1] }) =>
    api.updateSeller(v.id, v.draft), SELLER_KEYS)
export const useDeleteSeller = () => useDeskMutation(api.deleteSeller, SELLER_KEYS)
export const useLinkSellers = () => useDeskMutation(api.linkSellers, SELLER_KEYS)
export const useUnlinkSeller = () => useDeskMutation(api.unlinkSeller, SELLER_KEYS)

export const useCreateTestPurchase = () => useDeskMutation(api.createTestPurchase, COMPLAINT_KEYS)
export const useUpdateTestPurchase = () =>
  useDeskMutation((v: { id: string; draft: Parameters<typeof api.updateTestPurchase>[1] }) =>
    api.updateTestPurchase(v.id, v.draft), COMPLAINT_KEYS)
export const useDeleteTestPurchase = () => useDeskMutation(api.deleteTestPurchase, COMPLAINT_KEYS)

export const useRecordCounterNotice = () => useDeskMutation(api.recordCounterNotice, COUNTER_KEYS)
export const useUpdateCounterNotice = () =>
  useDeskMutation((v: { id: string; draft: Parameters<typeof api.updateCounterNotice>[1] }) =>
    api.updateCounterNotice(v.id, v.draft), COUNTER_KEYS)
export const useRespondToCounterNotice = () =>
  useDeskMutation((v: { id: string; input: Parameters<typeof api.respondToCounterNotice>[1] }) =>
    api.respondToCounterNotice(v.id, v.input), COUNTER_KEYS)
export const useDecideCounterNotice = () =>
  useDeskMutation((v: { id: string; input: Parameters<typeof api.decideCounterNotice>[1] }) =>
    api.decideCounterNotice(v.id, v.input), COUNTER_KEYS)
export const useDeleteCounterNotice = () => useDeskMutation(api.deleteCounterNotice, COUNTER_KEYS)

export const useCreateTask = () => useDeskMutation(api.createTask, DEADLINE_KEYS)
export const useUpdateTask = () =>
  useDeskMutation((v: { id: string; task: Parameters<typeof api.updateTask>[1] }) => api.updateTask(v.id, v.task), DEADLINE_KEYS)
export const useDeleteTask = () => useDeskMutation(api.deleteTask, DEADLINE_KEYS)
export const useSetDeadlineDone = () =>
  useDeskMutation((v: { id: string; done: boolean }) => api.setDeadlineDone(v.id, v.done), DEADLINE_KEYS)
export const useAssignDeadline = () =>
  useDeskMutation((v: { id: string; assignee: string }) => api.assignDeadline(v.id, v.assignee), DEADLINE_KEYS)

export const useCreatePerson = () => useDeskMutation(api.createPerson, [keys.people])
export const useUpdatePerson = () =>
  useDeskMutation((v: { id: string; draft: Parameters<typeof api.updatePerson>[1] }) =>
    api.updatePerson(v.id, v.draft), [keys.people])
export const useDeletePerson = () => useDeskMutation(api.deletePerson, [keys.people])

export const useSaveDeadlineRule = () => useDeskMutation(api.saveDeadlineRule, RULE_KEYS)
export const useResetDeadlineRule = () => useDeskMutation(api.resetDeadlineRule, RULE_KEYS)

export const useExportReport = () => useMutation<null, unknown, Parameters<typeof api.exportReport>[0]>({ mutationFn: api.exportReport })
export const useExportIcs = () => useMutation<null, unknown, string>({ mutationFn: api.exportIcs })

// Generating a packet writes files outside the database (and records nothing a view shows), so it invalidates nothing.
export const useGeneratePacket = () =>
  useMutation<PacketResult, unknown, PacketRequest>({ mutationFn: api.generatePacket })
export const useOpenPacket = () => useMutation<null, unknown, string>({ mutationFn: api.openPacket })
export const useVerifyBundle = () => useMutation<BundleReport, unknown, string>({ mutationFn: api.verifyBundle })

export const useComplaintUrls = () => useMutation<string, unknown, string>({ mutationFn: api.complaintUrls })
export const useExportComplaintUrls = () =>
  useMutation<null, unknown, { id: string; format: Parameters<typeof api.exportComplaintUrls>[1]; path: string }>({
    mutationFn: (v) => api.exportComplaintUrls(v.id, v.format, v.path),
  })

export const useVerifyIntegrity = () => useMutation({ mutationFn: api.verifyIntegrity })
export const useLoadSample = () => useDeskMutation(() => api.loadSample(), ALL_KEYS)
