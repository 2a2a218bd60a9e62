import { Tag, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { localTime } from '../../lib/format'
import type { Deadline } from '../../lib/ipc/bindings'

type Due = Pick<Deadline, 'due_at' | 'due_date' | 'time_zone' | 'done_at'>

/** When it is due on this computer's clock, with the rule's own day and time zone beneath. */
export function DueCell({ d, now }: { d: Due; now?: string }) {
  const { t } = useTranslation()
  const overdue = !d.done_at && now !== undefined && d.due_at < now
  const zone = `${d.due_date} · ${d.time_zone}`
  return (
    <Tooltip title={t('deadline.dueInZone', { day: d.due_date, zone: d.time_zone })}>
      <div>
        <Typography.Text type={overdue ? 'danger' : undefined} strong={overdue}>
          {localTime(d.due_at)}
        </Typography.Text>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {zone}
          </Typography.Text>
        </div>
      </div>
    </Tooltip>
  )
}

/**
 * The due day could not be computed exactly: a holiday schedule it depends on
 * is not published, or it is counted from the filing date because the day the
 * seller was notified is not recorded.
 */
export function EstimatedTag({ d }: { d: Pick<Deadline, 'estimated' | 'missing_years' | 'counted_from_filing'> }) {
  const { t } = useTranslation()
  if (!d.estimated) return null
  const years = d.missing_years.join(t('common.listSeparator'))
  const reasons = [
    ...(d.counted_from_filing ? [t('deadline.fromFilingDetail')] : []),
    ...(d.missing_years.length > 0 ? [t('deadline.estimatedDetail', { years, count: d.missing_years.length })] : []),
  ]
  return (
    <Tooltip title={reasons.join(' ')}>
      <Tag color="gold" data-testid="deadline-estimated">
        {d.missing_years.length > 0 ? t('deadline.estimated', { years }) : t('deadline.fromFiling')}
      </Tag>
    </Tooltip>
  )
}
