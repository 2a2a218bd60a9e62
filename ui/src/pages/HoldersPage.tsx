import { PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Empty, Input, Space, Table } from 'antd'
import type { TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import HolderForm from '../components/HolderForm'
import { useLoadSampleAction } from '../components/useLoadSampleAction'
import { errorDetail, errorTitle } from '../lib/errors'
import { HOLDER_KINDS } from '../lib/enums'
import { compareStr, uniqueValues } from '../lib/format'
import type { HolderKind, HolderRow } from '../lib/ipc/bindings'
import { useHolders } from '../lib/queries'
import { EditButton } from '../lib/access'

export default function HoldersPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const holders = useHolders()
  const [search, setSearch] = useState('')
  const [creating, setCreating] = useState(false)
  const { loadSample, loading: sampleLoading } = useLoadSampleAction()

  const rows = useMemo(() => holders.data ?? [], [holders.data])
  const filtered = useMemo(() => {
    const q = search.trim().toLowerCase()
    if (!q) return rows
    return rows.filter((h) =>
      [h.legal_name, h.latin_name, h.contact_email].some((s) => s.toLowerCase().includes(q)),
    )
  }, [rows, search])

  const columns: TableColumnsType<HolderRow> = [
    {
      title: t('holder.legal_name_short'),
      dataIndex: 'legal_name',
      sorter: (a, b) => compareStr(a.legal_name, b.legal_name),
      defaultSortOrder: 'ascend',
      render: (v: string, h) => (
        <Link to={`/holders/${h.id}`} onClick={(e) => e.stopPropagation()}>
          {v}
        </Link>
      ),
    },
    {
      title: t('holder.latin_name'),
      dataIndex: 'latin_name',
      sorter: (a, b) => compareStr(a.latin_name, b.latin_name),
    },
    {
      title: t('holder.kind'),
      dataIndex: 'kind',
      render: (k: HolderKind) => t(`enum.holderKind.${k}`),
      sorter: (a, b) => compareStr(a.kind, b.kind),
      filters: HOLDER_KINDS.map((k) => ({ text: t(`enum.holderKind.${k}`), value: k })),
      onFilter: (v, h) => h.kind === v,
    },
    {
      title: t('holder.country'),
      dataIndex: 'country',
      sorter: (a, b) => compareStr(a.country, b.country),
      filters: uniqueValues(rows.map((h) => h.country)).map((c) => ({ text: c, value: c })),
      onFilter: (v, h) => h.country === v,
    },
    {
      title: t('holder.contact_email'),
      dataIndex: 'contact_email',
      sorter: (a, b) => compareStr(a.contact_email, b.contact_email),
    },
    {
      title: t('holder.rights_count'),
      dataIndex: 'rights_count',
      sorter: (a, b) => a.rights_count - b.rights_count,
      align: 'right',
    },
    {
      title: t('holder.accounts_count'),
      dataIndex: 'accounts_count',
      sorter: (a, b) => a.accounts_count - b.accounts_count,
      align: 'right',
    },
  ]

  if (holders.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={errorTitle(t, holders.error)}
        description={errorDetail(holders.error)}
        action={<Button onClick={() => void holders.refetch()}>{t('common.retry')}</Button>}
      />
    )
  }

  const empty = !holders.isLoading && rows.length === 0

  return (
    <>
      {empty ? (
        <Empty description={t('holder.empty')} style={{ marginTop: 64 }}>
          <Space>
            <EditButton type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="holder-new">
              {t('holder.new')}
            </EditButton>
            <EditButton onClick={loadSample} loading={sampleLoading} data-testid="load-sample">
              {t('holder.loadSample')}
            </EditButton>
          </Space>
        </Empty>
      ) : (
        <>
          <Space style={{ marginBottom: 16, display: 'flex', justifyContent: 'space-between' }} wrap>
            <Input.Search
              allowClear
              placeholder={t('holder.searchPlaceholder')}
              aria-label={t('common.search')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              style={{ width: 320 }}
            />
            <EditButton type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="holder-new">
              {t('holder.new')}
            </EditButton>
          </Space>
          <Table<HolderRow>
            rowKey="id"
            loading={holders.isLoading}
            columns={columns}
            dataSource={filtered}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            onRow={(h) => ({
              onClick: () => navigate(`/holders/${h.id}`),
              style: { cursor: 'pointer' },
            })}
          />
        </>
      )}
      <HolderForm
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(h) => navigate(`/holders/${h.id}`)}
      />
    </>
  )
}
