import { AppstoreAddOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons'
import { App, Button, Card, Descriptions, Popconfirm, Space, Spin, Tabs, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import LoadFailed from '../components/LoadFailed'
import { useNavigate, useParams } from 'react-router-dom'
import AuditTrail from '../components/AuditTrail'
import BatchBuilderDialog from '../components/BatchBuilderDialog'
import ComplaintRowsTable from '../components/ComplaintRowsTable'
import DocumentsPanel from '../components/DocumentsPanel'
import ListingsTable from '../components/ListingsTable'
import RedFlagsAlert from '../components/RedFlagsAlert'
import SellerForm from '../components/SellerForm'
import SellerGroupCard from '../components/SellerGroupCard'
import { RiskTag } from '../components/Tags'
import { useErrors } from '../lib/errors'
import { localTime } from '../lib/format'
import { useDeleteSeller, useSeller } from '../lib/queries'
import { EditButton } from '../lib/access'

export default function SellerDetailPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const { notifyError } = useErrors()
  const q = useSeller(id)
  const del = useDeleteSeller()
  const [editing, setEditing] = useState(false)
  const [selected, setSelected] = useState<string[]>([])
  const [building, setBuilding] = useState(false)

  if (q.isLoading) return <Spin />
  if (q.isError || !q.data) {
    return <LoadFailed error={q.error} backTo="/sellers" backLabel={t('nav.sellers')} />
  }
  const d = q.data
  const s = d.row
  const or = (v: string | number | null) => (v === null || v === '' ? t('common.none') : String(v))

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span lang="zh-CN">{s.store_name}</span>
            {s.store_name_translation && <Typography.Text type="secondary">{s.store_name_translation}</Typography.Text>}
            <RiskTag level={s.risk_level} flags={s.flags} />
          </Space>
        }
        extra={
          <Space>
            <EditButton icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="seller-edit">
              {t('common.edit')}
            </EditButton>
            <Popconfirm
              title={t('common.confirmDelete')}
              description={t('seller.deleteHint')}
              onConfirm={() =>
                del.mutateAsync(s.id).then(
                  () => {
                    message.success(t('common.deleted'))
                    navigate('/sellers')
                  },
                  (e: unknown) => notifyError(e),
                )
              }
            >
              <EditButton danger icon={<DeleteOutlined />} data-testid="seller-delete">
                {t('common.delete')}
              </EditButton>
            </Popconfirm>
          </Space>
        }
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <RedFlagsAlert flags={s.flags} />
          <Descriptions
            column={{ xs: 1, md: 2, xl: 3 }}
            items={[
              { key: 'platform', label: t('seller.platform'), children: t(`enum.platform.${s.platform}`) },
              {
                key: 'store_url',
                label: t('seller.store_url'),
                children: s.store_url ? <Typography.Text copyable>{s.store_url}</Typography.Text> : t('common.none'),
              },
              { key: 'store_id', label: t('seller.store_id'), children: or(s.store_id) },
              { key: 'company', label: t('seller.company_name'), children: <span lang="zh-CN">{or(s.company_name)}</span> },
              { key: 'location', label: t('seller.location'), children: or(s.location) },
              { key: 'phone', label: t('seller.phone'), children: or(s.phone) },
              { key: 'wechat', label: t('seller.wechat_id'), children: or(s.wechat_id) },
              { key: 'address', label: t('seller.address'), children: <span lang="zh-CN">{or(s.address)}</span> },
              { key: 'years', label: t('seller.years_in_business'), children: or(s.years_in_business) },
              { key: 'staff', label: t('seller.employee_count'), children: or(s.employee_count) },
              { key: 'office', label: t('seller.office_size_m2'), children: s.office_size_m2 === null ? t('common.none') : `${s.office_size_m2} m²` },
              { key: 'factory', label: t('seller.factory_size_m2'), children: s.factory_size_m2 === null ? t('common.none') : `${s.factory_size_m2} m²` },
              { key: 'rating', label: t('seller.rating'), children: s.rating === null ? t('common.none') : s.rating.toFixed(1) },
              {
                key: 'badges',
                label: t('seller.badges'),
                children: s.badges.length ? s.badges.map((b) => <Tag key={b}>{t(`badge.${b}`, { defaultValue: b })}</Tag>) : t('common.none'),
              },
              { key: 'counts', label: t('seller.listings'), children: `${s.listings} · ${t('seller.complaints')}: ${s.complaints}` },
              { key: 'notes', label: t('seller.notes'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{or(s.notes)}</span>, span: 'filled' },
              { key: 'created', label: t('common.createdAt'), children: localTime(s.created_at) },
              { key: 'updated', label: t('common.updatedAt'), children: localTime(s.updated_at) },
            ]}
          />
        </Space>
      </Card>
      <SellerGroupCard sellerId={s.id} group={d.group} suggestions={d.suggestions} />
      <Card>
        <Tabs
          items={[
            {
              key: 'listings',
              label: `${t('seller.tabListings')} (${d.listings.length})`,
              children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Button
                    icon={<AppstoreAddOutlined />}
                    disabled={selected.length === 0}
                    onClick={() => setBuilding(true)}
                    data-testid="seller-batch"
                  >
                    {t('seller.buildFromSelected', { count: selected.length })}
                  </Button>
                  <ListingsTable listings={d.listings} selected={selected} onSelect={setSelected} />
                </Space>
              ),
            },
            {
              key: 'complaints',
              label: `${t('seller.tabComplaints')} (${d.complaints.length})`,
              children: <ComplaintRowsTable rows={d.complaints} />,
            },
            {
              key: 'documents',
              label: `${t('seller.tabDocuments')} (${d.documents.length})`,
              children: <DocumentsPanel ownerKind="seller" ownerId={s.id} documents={d.documents} />,
            },
            { key: 'audit', label: t('holder.tabAudit'), children: <AuditTrail id={s.id} /> },
          ]}
        />
      </Card>
      <SellerForm open={editing} seller={s} onClose={() => setEditing(false)} />
      <BatchBuilderDialog
        open={building}
        listingIds={selected}
        platform={s.platform}
        onClose={() => {
          setBuilding(false)
          setSelected([])
        }}
      />
    </Space>
  )
}
