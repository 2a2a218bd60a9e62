import { AppstoreAddOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Empty, Space, Table, Typography } from 'antd'
import type { TableColumnsType, TableProps } from 'antd'
import type { SortOrder } from 'antd/es/table/interface'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router-dom'
import BatchBuilderDialog from '../components/BatchBuilderDialog'
import ComplaintBulkActions from '../components/ComplaintBulkActions'
import ComplaintForm from '../components/ComplaintForm'
import ImportDialog from '../components/ImportDialog'
import { ComplaintStatusTag } from '../components/Tags'
import { useLoadSampleAction } from '../components/useLoadSampleAction'
import { COMPLAINT_PAGE_SIZE, COMPLAINT_SORTS, applyChange, filterFromParams, hasFilters } from '../lib/complaintFilter'
import type { ComplaintSort, FilterChange } from '../lib/complaintFilter'
import { COMPLAINT_STATUSES, PLATFORMS } from '../lib/enums'
import { errorDetail, errorTitle } from '../lib/errors'
import { localTime, showDate, totalWidth } from '../lib/format'
import { useTableHeight } from '../lib/hooks'
import { clickedControl } from '../lib/table'
import type { ComplaintRow } from '../lib/ipc/bindings'
import { useComplaintPage, useRights } from '../lib/queries'
import { EditButton } from '../lib/access'

const first = (v: unknown): string | null => (Array.isArray(v) && v.length > 0 ? String(v[0]) : null)

export default function ComplaintsPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const filter = useMemo(() => filterFromParams(params), [params])
  const page = useComplaintPage(filter)
  const rights = useRights()
  const [selected, setSelected] = useState<string[]>([])
  const [dialog, setDialog] = useState<'new' | 'batch' | 'import' | null>(null)
  const { loadSample, loading: sampleLoading } = useLoadSampleAction()
  const height = useTableHeight(340)

  const rows = useMemo(() => page.data?.rows ?? [], [page.data])
  const assignees = page.data?.assignees ?? []
  const change = (c: FilterChange) => {
    setSelected([])
    setParams((prev) => applyChange(prev, c))
  }
  const order = (key: ComplaintSort): SortOrder => (filter.sort === key ? (filter.descending ? 'descend' : 'ascend') : null)

  const columns: TableColumnsType<ComplaintRow> = [
    {
      title: t('complaint.label'),
      dataIndex: 'label',
      key: 'label',
      width: 230,
      render: (v: string, r) => (
        <Link to={`/complaints/${r.id}`} onClick={(e) => e.stopPropagation()}>
          {v}
        </Link>
      ),
    },
    {
      title: t('complaint.status'),
      dataIndex: 'status',
      key: 'status',
      width: 120,
      render: (s: ComplaintRow['status']) => <ComplaintStatusTag status={s} />,
      sorter: true,
      sortOrder: order('status'),
      filters: COMPLAINT_STATUSES.map((s) => ({ text: t(`enum.complaintStatus.${s}`), value: s })),
      filterMultiple: false,
      filteredValue: filter.status ? [filter.status] : null,
    },
    {
      title: t('complaint.platform'),
      dataIndex: 'platform',
      key: 'platform',
      width: 120,
      render: (p: ComplaintRow['platform']) => t(`enum.platform.${p}`),
      filters: PLATFORMS.map((p) => ({ text: t(`enum.platform.${p}`), value: p })),
      filterMultiple: false,
      filteredValue: filter.platform ? [filter.platform] : null,
    },
    {
      title: t('complaint.right'),
      dataIndex: 'right_title',
      key: 'right',
      width: 230,
      ellipsis: true,
      filters: (rights.data ?? []).map((r) => ({ text: `${r.title} (${r.jurisdiction})`, value: r.id })),
      filterMultiple: false,
      filterSearch: true,
      filteredValue: filter.right_id ? [filter.right_id] : null,
    },
    { title: t('complaint.account'), dataIndex: 'account_label', key: 'account', width: 200, ellipsis: true },
    {
      title: t('complaint.reason'),
      dataIndex: 'reason',
      key: 'reason',
      width: 170,
      render: (r: ComplaintRow['reason']) => t(`enum.complaintReason.${r}`),
    },
    {
      title: t('complaint.assignee'),
      dataIndex: 'assignee',
      key: 'assignee',
      width: 120,
      filters: assignees.map((a) => ({ text: a, value: a })),
      filterMultiple: false,
      filteredValue: filter.assignee ? [filter.assignee] : null,
    },
    {
      title: t('complaint.listing_count'),
      dataIndex: 'listing_count',
      key: 'listings',
      width: 110,
      align: 'right',
      sorter: true,
      sortOrder: order('listings'),
    },
    {
      title: t('common.createdAt'),
      dataIndex: 'created_at',
      key: 'created',
      width: 160,
      render: (v: string) => localTime(v),
      sorter: true,
      sortOrder: order('created'),
    },
    {
      title: t('complaint.filed_on'),
      dataIndex: 'filed_on',
      key: 'filed',
      width: 130,
      render: (v: string | null) => showDate(v),
      sorter: true,
      sortOrder: order('filed'),
    },
  ]

  const onChange: TableProps<ComplaintRow>['onChange'] = (pagination, filters, sorter, extra) => {
    if (extra.action === 'paginate') {
      setSelected([])
      setParams((prev) => applyChange(prev, { page: pagination.current ?? 1 }))
    } else if (extra.action === 'filter') {
      change({
        status: first(filters.status),
        platform: first(filters.platform),
        right: first(filters.right),
        assignee: first(filters.assignee),
      })
    } else if (extra.action === 'sort') {
      const s = Array.isArray(sorter) ? sorter[0] : sorter
      const key = COMPLAINT_SORTS.find((k) => k === s?.columnKey)
      change({ sort: key && s.order ? { key, descending: s.order === 'descend' } : null })
    }
  }

  if (page.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={errorTitle(t, page.error)}
        description={errorDetail(page.error)}
        action={<Button onClick={() => void page.refetch()}>{t('common.retry')}</Button>}
      />
    )
  }

  const toolbarButtons = (
    <>
      <EditButton icon={<ImportOutlined />} onClick={() => setDialog('import')} data-testid="complaints-import">
        {t('complaints.import')}
      </EditButton>
      <EditButton icon={<AppstoreAddOutlined />} onClick={() => setDialog('batch')} data-testid="complaints-batch">
        {t('complaints.batch')}
      </EditButton>
      <EditButton type="primary" icon={<PlusOutlined />} onClick={() => setDialog('new')} data-testid="complaints-new">
        {t('complaint.new')}
      </EditButton>
    </>
  )
  const empty = !page.isLoading && page.data?.total === 0 && !hasFilters(filter)
  const selectedRows = rows.filter((r) => selected.includes(r.id))

  return (
    <>
      {empty ? (
        <Empty description={t('complaints.empty')} style={{ marginTop: 64 }} data-testid="complaints-empty">
          <Typography.Paragraph type="secondary">{t('complaints.emptyHint')}</Typography.Paragraph>
          <Space wrap style={{ justifyContent: 'center' }}>
            {toolbarButtons}
            <EditButton onClick={loadSample} loading={sampleLoading} data-testid="complaints-load-sample">
              {t('holder.loadSample')}
            </EditButton>
          </Space>
        </Empty>
      ) : (
        <>
          <Space style={{ marginBottom: 12, display: 'flex', justifyContent: 'space-between' }} wrap>
            <Space wrap>
              {selectedRows.length > 0 ? (
                <ComplaintBulkActions rows={selectedRows} onDone={() => setSelected([])} />
              ) : (
                <Typography.Text type="secondary">{t('complaints.total', { count: page.data?.total ?? 0 })}</Typography.Text>
              )}
              {hasFilters(filter) && (
                <Button size="small" type="link" onClick={() => change({ status: null, platform: null, right: null, assignee: null })}>
                  {t('complaints.clearFilters')}
                </Button>
              )}
            </Space>
            <Space wrap>{toolbarButtons}</Space>
          </Space>
          <Table<ComplaintRow>
            rowKey="id"
            size="middle"
            virtual
            scroll={{ x: totalWidth(columns) + 48, y: height }}
            loading={page.isLoading || page.isPlaceholderData}
            columns={columns}
            dataSource={rows}
            onChange={onChange}
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)), columnWidth: 48 }}
            pagination={{
              current: filter.offset / COMPLAINT_PAGE_SIZE + 1,
              pageSize: COMPLAINT_PAGE_SIZE,
              total: page.data?.total ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
            }}
            onRow={(r) => ({
              onClick: (e) => {
                if (!clickedControl(e)) navigate(`/complaints/${r.id}`)
              },
              style: { cursor: 'pointer' },
            })}
            locale={{ emptyText: <Empty description={t('complaints.noMatch')} /> }}
            data-testid="complaints-table"
          />
        </>
      )}
      <ComplaintForm
        open={dialog === 'new'}
        assignees={assignees}
        onClose={() => setDialog(null)}
        onSaved={(c) => navigate(`/complaints/${c.id}`)}
      />
      <BatchBuilderDialog open={dialog === 'batch'} assignees={assignees} onClose={() => setDialog(null)} />
      <ImportDialog open={dialog === 'import'} onClose={() => setDialog(null)} />
    </>
  )
}
