import { Empty, Table, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { compareStr, localTime } from '../lib/format'
import type { Listing } from '../lib/ipc/bindings'

interface Props {
  listings: Listing[]
  selected?: string[]
  onSelect?: (ids: string[]) => void
}

/** Listings on file (e.g. a seller's), optionally selectable for the batch builder. */
export default function ListingsTable({ listings, selected, onSelect }: Props) {
  const { t } = useTranslation()
  const columns: TableColumnsType<Listing> = [
    {
      title: t('listing.title'),
      dataIndex: 'title',
      ellipsis: true,
      sorter: (a, b) => compareStr(a.title, b.title),
      render: (v: string, l) => (
        <Link to={`/listings/${l.id}`} lang="zh-CN">
          {v || l.canonical_url}
        </Link>
      ),
    },
    {
      title: t('listing.url'),
      dataIndex: 'canonical_url',
      ellipsis: true,
      render: (u: string) => <Typography.Text copyable>{u}</Typography.Text>,
    },
    { title: t('listing.platform'), dataIndex: 'platform', render: (p: Listing['platform']) => t(`enum.platform.${p}`) },
    { title: t('listing.price'), dataIndex: 'price' },
    { title: t('common.createdAt'), dataIndex: 'created_at', render: localTime, sorter: (a, b) => compareStr(a.created_at, b.created_at) },
  ]
  return (
    <Table<Listing>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={listings}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      rowSelection={onSelect ? { selectedRowKeys: selected, onChange: (k) => onSelect(k.map(String)) } : undefined}
      locale={{ emptyText: <Empty description={t('listing.none')} /> }}
    />
  )
}
