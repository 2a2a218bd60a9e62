import { DeleteOutlined, EditOutlined, MessageOutlined, PaperClipOutlined, AuditOutlined } from '@ant-design/icons'
import { App, Card, Collapse, Descriptions, Popconfirm, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useErrors } from '../../lib/errors'
import { localTime, showDate, toChinaTime } from '../../lib/format'
import type { ComplaintListingView, CounterDecision, CounterNoticeView } from '../../lib/ipc/bindings'
import { useDeleteCounterNotice } from '../../lib/queries'
import DeadlineTable, { NoDeadlines } from '../deadlines/DeadlineTable'
import DocumentsPanel from '../DocumentsPanel'
import PacketButton from '../PacketButton'
import { EditButton } from '../../lib/access'

const DECISION_COLOR: Record<CounterDecision, string> = { takedown_upheld: 'green', reinstated: 'red' }

interface Props {
  notice: CounterNoticeView
  listings: ComplaintListingView[]
  /** The complaint's platform number or label, for the packet's file name. */
  complaintName: string
  onEdit: () => void
  onRespond: () => void
  onDecide: () => void
}

/** One counter-notice: what the seller said, the deadlines it set, our reply and the decision. */
export default function CounterNoticeCard({ notice: n, listings, complaintName, onEdit, onRespond, onDecide }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { notifyError } = useErrors()
  const del = useDeleteCounterNotice()
  const decided = n.decision !== null
  const covered =
    n.listing_ids.length === 0
      ? t('counter.allListings', { count: listings.length })
      : listings
          .filter((l) => n.listing_ids.includes(l.listing.id))
          .map((l) => `#${l.position} ${l.listing.title || l.listing.canonical_url}`)
          .join(t('common.listSeparator'))
  const pre = (s: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{s || t('common.none')}</span>

  return (
    <Card
      size="small"
      data-testid={`counter-notice-${n.round}`}
      title={
        <Space wrap>
          <span>{t('counter.cardTitle', { round: n.round })}</span>
          {n.decision ? (
            <Tag color={DECISION_COLOR[n.decision]}>{t(`enum.counterDecision.${n.decision}`)}</Tag>
          ) : n.responded_at ? (
            <Tag color="blue">{t('counter.statusResponded')}</Tag>
          ) : (
            <Tag color="orange">{t('counter.statusOpen')}</Tag>
          )}
        </Space>
      }
      extra={
        <Space wrap size={4}>
          {!decided && (
            <EditButton size="small" icon={<EditOutlined />} onClick={onEdit}>
              {t('common.edit')}
            </EditButton>
          )}
          <EditButton size="small" icon={<MessageOutlined />} onClick={onRespond} data-testid="cn-respond">
            {t('counter.respond')}
          </EditButton>
          <EditButton size="small" icon={<AuditOutlined />} onClick={onDecide} data-testid="cn-decide">
            {t('counter.recordDecision')}
          </EditButton>
          <PacketButton size="small" kind="counter_notice" id={n.id} defaultName={`counter-notice-${complaintName}-round-${n.round}`} />
          {!decided && (
            <Popconfirm
              title={t('counter.confirmDelete')}
              description={t('counter.confirmDeleteHint')}
              onConfirm={() =>
                del.mutateAsync(n.id).then(
                  () => message.success(t('common.deleted')),
                  (e: unknown) => notifyError(e),
                )
              }
            >
              <EditButton size="small" danger icon={<DeleteOutlined />} data-testid="cn-delete">
                {t('common.delete')}
              </EditButton>
            </Popconfirm>
          )}
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'received',
              label: t('counter.receivedAt'),
              children: t('counter.timeBoth', { local: localTime(n.received_at), china: toChinaTime(n.received_at) }),
            },
            { key: 'grounds', label: t('counter.grounds'), children: t(`enum.counterGround.${n.grounds}`) },
            { key: 'listings', label: t('counter.listings'), children: covered, span: 'filled' },
            { key: 'statement', label: t('counter.statement'), children: pre(n.statement), span: 'filled' },
            ...(n.extension_days > 0
              ? [
                  {
                    key: 'extension',
                    label: t('counter.extensionDays'),
                    children: `${n.extension_days} · ${n.extension_reason}`,
                    span: 'filled' as const,
                  },
                ]
              : []),
            {
              key: 'response',
              label: t('counter.response'),
              span: 'filled',
              children: n.responded_at ? (
                <Space orientation="vertical" size={0}>
                  {pre(n.response_text)}
                  <Typography.Text type="secondary">
                    {t('counter.timeBoth', { local: localTime(n.responded_at), china: toChinaTime(n.responded_at) })}
                  </Typography.Text>
                </Space>
              ) : (
                t('counter.notResponded')
              ),
            },
            {
              key: 'decision',
              label: t('counter.decision'),
              children: n.decision ? `${t(`enum.counterDecision.${n.decision}`)} (${showDate(n.decided_on)})` : t('counter.undecided'),
            },
          ]}
        />
        <DeadlineTable rows={n.deadlines} testId={`cn-deadlines-${n.round}`} empty={<NoDeadlines text={t('counter.noDeadlines')} />} />
        <Collapse
          size="small"
          items={[
            {
              key: 'evidence',
              label: (
                <Space>
                  <PaperClipOutlined />
                  {`${t('counter.evidence')} (${n.evidence.length})`}
                </Space>
              ),
              children: <DocumentsPanel ownerKind="counter_notice" ownerId={n.id} documents={n.evidence} />,
            },
          ]}
        />
      </Space>
    </Card>
  )
}
