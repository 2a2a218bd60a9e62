import { PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Empty, Input, Space, Table, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import SellerForm from '../components/SellerForm'
import SuggestedLinks from '../components/SuggestedLinks'
import { RiskTag } from '../components/Tags'
import { useLoadSampleAction } from '../components/useLoadSampleAction'
import { PLATFORMS } from '../lib/enums'
import { errorDetail, errorTitle } from '../lib/errors'
import { compareStr } from '../lib/format'
import type { SellerRow } from '../lib/ipc/bindings'
import { useSellerSuggestions, useSellers } from '../lib/queries'
import { EditButton } from '../lib/access'

const num = (a: number | null, b: number | null) => (a ?? -1) - (b ?? -1)

export default function SellersPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const sellers = useSellers()
  const suggestions = useSellerSuggestions()
  const [search, setSearch] = useState('')
  const [creating, setCreating] = useState(false)
  const { loadSample, loading: sampleLoading } = useLoadSampleAction()

  const rows = useMemo(() => sellers.data ?? [], [sellers.data])
  const filtered = useMemo(() => {
    const q = search.trim().toLowerCase()
    if (!q) return rows
    return rows.filter((r) =>
      [r.store_name, r.store_name_translation, r.company_name, r.store_url, r.location, r.phone, r.wechat_id].some((s) =>
        s.toLowerCase().includes(q),
      ),
    )
  }, [rows, search])

  const columns: TableColumnsType<SellerRow> = [
    {
      title: t('seller.store_name'),
      dataIndex: 'store_name',
      width: 260,
      sorter: (a, b) => compareStr(a.store_name, b.store_name),
      render: (v: string, r) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/sellers/${r.id}`} lang="zh-CN">
            {v}
          </Link>
          {r.store_name_translation && <Typography.Text type="secondary">{r.store_name_translation}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('seller.platform'),
      dataIndex: 'platform',
      width: 130,
      render: (p: SellerRow['platform']) => t(`enum.platform.${p}`),
      sorter: (a, b) => compareStr(a.platform, b.platform),
      filters: PLATFORMS.filter((p) => rows.some((r) => r.platform === p)).map((p) => ({ text: t(`enum.platform.${p}`), value: p })),
      onFilter: (v, r) => r.platform === v,
    },
    { title: t('seller.company_name'), dataIndex: 'company_name', width: 240, ellipsis: true, sorter: (a, b) => compareStr(a.company_name, b.company_name) },
    { title: t('seller.years'), dataIndex: 'years_in_business', width: 90, align: 'right', sorter: (a, b) => num(a.years_in_business, b.years_in_business) },
    { title: t('seller.staff'), dataIndex: 'employee_count', width: 90, align: 'right', sorter: (a, b) => num(a.employee_count, b.employee_count) },
    {
      title: t('seller.rating'),
      dataIndex: 'rating',
      width: 90,
      align: 'right',
      render: (v: number | null) => (v === null ? '' : v.toFixed(1)),
      sorter: (a, b) => num(a.rating, b.rating),
    },
    {
      title: t('seller.risk'),
      key: 'risk',
      width: 150,
      render: (_, r) => <RiskTag level={r.risk_level} flags={r.flags} />,
      sorter: (a, b) => a.flags.length - b.flags.length,
      defaultSortOrder: 'descend',
    },
    { title: t('seller.listings'), dataIndex: 'listings', width: 100, align: 'right', sorter: (a, b) => a.listings - b.listings },
    { title: t('seller.complaints'), dataIndex: 'complaints', width: 110, align: 'right', sorter: (a, b) => a.complaints - b.complaints },
  ]

  if (sellers.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={errorTitle(t, sellers.error)}
        description={errorDetail(sellers.error)}
        action={<Button onClick={() => void sellers.refetch()}>{t('common.retry')}</Button>}
      />
    )
  }

  const empty = !sellers.isLoading && rows.length === 0
  return (
    <>
      {empty ? (
        <Empty description={t('seller.empty')} style={{ marginTop: 64 }}>
          <Space>
            <EditButton type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="seller-new">
              {t('seller.new')}
            </EditButton>
            <Button onClick={loadSample} loading={sampleLoading}>
              {t('holder.loadSample')}
            </Button>
          </Space>
        </Empty>
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <div>
            <Space style={{ marginBottom: 16, display: 'flex', justifyContent: 'space-between' }} wrap>
              <Input.Search
                allowClear
                placeholder={t('seller.searchPlaceholder')}
                aria-label={t('common.search')}
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                style={{ width: 320 }}
              />
              <EditButton type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="seller-new">
                {t('seller.new')}
              </EditButton>
            </Space>
            <Table<SellerRow>
              rowKey="id"
              loading={sellers.isLoading}
              columns={columns}
              dataSource={filtered}
              // Columns keep their widths; a narrow window scrolls sideways instead of wrapping headers.
              scroll={{ x: 'max-content' }}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              onRow={(r) => ({ onClick: () => navigate(`/sellers/${r.id}`), style: { cursor: 'pointer' } })}
              data-testid="sellers-table"
            />
          </div>
          <Card title={t('seller.suggestions')} data-testid="seller-suggestions">
            <Typography.Paragraph type="secondary">{t('seller.suggestionsHint')}</Typography.Paragraph>
            <SuggestedLinks suggestions={suggestions.data ?? []} loading={suggestions.isLoading} />
          </Card>
        </Space>
      )}
      <SellerForm open={creating} onClose={() => setCreating(false)} onSaved={(s) => navigate(`/sellers/${s.id}`)} />
    </>
  )
}
