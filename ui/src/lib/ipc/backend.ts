// The only module that talks to the Rust side. Everything else imports these functions.
import { invoke } from '@tauri-apps/api/core'
import type {
  AccountDraft,
  AccountView,
  Agent,
  AgentDraft,
  AgentRow,
  AttachInput,
  AuditView,
  DeskError,
  DeskInfo,
  DocumentView,
  ErrorCode,
  Holder,
  HolderDetail,
  HolderDraft,
  HolderRow,
  IpRight,
  PoaDraft,
  PoaView,
  ProgrammeRegistration,
  ProgrammeRegistrationDraft,
  RightDetail,
  RightDraft,
  RightRow,
  SampleSummary,
  StatusChangeInput,
  VerifyReport,
} from './bindings'

const ERROR_CODES: readonly ErrorCode[] = [
  'validation',
  'not_found',
  'duplicate',
  'in_use',
  'invalid_transition',
  'not_a_database',
  'not_ipp_desk',
  'database_too_new',
  'io',
  'internal',
]

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

function call<T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> {
  return invoke<T>(cmd, args)
}

export const appInfo = () => call<DeskInfo>('app_info')

export const listHolders = () => call<HolderRow[]>('list_holders')
export const getHolder = (id: string) => call<HolderDetail>('get_holder', { id })
export const createHolder = (draft: HolderDraft) => call<Holder>('create_holder', { draft })
export const updateHolder = (id: string, draft: HolderDraft) =>
  call<Holder>('update_holder', { id, draft })
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
export const updateRight = (id: string, draft: RightDraft) =>
  call<IpRight>('update_right', { id, draft })
export const deleteRight = (id: string) => call<null>('delete_right', { id })

export const setRegistration = (draft: ProgrammeRegistrationDraft) =>
  call<ProgrammeRegistration>('set_registration', { draft })

export const attachDocuments = (input: AttachInput) =>
  call<DocumentView[]>('attach_documents', { input })
export const detachDocument = (id: string) => call<null>('detach_document', { id })
export const openDocument = (id: string) => call<null>('open_document', { id })

export const auditTrail = (id: string) => call<AuditView[]>('audit_trail', { id })
export const verifyIntegrity = () => call<VerifyReport>('verify_integrity')
export const loadSample = () => call<SampleSummary>('load_sample')
