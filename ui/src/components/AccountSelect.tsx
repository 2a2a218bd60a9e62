import { Select } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useAllAccounts } from '../lib/queries'

interface Props {
  id?: string
  value?: string
  onChange?: (v: string) => void
  disabled?: boolean
  /** The right's registrant: their accounts are listed first. */
  preferHolderId?: string
}

/** Programme accounts grouped by rights holder, with programme and review status. */
export default function AccountSelect({ id, value, onChange, disabled, preferHolderId }: Props) {
  const { t } = useTranslation()
  const { accounts, isLoading } = useAllAccounts()
  const options = useMemo(() => {
    const byHolder = new Map<string, { label: string; options: { value: string; label: string }[] }>()
    const sorted = [...accounts].sort((a, b) => Number(b.holder_id === preferHolderId) - Number(a.holder_id === preferHolderId))
    for (const a of sorted) {
      const group = byHolder.get(a.holder_id) ?? { label: a.holder_name, options: [] }
      group.options.push({
        value: a.id,
        label: `${a.login_email || a.external_id || t('common.none')} · ${t(`enum.programmeShort.${a.programme}`)} · ${t(`enum.accountStatus.${a.status}`)}`,
      })
      byHolder.set(a.holder_id, group)
    }
    return [...byHolder.values()]
  }, [accounts, preferHolderId, t])
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      disabled={disabled}
      loading={isLoading}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      notFoundContent={t('complaint.noAccounts')}
    />
  )
}
