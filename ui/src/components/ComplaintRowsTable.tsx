import { Empty, Table } from 'antd'
import type { TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import { compareStr, showDate } from '../lib/format'
import type { ComplaintRow } from '../lib/ipc/bindings'
import { ComplaintStatusTag } from './Tags'

/** A short list of complaints (a seller's, a listing's); a row opens the complaint. */
export default function ComplaintRowsTable({ rows }: { rows: ComplaintRow[] }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const columns: TableColumnsType<ComplaintRow> = [
    { title: t('complaint.label'), dataIndex: 'label', render: (v: string, c) => <Link to={`/complaints/${c.id}`}>{v}</Link> },
    {
      title: t('complaint.status'),
      dataIndex: 'status',
      render: (s: ComplaintRow['status']) => <ComplaintStatusTag status={s} />,
      sorter: (a, b) => compareStr(a.status, b.status),
    },
    { title: t('complaint.platform'), dataIndex: 'platform', render: (p: ComplaintRow['platform']) => t(`enum.platform.${p}`) },
    { title: t('complaint.right'), dataIndex: 'right_title', ellipsis: true },
    { title: t('complaint.listing_count'), dataIndex: 'listing_count' },
    { title: t('complaint.filed_on'), dataIndex: 'filed_on', render: showDate, sorter: (a, b) => compareStr(a.filed_on, b.filed_on) },
  ]
  return (
    <Table<ComplaintRow>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      onRow={(c) => ({ onClick: () => navigate(`/complaints/${c.id}`), style: { cursor: 'pointer' } })}
      locale={{ emptyText: <Empty description={t('complaints.none')} /> }}
    />
  )
}
