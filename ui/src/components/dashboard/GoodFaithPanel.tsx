import { Alert, Card, Col, Empty, Progress, Row, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { GOOD_FAITH_COUNTER_MAX, GOOD_FAITH_TAKEDOWN_MIN } from '../../lib/enums'
import { goodFaithSentence, LEVEL_COLOR } from './goodFaith'
import { percent } from '../../lib/format'
import type { GoodFaithLevel, GoodFaithRow } from '../../lib/ipc/bindings'

const LEVEL_TAG: Record<GoodFaithLevel, string> = { no_data: 'default', ok: 'green', warning: 'gold', failing: 'red' }
const ALERT: Record<GoodFaithLevel, 'info' | 'success' | 'warning' | 'error'> = {
  no_data: 'info',
  ok: 'success',
  warning: 'warning',
  failing: 'error',
}

export function GoodFaithTag({ level }: { level: GoodFaithLevel }) {
  const { t } = useTranslation()
  return <Tag color={LEVEL_TAG[level]}>{t(`goodFaith.level.${level}`)}</Tag>
}

/** One rate against its line: a bar coloured by how close it is. */
function RateBar({ label, rate, level, scaleMax, line }: { label: string; rate: number | null; level: GoodFaithLevel; scaleMax: number; line: string }) {
  return (
    <div>
      <Space style={{ display: 'flex', justifyContent: 'space-between' }}>
        <Typography.Text>{label}</Typography.Text>
        <Typography.Text strong style={{ color: LEVEL_COLOR[level] }}>
          {percent(rate)}
        </Typography.Text>
      </Space>
      <Progress percent={rate === null ? 0 : Math.min(100, (rate / scaleMax) * 100)} showInfo={false} strokeColor={LEVEL_COLOR[level]} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {line}
      </Typography.Text>
    </div>
  )
}

function AccountGoodFaith({ row }: { row: GoodFaithRow }) {
  const { t } = useTranslation()
  const { figures, check } = row
  return (
    <Card size="small" title={row.account_label} extra={<GoodFaithTag level={check.level} />} data-testid={`good-faith-${row.account_id}`} data-level={check.level}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <RateBar
          label={t('goodFaith.takedownRate')}
          rate={figures.takedown_rate}
          level={check.takedown_level}
          scaleMax={100}
          line={t('goodFaith.takedownLine', { line: GOOD_FAITH_TAKEDOWN_MIN })}
        />
        <RateBar
          label={t('goodFaith.counterRate')}
          rate={figures.successful_counter_rate}
          level={check.counter_level}
          // Scaled to twice the line, so that a few percent still shows.
          scaleMax={GOOD_FAITH_COUNTER_MAX * 2}
          line={t('goodFaith.counterLine', { line: GOOD_FAITH_COUNTER_MAX })}
        />
        <Alert type={ALERT[check.level]} showIcon title={goodFaithSentence(t, row)} data-testid="good-faith-sentence" />
      </Space>
    </Card>
  )
}

/** The good-faith takedown programme, per Alibaba IPP account, over the rolling 3 months. */
export default function GoodFaithPanel({ rows, from, to }: { rows: GoodFaithRow[]; from: string; to: string }) {
  const { t } = useTranslation()
  return (
    <Card title={t('goodFaith.title')} extra={<Typography.Text type="secondary">{t('goodFaith.period', { from, to })}</Typography.Text>} data-testid="good-faith-panel">
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('goodFaith.empty')} />
      ) : (
        <Row gutter={[16, 16]}>
          {rows.map((r) => (
            <Col key={r.account_id} xs={24} lg={12} xl={8}>
              <AccountGoodFaith row={r} />
            </Col>
          ))}
        </Row>
      )}
    </Card>
  )
}
