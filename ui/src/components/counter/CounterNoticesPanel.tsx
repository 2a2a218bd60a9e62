import { PlusOutlined } from '@ant-design/icons'
import { Card, Empty, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ComplaintDetail, CounterNoticeView } from '../../lib/ipc/bindings'
import CounterDecisionModal from './CounterDecisionModal'
import CounterNoticeCard from './CounterNoticeCard'
import CounterNoticeForm from './CounterNoticeForm'
import CounterResponseModal from './CounterResponseModal'
import { EditButton } from '../../lib/access'

/** The sellers' counter-notices on a filed complaint, newest round first. */
export default function CounterNoticesPanel({ detail }: { detail: ComplaintDetail }) {
  const { t } = useTranslation()
  const [form, setForm] = useState<{ open: boolean; notice: CounterNoticeView | null }>({ open: false, notice: null })
  const [responding, setResponding] = useState<CounterNoticeView | null>(null)
  const [deciding, setDeciding] = useState<CounterNoticeView | null>(null)
  const filed = detail.row.status === 'filed'
  const notices = [...detail.counter_notices].sort((a, b) => b.round - a.round || b.received_at.localeCompare(a.received_at))

  return (
    <Card
      title={`${t('counter.title')} (${notices.length})`}
      data-testid="counter-notices"
      extra={
        filed && (
          <EditButton icon={<PlusOutlined />} onClick={() => setForm({ open: true, notice: null })} data-testid="counter-notice-add">
            {t('counter.new')}
          </EditButton>
        )
      }
    >
      {notices.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('counter.empty')} />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {!filed && <Typography.Text type="secondary">{t('counter.closedHint')}</Typography.Text>}
          {notices.map((n) => (
            <CounterNoticeCard
              key={n.id}
              notice={n}
              listings={detail.listings}
              complaintName={detail.row.external_number || detail.row.label}
              onEdit={() => setForm({ open: true, notice: n })}
              onRespond={() => setResponding(n)}
              onDecide={() => setDeciding(n)}
            />
          ))}
        </Space>
      )}
      <CounterNoticeForm open={form.open} detail={detail} notice={form.notice} onClose={() => setForm({ open: false, notice: null })} />
      <CounterResponseModal notice={responding} onClose={() => setResponding(null)} />
      <CounterDecisionModal notice={deciding} onClose={() => setDeciding(null)} />
    </Card>
  )
}
