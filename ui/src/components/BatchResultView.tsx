import { Empty, Result, Table, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { BatchResult, ComplaintRow, HeldElsewhereView, LineReport } from '../lib/ipc/bindings'
import { ComplaintStatusTag } from './Tags'

/** What the batch builder did: the new drafts, listings kept out (and where they are), lines skipped. */
export default function BatchResultView({ result, onNavigate }: { result: BatchResult; onNavigate: () => void }) {
  const { t } = useTranslation()
  const complaintColumns: TableColumnsType<ComplaintRow> = [
    {
      title: t('complaint.label'),
      dataIndex: 'label',
      render: (v: string, c) => (
        <Link to={`/complaints/${c.id}`} onClick={onNavigate}>
          {v}
        </Link>
      ),
    },
    { title: t('complaint.status'), dataIndex: 'status', render: (s: ComplaintRow['status']) => <ComplaintStatusTag status={s} /> },
    { title: t('complaint.listing_count'), dataIndex: 'listing_count' },
  ]
  const heldColumns: TableColumnsType<HeldElsewhereView> = [
    { title: t('listing.url'), dataIndex: 'url', render: (u: string) => <Typography.Text copyable>{u}</Typography.Text> },
    {
      title: t('batch.heldIn'),
      dataIndex: 'complaint_label',
      render: (v: string, h) => (
        <Link to={`/complaints/${h.complaint_id}`} onClick={onNavigate}>
          {v}
        </Link>
      ),
    },
  ]
  const skippedColumns: TableColumnsType<LineReport> = [
    // Line 0: a listing picked from the list, not a pasted line.
    { title: t('import.line'), dataIndex: 'line', width: 70, render: (line: number) => (line === 0 ? t('batch.picked') : line) },
    { title: t('import.input'), dataIndex: 'input', ellipsis: true },
    { title: t('batch.why'), key: 'why', render: (_, l) => (l.status === 'invalid' ? l.reason : t(`import.status.${l.status}`)) },
  ]
  return (
    <div data-testid="batch-result">
      <Result
        status={result.complaints.length ? 'success' : 'warning'}
        title={t('batch.created', { count: result.complaints.length })}
        subTitle={t('batch.createdHint')}
        style={{ padding: '16px 0' }}
      />
      <Table<ComplaintRow>
        rowKey="id"
        size="small"
        columns={complaintColumns}
        dataSource={result.complaints}
        pagination={false}
        locale={{ emptyText: <Empty description={t('batch.noneCreated')} /> }}
      />
      {result.held_elsewhere.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('batch.heldElsewhere', { count: result.held_elsewhere.length })}
          </Typography.Title>
          <Table<HeldElsewhereView> rowKey="listing_id" size="small" columns={heldColumns} dataSource={result.held_elsewhere} pagination={false} />
        </>
      )}
      {result.skipped.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('batch.skipped', { count: result.skipped.length })}
          </Typography.Title>
          <Table<LineReport> rowKey={(l) => `${l.line}:${l.input}`} size="small" columns={skippedColumns} dataSource={result.skipped} pagination={false} />
        </>
      )}
    </div>
  )
}
