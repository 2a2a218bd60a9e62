import { PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Empty, Input, Space, Table } from 'antd'
import type { TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import RightForm from '../components/RightForm'
import { ExpiryTag, RegistrationTags } from '../components/Tags'
import { useLoadSampleAction } from '../components/useLoadSampleAction'
import { errorDetail, errorTitle } from '../lib/errors'
import { EXPIRY_FLAGS, RIGHT_KINDS } from '../lib/enums'
import { compareStr, showDate, uniqueValues } from '../lib/format'
import type { ExpiryFlag, RightRow } from '../lib/ipc/bindings'
import { useRights } from '../lib/queries'
import { EditButton } from '../lib/access'

const EXPIRY_ORDER: Record<ExpiryFlag, number> = { expired: 0, within30_days: 1, within90_days: 2, ok: 3, no_expiry: 4 }

export default function RightsPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const rights = useRights()
  const [search, setSearch] = useState('')
  const [creating, setCreating] = useState(false)
  const { loadSample, loading: sampleLoading } = useLoadSampleAction()

  const rows = useMemo(() => rights.data ?? [], [rights.data])
  const filtered = useMemo(() => {
    const q = search.trim().toLowerCase()
    if (!q) return rows
    return rows.filter((r) =>
      [r.title, r.registration_number, r.registrant_name, r.jurisdiction, r.notes].some((s) =>
        s.toLowerCase().includes(q),
      ),
    )
  }, [rows, search])

  const columns: TableColumnsType<RightRow> = [
    {
      title: t('right.title'),
      dataIndex: 'title',
      sorter: (a, b) => compareStr(a.title, b.title),
      defaultSortOrder: 'ascend',
      render: (v: string, r) => (
        <Link to={`/rights/${r.id}`} onClick={(e) => e.stopPropagation()}>
          {v}
        </Link>
      ),
    },
    {
      title: t('right.kind'),
      dataIndex: 'kind',
      render: (k: RightRow['kind']) => t(`enum.rightKind.${k}`),
      sorter: (a, b) => compareStr(a.kind, b.kind),
      filters: RIGHT_KINDS.map((k) => ({ text: t(`enum.rightKind.${k}`), value: k })),
      onFilter: (v, r) => r.kind === v,
    },
    {
      title: t('right.mark_type'),
      dataIndex: 'mark_type',
      render: (m: RightRow['mark_type']) => (m ? t(`enum.markType.${m}`) : ''),
      sorter: (a, b) => compareStr(a.mark_type, b.mark_type),
    },
    {
      title: t('right.registration_number'),
      dataIndex: 'registration_number',
      sorter: (a, b) => compareStr(a.registration_number, b.registration_number),
    },
    {
      title: t('right.jurisdiction'),
      dataIndex: 'jurisdiction',
      render: (j: string, r) => (r.designations.length > 0 ? `${j} (${r.designations.join(', ')})` : j),
      sorter: (a, b) => compareStr(a.jurisdiction, b.jurisdiction),
      filters: uniqueValues(rows.map((r) => r.jurisdiction)).map((j) => ({ text: j, value: j })),
      onFilter: (v, r) => r.jurisdiction === v,
    },
    {
      title: t('right.registrant_name'),
      dataIndex: 'registrant_name',
      sorter: (a, b) => compareStr(a.registrant_name, b.registrant_name),
      render: (v: string, r) => (
        <Link to={`/holders/${r.registrant_id}`} onClick={(e) => e.stopPropagation()}>
          {v}
        </Link>
      ),
    },
    {
      title: t('right.nice_classes'),
      dataIndex: 'nice_classes',
      render: (c: number[]) => c.join(', '),
      sorter: (a, b) => (a.nice_classes[0] ?? 99) - (b.nice_classes[0] ?? 99),
    },
    {
      title: t('right.expiry_date'),
      dataIndex: 'expiry_date',
      render: (v: string | null, r) => (
        <Space size={4} wrap>
          {showDate(v)}
          <ExpiryTag flag={r.expiry} />
        </Space>
      ),
      sorter: (a, b) => compareStr(a.expiry_date ?? '9999', b.expiry_date ?? '9999'),
      filters: EXPIRY_FLAGS.map((f) => ({ text: t(`enum.expiryFlag.${f}`), value: f })),
      onFilter: (v, r) => r.expiry === v,
    },
    {
      title: t('right.registrations'),
      key: 'registrations',
      render: (_, r) => <RegistrationTags regs={r.registrations} />,
      sorter: (a, b) =>
        a.registrations.filter((x) => x.state === 'approved').length -
        b.registrations.filter((x) => x.state === 'approved').length,
    },
  ]

  if (rights.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={errorTitle(t, rights.error)}
        description={errorDetail(rights.error)}
        action={<Button onClick={() => void rights.refetch()}>{t('common.retry')}</Button>}
      />
    )
  }

  const empty = !rights.isLoading && rows.length === 0

  return (
    <>
      {empty ? (
        <Empty description={t('right.empty')} style={{ marginTop: 64 }}>
          <Space>
            <EditButton type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="right-new">
              {t('right.new')}
            </EditButton>
            <Button onClick={loadSample} loading={sampleLoading}>
              {t('holder.loadSample')}
            </Button>
          </Space>
        </Empty>
      ) : (
        <>
          <Space style={{ marginBottom: 16, display: 'flex', justifyContent: 'space-between' }} wrap>
            <Input.Search
              allowClear
              placeholder={t('right.searchPlaceholder')}
              aria-label={t('common.search')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              style={{ width: 320 }}
            />
            <EditButton type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="right-new">
              {t('right.new')}
            </EditButton>
          </Space>
          <Table<RightRow>
            rowKey="id"
            loading={rights.isLoading}
            columns={columns}
            dataSource={[...filtered].sort((a, b) => EXPIRY_ORDER[a.expiry] - EXPIRY_ORDER[b.expiry])}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            onRow={(r) => ({ onClick: () => navigate(`/rights/${r.id}`), style: { cursor: 'pointer' } })}
          />
        </>
      )}
      <RightForm open={creating} onClose={() => setCreating(false)} onSaved={(r) => navigate(`/rights/${r.id}`)} />
    </>
  )
}
