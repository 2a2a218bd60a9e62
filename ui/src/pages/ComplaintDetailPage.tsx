import { Card, Descriptions, Space, Spin, Tabs, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import LoadFailed from '../components/LoadFailed'
import { Link, useParams } from 'react-router-dom'
import AuditTrail from '../components/AuditTrail'
import ComplaintActions from '../components/ComplaintActions'
import ComplaintListingsTable from '../components/ComplaintListingsTable'
import CounterNoticesPanel from '../components/counter/CounterNoticesPanel'
import ComplaintDeadlinesPanel from '../components/deadlines/ComplaintDeadlinesPanel'
import DocumentsPanel from '../components/DocumentsPanel'
import FilingProblemsAlert from '../components/FilingProblemsAlert'
import PacketButton from '../components/PacketButton'
import SellerNotifiedField from '../components/SellerNotifiedField'
import { ComplaintStatusTag } from '../components/Tags'
import TestPurchasesPanel from '../components/TestPurchasesPanel'
import { localTime, showDate } from '../lib/format'
import { useComplaint } from '../lib/queries'

export default function ComplaintDetailPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const q = useComplaint(id)

  if (q.isLoading) return <Spin />
  if (q.isError || !q.data) {
    return <LoadFailed error={q.error} backTo="/complaints" backLabel={t('nav.complaints')} />
  }
  const d = q.data
  const c = d.row
  const multiline = (s: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{s || t('common.none')}</span>

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span data-testid="complaint-label">{c.label}</span>
            <ComplaintStatusTag status={c.status} />
          </Space>
        }
        extra={<PacketButton kind="complaint" id={c.id} defaultName={`complaint-${c.external_number || c.label}`} />}
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <ComplaintActions detail={d} />
          <FilingProblemsAlert detail={d} />
          <Descriptions
            column={{ xs: 1, md: 2, xl: 3 }}
            items={[
              { key: 'platform', label: t('complaint.platform'), children: t(`enum.platform.${c.platform}`) },
              { key: 'right', label: t('complaint.right'), children: <Link to={`/rights/${c.right_id}`}>{c.right_title}</Link> },
              { key: 'account', label: t('complaint.account'), children: c.account_label || t('common.none') },
              { key: 'target', label: t('complaint.target'), children: t(`enum.complaintTarget.${c.target}`) },
              { key: 'reason', label: t('complaint.reason'), children: t(`enum.complaintReason.${c.reason}`) },
              { key: 'assignee', label: t('complaint.assignee'), children: c.assignee || t('common.none') },
              { key: 'filed_on', label: t('complaint.filed_on'), children: showDate(c.filed_on) || t('common.none') },
              { key: 'seller_notified_on', label: t('complaint.seller_notified_on'), children: <SellerNotifiedField complaint={c} /> },
              {
                key: 'external_number',
                label: t('complaint.external_number'),
                children: c.external_number ? <Typography.Text copyable>{c.external_number}</Typography.Text> : t('common.none'),
              },
              { key: 'listings', label: t('complaint.listing_count'), children: `${c.listing_count} / ${d.max_listings}` },
              { key: 'zh', label: t('complaint.explanation_zh'), children: <span lang="zh-CN">{multiline(c.explanation_zh)}</span>, span: 'filled' },
              { key: 'en', label: t('complaint.explanation_en'), children: multiline(c.explanation_en), span: 'filled' },
              { key: 'notes', label: t('complaint.notes'), children: multiline(c.notes), span: 'filled' },
              { key: 'created', label: t('common.createdAt'), children: localTime(c.created_at) },
              { key: 'updated', label: t('common.updatedAt'), children: localTime(c.updated_at) },
            ]}
          />
        </Space>
      </Card>
      {(c.status === 'filed' || d.counter_notices.length > 0) && <CounterNoticesPanel detail={d} />}
      <ComplaintDeadlinesPanel detail={d} />
      <Card>
        <Tabs
          items={[
            {
              key: 'listings',
              label: `${t('complaint.tabListings')} (${d.listings.length})`,
              children: <ComplaintListingsTable detail={d} />,
            },
            {
              key: 'evidence',
              label: `${t('complaint.tabEvidence')} (${d.evidence.length})`,
              children: <DocumentsPanel ownerKind="complaint" ownerId={c.id} documents={d.evidence} gallery />,
            },
            {
              key: 'purchases',
              label: `${t('complaint.tabPurchases')} (${d.test_purchases.length})`,
              children: <TestPurchasesPanel complaintId={c.id} purchases={d.test_purchases} listings={d.listings} />,
            },
            { key: 'timeline', label: t('complaint.tabTimeline'), children: <AuditTrail id={c.id} /> },
          ]}
        />
      </Card>
    </Space>
  )
}
