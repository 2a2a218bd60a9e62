import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import type { RedFlag } from '../lib/ipc/bindings'

/** The warning signs seen on a seller, each in words. */
export default function RedFlagsAlert({ flags }: { flags: RedFlag[] }) {
  const { t } = useTranslation()
  if (flags.length === 0) return <Alert type="success" showIcon title={t('risk.noneLong')} />
  return (
    <Alert
      type={flags.length >= 4 ? 'error' : 'warning'}
      showIcon
      title={t('seller.redFlags', { count: flags.length })}
      data-testid="red-flags"
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {flags.map((f) => (
            <li key={f}>{t(`enum.redFlag.${f}`)}</li>
          ))}
        </ul>
      }
    />
  )
}
