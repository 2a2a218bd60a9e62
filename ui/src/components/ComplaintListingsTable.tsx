import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons'
import { App, Button, Empty, Input, Popconfirm, Space, Table, Tooltip, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { errorDetail } from '../lib/errors'
import { isEditableStatus } from '../lib/enums'
import { compareStr, showDate, totalWidth } from '../lib/format'
import { useTableHeight } from '../lib/hooks'
import type { ComplaintDetail, ComplaintListingView } from '../lib/ipc/bindings'
import { useRemoveComplaintListing } from '../lib/queries'
import ListingEvidenceDrawer from './ListingEvidenceDrawer'
import OutcomeModal from './OutcomeModal'
import { OutcomeTag } from './Tags'
import { EditButton } from '../lib/access'

/** A complaint's listings: sort, filter, set outcomes, remove (before filing), open each one's evidence. */
export default function ComplaintListingsTable({ detail }: { detail: ComplaintDetail }) {
  const { t } = useTranslation()
  const { message, notification } = App.useApp()
  const remove = useRemoveComplaintListing()
  const [search, setSearch] = useState('')
  const [selected, setSelected] = useState<string[]>([])
  const [outcomeFor, setOutcomeFor] = useState<string[]>([])
  const [drawerId, setDrawerId] = useState<string | null>(null)
  const height = useTableHeight(420, 320)
  const editable = isEditableStatus(detail.row.status)

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase()
    if (!q) return detail.listings
    return detail.listings.filter((v) =>
      [v.listing.canonical_url, v.listing.original_url, v.listing.title, v.listing.seller_name, v.listing.external_id ?? ''].some((s) =>
        s.toLowerCase().includes(q),
      ),
    )
  }, [detail.listings, search])
  // Selection follows the data: listings removed meanwhile drop out of it.
  const selection = selected.filter((id) => detail.listings.some((v) => v.listing.id === id))

  const removeSelected = async () => {
    const failures: string[] = []
    for (const id of selection) {
      try {
        await remove.mutateAsync({ id: detail.row.id, listingId: id })
      } catch (e) {
        const l = detail.listings.find((v) => v.listing.id === id)?.listing
        failures.push(`${l?.canonical_url ?? id}: ${errorDetail(e)}`)
      }
    }
    setSelected([])
    if (failures.length) notification.error({ title: t('listing.removeFailed'), description: failures.join('\n'), duration: 8 })
    else message.success(t('listing.removed', { count: selection.length }))
  }

  const columns: TableColumnsType<ComplaintListingView> = [
    { title: '#', dataIndex: 'position', width: 60, sorter: (a, b) => a.position - b.position, defaultSortOrder: 'ascend' },
    {
      title: t('listing.url'),
      key: 'url',
      width: 340,
      sorter: (a, b) => compareStr(a.listing.canonical_url, b.listing.canonical_url),
      render: (_, v) => (
        <Tooltip title={v.listing.original_url !== v.listing.canonical_url ? `${t('listing.pastedAs')} ${v.listing.original_url}` : undefined}>
          <Typography.Text copyable={{ text: v.listing.canonical_url }} ellipsis style={{ maxWidth: 300, color: '#1677ff' }}>
            {v.listing.canonical_url}
          </Typography.Text>
        </Tooltip>
      ),
    },
    {
      title: t('listing.external_id'),
      key: 'external_id',
      width: 150,
      sorter: (a, b) => compareStr(a.listing.external_id, b.listing.external_id),
      render: (_, v) => v.listing.external_id ?? t(`enum.listingKind.${v.listing.kind}`),
    },
    {
      title: t('listing.title'),
      key: 'title',
      width: 260,
      ellipsis: true,
      sorter: (a, b) => compareStr(a.listing.title, b.listing.title),
      render: (_, v) => <span lang="zh-CN">{v.listing.title}</span>,
    },
    {
      title: t('listing.seller'),
      key: 'seller',
      width: 180,
      ellipsis: true,
      sorter: (a, b) => compareStr(a.listing.seller_name, b.listing.seller_name),
      render: (_, v) =>
        v.listing.seller_id ? <Link to={`/sellers/${v.listing.seller_id}`}>{v.listing.seller_name || '…'}</Link> : v.listing.seller_name,
    },
    { title: t('listing.price'), key: 'price', width: 100, render: (_, v) => v.listing.price },
    {
      title: t('listing.outcome'),
      dataIndex: 'outcome',
      width: 120,
      sorter: (a, b) => compareStr(a.outcome, b.outcome),
      render: (o: ComplaintListingView['outcome']) => <OutcomeTag outcome={o} />,
    },
    {
      title: t('listing.outcome_on'),
      dataIndex: 'outcome_on',
      width: 120,
      sorter: (a, b) => compareStr(a.outcome_on, b.outcome_on),
      render: showDate,
    },
    {
      title: t('listing.evidence'),
      key: 'evidence',
      width: 110,
      sorter: (a, b) => a.evidence.length - b.evidence.length,
      render: (_, v) => (
        <Button size="small" icon={<PaperClipOutlined />} onClick={() => setDrawerId(v.listing.id)} aria-label={t('listing.evidence')}>
          {v.evidence.length}
        </Button>
      ),
    },
  ]

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ display: 'flex', justifyContent: 'space-between' }}>
        <Input.Search
          allowClear
          placeholder={t('listing.searchPlaceholder')}
          aria-label={t('common.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 320 }}
        />
        <Space wrap>
          <Typography.Text type="secondary">
            {t('listing.countOfMax', { count: detail.listings.length, max: detail.max_listings })}
          </Typography.Text>
          <EditButton disabled={selection.length === 0} onClick={() => setOutcomeFor(selection)} data-testid="listings-outcome">
            {t('listing.setOutcome', { count: selection.length })}
          </EditButton>
          {editable && (
            <Popconfirm
              title={t('listing.removeConfirm', { count: selection.length })}
              disabled={selection.length === 0}
              onConfirm={() => removeSelected()}
            >
              <EditButton danger icon={<DeleteOutlined />} disabled={selection.length === 0} loading={remove.isPending} data-testid="listings-remove">
                {t('listing.remove', { count: selection.length })}
              </EditButton>
            </Popconfirm>
          )}
        </Space>
      </Space>
      <div data-testid="complaint-listings">
        <Table<ComplaintListingView>
          rowKey={(v) => v.listing.id}
          size="small"
          virtual
          scroll={{ x: totalWidth(columns) + 48, y: height }}
          columns={columns}
          dataSource={rows}
          pagination={false}
          rowSelection={{ selectedRowKeys: selection, onChange: (keys) => setSelected(keys.map(String)), columnWidth: 48 }}
          locale={{ emptyText: <Empty description={search ? t('listing.noMatch') : t('listing.empty')} /> }}
        />
      </div>
      <OutcomeModal complaintId={detail.row.id} listingIds={outcomeFor} onClose={() => setOutcomeFor([])} />
      <ListingEvidenceDrawer item={detail.listings.find((v) => v.listing.id === drawerId) ?? null} onClose={() => setDrawerId(null)} />
    </Space>
  )
}
