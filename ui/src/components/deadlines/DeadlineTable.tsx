import { DeleteOutlined, EditOutlined } from '@ant-design/icons'
import { App, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { useErrors } from '../../lib/errors'
import { compareStr, uniqueValues } from '../../lib/format'
import type { Deadline } from '../../lib/ipc/bindings'
import { useAssignDeadline, useDeleteTask } from '../../lib/queries'
import DoneToggle from './DoneToggle'
import { DueCell, EstimatedTag } from './DueCell'
import { EditButton } from '../../lib/access'

/** A deadline as the dashboard lists it (with its complaint's label) or as a complaint holds it. */
export type DeadlineItem = Deadline & { complaint_label?: string | null }

interface Props {
  rows: DeadlineItem[]
  /** Show the complaint and platform columns (the dashboard; not on the complaint's own page). */
  showComplaint?: boolean
  /** The backend's "now", to mark overdue ones. */
  now?: string
  loading?: boolean
  empty: ReactNode
  /** Offers edit and delete on manual tasks when given. */
  onEditTask?: (d: DeadlineItem) => void
  testId: string
}

const UNASSIGNED = '\u0000unassigned'

/** Deadlines and tasks: due (local, with the rule's day and zone), what, whose, and a done tick. */
export default function DeadlineTable({ rows, showComplaint, now, loading, empty, onEditTask, testId }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { notifyError } = useErrors()
  const assign = useAssignDeadline()
  const del = useDeleteTask()

  const assigneeFilters = [
    { text: t('dashboard.unassigned'), value: UNASSIGNED },
    ...uniqueValues(rows.map((r) => r.assignee)).map((a) => ({ text: a, value: a })),
  ]
  const platforms = uniqueValues(rows.map((r) => r.platform ?? ''))

  const columns: TableColumnsType<DeadlineItem> = [
    {
      title: t('deadline.done'),
      key: 'done',
      width: 64,
      render: (_, d) => <DoneToggle id={d.id} done={d.done_at !== null} title={d.title} />,
    },
    {
      title: t('deadline.due'),
      dataIndex: 'due_at',
      width: 190,
      sorter: (a, b) => compareStr(a.due_at, b.due_at),
      defaultSortOrder: 'ascend',
      render: (_, d) => <DueCell d={d} now={now} />,
    },
    {
      title: t('deadline.title'),
      dataIndex: 'title',
      sorter: (a, b) => compareStr(a.title, b.title),
      render: (_, d) => (
        <Space wrap size={4}>
          <Typography.Text delete={d.done_at !== null}>{d.title}</Typography.Text>
          {d.rule_key === null && <Tag>{t('deadline.task')}</Tag>}
          <EstimatedTag d={d} />
        </Space>
      ),
    },
    ...(showComplaint
      ? ([
          {
            title: t('deadline.complaint'),
            key: 'complaint',
            sorter: (a, b) => compareStr(a.complaint_label, b.complaint_label),
            render: (_, d) =>
              d.complaint_id ? <Link to={`/complaints/${d.complaint_id}`}>{d.complaint_label ?? t('common.open')}</Link> : t('common.none'),
          },
          {
            title: t('complaint.platform'),
            dataIndex: 'platform',
            width: 120,
            filters: platforms.map((p) => ({ text: t(`enum.platform.${p}`), value: p })),
            onFilter: (v, d) => d.platform === v,
            render: (p: Deadline['platform']) => (p ? t(`enum.platform.${p}`) : t('common.none')),
          },
        ] satisfies TableColumnsType<DeadlineItem>)
      : []),
    {
      title: t('complaint.assignee'),
      dataIndex: 'assignee',
      width: 160,
      sorter: (a, b) => compareStr(a.assignee, b.assignee),
      filters: assigneeFilters,
      onFilter: (v, d) => (v === UNASSIGNED ? d.assignee === '' : d.assignee === v),
      render: (_, d) => (
        <Typography.Text
          type={d.assignee ? undefined : 'secondary'}
          editable={{
            text: d.assignee,
            tooltip: t('deadline.assign'),
            onChange: (v) => {
              if (v.trim() === d.assignee) return
              assign.mutate({ id: d.id, assignee: v.trim() }, { onError: notifyError })
            },
          }}
        >
          {d.assignee || t('dashboard.unassigned')}
        </Typography.Text>
      ),
    },
    ...(onEditTask
      ? ([
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, d) =>
        d.rule_key === null ? (
          <Space size={4}>
            <EditButton size="small" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => onEditTask(d)} />
            <Popconfirm
              title={t('common.confirmDelete')}
              description={t('common.confirmDeleteHint')}
              onConfirm={() =>
                del.mutateAsync(d.id).then(
                  () => message.success(t('common.deleted')),
                  (e: unknown) => notifyError(e),
                )
              }
            >
              <EditButton size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
            </Popconfirm>
          </Space>
        ) : null,
    },
        ] satisfies TableColumnsType<DeadlineItem>)
      : []),
  ]

  return (
    <Table<DeadlineItem>
      rowKey="id"
      size="small"
      data-testid={testId}
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={{ pageSize: 25, hideOnSinglePage: true }}
      locale={{ emptyText: empty }}
    />
  )
}

/** The "nothing due" text, with what to do next. */
export function NoDeadlines({ text }: { text: string }) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />
}
