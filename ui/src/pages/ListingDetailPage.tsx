import { Card, Descriptions, Space, Spin, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import LoadFailed from '../components/LoadFailed'
import { Link, useParams } from 'react-router-dom'
import ComplaintRowsTable from '../components/ComplaintRowsTable'
import DocumentsPanel from '../components/DocumentsPanel'
import { localTime } from '../lib/format'
import { useListing } from '../lib/queries'

/** One listing: what it is, every complaint that named it, and its own evidence. */
export default function ListingDetailPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const q = useListing(id)

  if (q.isLoading) return <Spin />
  if (q.isError || !q.data) {
    return <LoadFailed error={q.error} backTo="/complaints" backLabel={t('nav.complaints')} />
  }
  const { listing: l, complaints, evidence } = q.data
  const or = (v: string | null) => v || t('common.none')
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={<span lang="zh-CN">{l.title || l.canonical_url}</span>}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'url', label: t('listing.url'), children: <Typography.Text copyable>{l.canonical_url}</Typography.Text>, span: 'filled' },
            { key: 'original', label: t('listing.pastedAs'), children: or(l.original_url), span: 'filled' },
            { key: 'platform', label: t('listing.platform'), children: t(`enum.platform.${l.platform}`) },
            { key: 'kind', label: t('listing.kind'), children: t(`enum.listingKind.${l.kind}`) },
            { key: 'id', label: t('listing.external_id'), children: or(l.external_id) },
            { key: 'price', label: t('listing.price'), children: or(l.price) },
            {
              key: 'seller',
              label: t('listing.seller'),
              children: l.seller_id ? <Link to={`/sellers/${l.seller_id}`}>{l.seller_name || t('listing.seller')}</Link> : or(l.seller_name),
            },
            { key: 'store_url', label: t('seller.store_url'), children: or(l.store_url) },
            { key: 'notes', label: t('common.notes'), children: or(l.notes), span: 'filled' },
            { key: 'created', label: t('common.createdAt'), children: localTime(l.created_at) },
          ]}
        />
      </Card>
      <Card title={t('listing.complaints')}>
        <ComplaintRowsTable rows={complaints} />
      </Card>
      <Card title={t('listing.evidence')}>
        <DocumentsPanel ownerKind="listing" ownerId={l.id} documents={evidence} gallery defaultKind="listing_screenshot" />
      </Card>
    </Space>
  )
}
