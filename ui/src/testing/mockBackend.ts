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
  DeskError,
  DeskInfo,
  DocumentView,
  ErrorCode,
  ExpiryFlag,
  FieldError,
  Holder,
  HolderDetail,
  HolderDraft,
  HolderRow,
  IpRight,
  JsonValue,
  Platform,
  PlatformBacking,
  PoaDraft,
  PoaState,
  PoaView,
  PowerOfAttorney,
  ProgrammeRegistration,
  ProgrammeRegistrationDraft,
  RightDetail,
  RightDraft,
  RightRow,
  SampleSummary,
  StatusChange,
  StatusChangeInput,
  VerifyReport,
} from '../lib/ipc/bindings'

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
  audit: (AuditView & { record_id: string })[]
  sampleLoaded: boolean
  /** Every call received: command name and arguments. */
  calls: { cmd: string; args: Record<string, unknown> }[]
  /** When set, app_info rejects with this error (simulates a database that failed to open). */
  openError: DeskError | null
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
    audit: [],
    sampleLoaded: false,
    calls: [],
    openError: null,
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
  return s
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
      const added = input.paths.map(
        (p, i): DocumentView => ({
          id: newId(),
          owner_kind: input.owner_kind,
          owner_id: input.owner_id,
          doc_kind: input.doc_kind,
          sha256: (i + 1).toString(16).padStart(64, 'a'),
          original_name: p.split(/[\\/]/).pop() ?? p,
          size: 1024 * (i + 1),
          media_type: 'application/pdf',
          added_at: NOW,
        }),
      )
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
      s.rights.push(...sample.rights)
      s.registrations.push(...sample.registrations)
      const summary: SampleSummary = {
        holders: sample.holders.length,
        agents: sample.agents.length,
        accounts: 0,
        rights: sample.rights.length,
        documents: 0,
      }
      return summary
    }
    default:
      throw deskError('internal', `The mock backend does not implement ${cmd}.`)
  }
}

/** Installs the fake backend; returns its live state (inspect `calls`, `holders`, …). */
export function installMockBackend(state: MockState = seededState()): MockState {
  clearMocks()
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>
    state.calls.push({ cmd, args: structuredClone(args) })
    // Deep copies both ways, like a real IPC boundary.
    return structuredClone(handle(state, cmd, structuredClone(args)))
  })
  return state
}

export { clearMocks }
export default installMockBackend
