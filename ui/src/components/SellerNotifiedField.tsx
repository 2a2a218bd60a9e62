import { App, DatePicker, Space, Tag, Tooltip } from 'antd'
import { useCanEdit } from '../lib/useCanEdit'
import { useTranslation } from 'react-i18next'
import { useErrors } from '../lib/errors'
import { fromIsoDate, toIsoDate } from '../lib/format'
import type { ComplaintRow } from '../lib/ipc/bindings'
import { useSetSellerNotified } from '../lib/queries'

/**
 * When the platform notified the seller, set in place on a filed complaint:
 * the seller's counter-notice window runs from it; until it is set the
 * window is counted from the filing date and marked as an estimate.
 */
export default function SellerNotifiedField({ complaint }: { complaint: ComplaintRow }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { notifyError } = useErrors()
  const save = useSetSellerNotified()
  const canEdit = useCanEdit()
  if (!complaint.filed_on) return <>{t('common.none')}</>
  const onChange = (on: string | null) =>
    save.mutateAsync({ id: complaint.id, on }).then(
      () => message.success(t('common.saved')),
      (e: unknown) => notifyError(e),
    )
  return (
    <Space size={8} wrap>
      <DatePicker
        size="small"
        allowClear
        value={fromIsoDate(complaint.seller_notified_on)}
        disabledDate={(d) => d.isBefore(fromIsoDate(complaint.filed_on), 'day')}
        onChange={(d) => void onChange(toIsoDate(d))}
        disabled={save.isPending || !canEdit}
        aria-label={t('complaint.seller_notified_on')}
        data-testid="seller-notified"
      />
      {!complaint.seller_notified_on && (
        <Tooltip title={t('complaint.sellerNotifiedHint')}>
          <Tag color="gold" data-testid="seller-notified-missing">
            {t('complaint.sellerNotifiedMissing')}
          </Tag>
        </Tooltip>
      )}
    </Space>
  )
}
