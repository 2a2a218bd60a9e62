import { Card, Col, Row, Statistic } from 'antd'
import { useTranslation } from 'react-i18next'
import type { DeadlineBucket } from '../../lib/enums'
import { count } from '../../lib/format'
import type { BucketCounts } from '../../lib/ipc/bindings'

const CARDS: { bucket: DeadlineBucket; field: keyof BucketCounts; color?: string }[] = [
  { bucket: 'overdue', field: 'overdue', color: '#cf1322' },
  { bucket: 'today', field: 'due_today', color: '#d46b08' },
  { bucket: 'week', field: 'due_this_week' },
  { bucket: 'open', field: 'open' },
]

/** Overdue, due today, this week, open: click one to list just those. */
export default function BucketCards({
  counts,
  selected,
  onSelect,
}: {
  counts: BucketCounts
  selected: DeadlineBucket | null
  onSelect: (b: DeadlineBucket | null) => void
}) {
  const { t } = useTranslation()
  return (
    <Row gutter={[16, 16]}>
      {CARDS.map(({ bucket, field, color }) => {
        const n = count(counts[field])
        const active = selected === bucket
        return (
          <Col key={bucket} xs={12} lg={6}>
            <Card
              hoverable
              size="small"
              onClick={() => onSelect(active ? null : bucket)}
              style={active ? { borderColor: '#1677ff', boxShadow: '0 0 0 1px #1677ff' } : undefined}
              data-testid={`dashboard-count-${bucket}`}
              aria-pressed={active}
              role="button"
            >
              <Statistic title={t(`dashboard.bucket.${bucket}`)} value={n} styles={{ content: n > 0 && color ? { color } : undefined }} />
            </Card>
          </Col>
        )
      })}
    </Row>
  )
}
