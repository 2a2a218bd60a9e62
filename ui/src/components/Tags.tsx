import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type {
  AccountStatus,
  ExpiryFlag,
  PoaState,
  ProgrammeRegistration,
  ProgrammeRightState,
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
