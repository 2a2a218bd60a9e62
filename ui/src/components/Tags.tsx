import { Tag, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import type {
  AccountStatus,
  ComplaintStatus,
  ExpiryFlag,
  LineReport,
  ListingOutcome,
  PoaState,
  ProgrammeRegistration,
  ProgrammeRightState,
  RedFlag,
  RiskLevel,
} from '../lib/ipc/bindings'

export function ExpiryTag({ flag }: { flag: ExpiryFlag }) {
  const { t } = useTranslation()
  const color: Record<ExpiryFlag, string | null> = {
    no_expiry: null,
    ok: null,
    within90_days: 'orange',
    within30_days: 'red',
    expired: 'red',
  }
  const c = color[flag]
  return c ? <Tag color={c}>{t(`enum.expiryFlag.${flag}`)}</Tag> : null
}

export function PoaStateTag({ state }: { state: PoaState }) {
  const { t } = useTranslation()
  switch (state.state) {
    case 'valid':
      return <Tag color="green">{t('enum.poaState.valid')}</Tag>
    case 'expiring_soon':
      return <Tag color="orange">{t('enum.poaState.expiring_soon', { days: state.days_left })}</Tag>
    case 'expired':
      return <Tag color="red">{t('enum.poaState.expired')}</Tag>
    case 'not_yet_valid':
      return <Tag color="blue">{t('enum.poaState.not_yet_valid')}</Tag>
  }
}

const STATUS_COLOR: Record<AccountStatus, string> = {
  not_started: 'default',
  submitted: 'blue',
  verified: 'green',
  rejected: 'red',
  resubmitted: 'purple',
}

export function AccountStatusTag({ status }: { status: AccountStatus }) {
  const { t } = useTranslation()
  return <Tag color={STATUS_COLOR[status]}>{t(`enum.accountStatus.${status}`)}</Tag>
}

const REG_COLOR: Record<ProgrammeRightState, string> = {
  submitted: 'blue',
  approved: 'green',
  rejected: 'red',
  needs_new_proof: 'orange',
}

export function RegStateTag({ state }: { state: ProgrammeRightState }) {
  const { t } = useTranslation()
  return <Tag color={REG_COLOR[state]}>{t(`enum.regState.${state}`)}</Tag>
}

/** "IPP: approved" style tags for a right's programme registrations. */
export function RegistrationTags({ regs }: { regs: ProgrammeRegistration[] }) {
  const { t } = useTranslation()
  return (
    <>
      {regs.map((r) => (
        <Tag key={r.id} color={REG_COLOR[r.state]}>
          {`${t(`enum.programmeShort.${r.programme}`)}: ${t(`enum.regState.${r.state}`)}`}
        </Tag>
      ))}
    </>
  )
}

const COMPLAINT_COLOR: Record<ComplaintStatus, string> = {
  draft: 'default',
  ready: 'blue',
  filed: 'purple',
  closed: 'green',
}

export function ComplaintStatusTag({ status }: { status: ComplaintStatus }) {
  const { t } = useTranslation()
  return <Tag color={COMPLAINT_COLOR[status]}>{t(`enum.complaintStatus.${status}`)}</Tag>
}

const OUTCOME_COLOR: Record<ListingOutcome, string> = {
  pending: 'default',
  removed: 'green',
  rejected: 'red',
  reinstated: 'orange',
  withdrawn: 'default',
}

export function OutcomeTag({ outcome }: { outcome: ListingOutcome }) {
  const { t } = useTranslation()
  return <Tag color={OUTCOME_COLOR[outcome]}>{t(`enum.outcome.${outcome}`)}</Tag>
}

const RISK_COLOR: Record<RiskLevel, string> = { none: 'green', low: 'gold', medium: 'orange', high: 'red' }

/** The level comes from the domain's rule (`risk_level`); the UI only colours it. */
export function RiskTag({ level, flags }: { level: RiskLevel; flags: RedFlag[] }) {
  const { t } = useTranslation()
  const label = t(`risk.${level}`)
  const summary = flags.length ? `${label}: ${flags.map((f) => t(`enum.redFlag.${f}`)).join(t('common.listSeparator'))}` : label
  return (
    <Tooltip title={summary}>
      <Tag color={RISK_COLOR[level]} data-testid="risk-tag">
        {label}
      </Tag>
    </Tooltip>
  )
}

const LINE_COLOR: Record<LineReport['status'], string> = {
  accepted: 'green',
  duplicate_in_batch: 'default',
  already_known: 'blue',
  invalid: 'red',
}

export function LineStatusTag({ status }: { status: LineReport['status'] }) {
  const { t } = useTranslation()
  return <Tag color={LINE_COLOR[status]}>{t(`import.status.${status}`)}</Tag>
}
