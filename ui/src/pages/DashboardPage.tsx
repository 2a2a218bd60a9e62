import { PlusOutlined, ReloadOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Row, Space, Spin, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import BucketCards from '../components/dashboard/BucketCards'
import BucketGroupTable from '../components/dashboard/BucketGroupTable'
import ComplaintsByStatus from '../components/dashboard/ComplaintsByStatus'
import EnforcementCard from '../components/dashboard/EnforcementCard'
import GoodFaithPanel from '../components/dashboard/GoodFaithPanel'
import DeadlineTable, { NoDeadlines } from '../components/deadlines/DeadlineTable'
import type { DeadlineItem } from '../components/deadlines/DeadlineTable'
import TaskForm from '../components/deadlines/TaskForm'
import type { DeadlineBucket } from '../lib/enums'
import { errorDetail, errorTitle } from '../lib/errors'
import { count } from '../lib/format'
import type { Platform } from '../lib/ipc/bindings'
import { useDashboard, useOpenDeadlines } from '../lib/queries'
import { EditButton } from '../lib/access'

interface ListFilter {
  bucket: DeadlineBucket | null
  assignee: string | null
  platform: string | null
}
const NO_FILTER: ListFilter = { bucket: null, assignee: null, platform: null }

/** What is due, whose it is, and how the accounts stand: the manager's first page. */
export default function DashboardPage() {
  const { t } = useTranslation()
  const dash = useDashboard()
  const [filter, setFilter] = useState<ListFilter>(NO_FILTER)
  const [task, setTask] = useState<{ open: boolean; task: DeadlineItem | null }>({ open: false, task: null })
  const filtered = filter.bucket !== null || filter.assignee !== null || filter.platform !== null
  // Unfiltered, the list is the dashboard's own "overdue and this week"; a filter asks for that list.
  // "No platform" ("") is not a Platform the backend can filter on: those rows are picked here instead.
  const list = useOpenDeadlines(
    { bucket: filter.bucket ?? 'open', assignee: filter.assignee, platform: (filter.platform || null) as Platform | null, limit: 500 },
    filtered,
  )

  if (dash.isLoading) return <Spin />
  if (dash.isError || !dash.data) {
    return (
      <Alert
        type="error"
        showIcon
        title={errorTitle(t, dash.error)}
        description={errorDetail(dash.error)}
        action={<Button onClick={() => void dash.refetch()}>{t('common.retry')}</Button>}
      />
    )
  }
  const d = dash.data
  const listed = list.data ?? []
  const rows = !filtered ? d.upcoming : filter.platform === '' ? listed.filter((r) => r.platform === null) : listed
  const anyOpen = count(d.counts.open) > 0
  const set = (patch: Partial<ListFilter>) => setFilter((f) => ({ ...f, ...patch }))

  const filterTags = (
    <Space wrap size={4}>
      {filter.bucket && (
        <Tag closable onClose={() => set({ bucket: null })}>
          {t(`dashboard.bucket.${filter.bucket}`)}
        </Tag>
      )}
      {filter.assignee !== null && (
        <Tag closable onClose={() => set({ assignee: null })}>
          {`${t('complaint.assignee')}: ${filter.assignee || t('dashboard.unassigned')}`}
        </Tag>
      )}
      {filter.platform !== null && (
        <Tag closable onClose={() => set({ platform: null })}>
          {`${t('complaint.platform')}: ${filter.platform ? t(`enum.platform.${filter.platform}`) : t('dashboard.noPlatform')}`}
        </Tag>
      )}
      {filtered && (
        <Button size="small" type="link" onClick={() => setFilter(NO_FILTER)} data-testid="dashboard-clear-filter">
          {t('dashboard.clearFilter')}
        </Button>
      )}
    </Space>
  )

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap style={{ display: 'flex', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">{t('dashboard.updated', { time: new Date(d.now).toLocaleTimeString() })}</Typography.Text>
        <Space wrap>
          <Button icon={<ReloadOutlined />} onClick={() => void dash.refetch()} loading={dash.isFetching}>
            {t('dashboard.reload')}
          </Button>
          <EditButton type="primary" icon={<PlusOutlined />} onClick={() => setTask({ open: true, task: null })} data-testid="dashboard-add-task">
            {t('task.new')}
          </EditButton>
        </Space>
      </Space>
      <BucketCards counts={d.counts} selected={filter.bucket} onSelect={(bucket) => set({ bucket })} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('dashboard.byAssignee')}>
            <BucketGroupTable kind="assignee" groups={d.by_assignee} selected={filter.assignee} onSelect={(assignee) => set({ assignee })} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('dashboard.byPlatform')}>
            <BucketGroupTable kind="platform" groups={d.by_platform} selected={filter.platform} onSelect={(platform) => set({ platform })} />
          </Card>
        </Col>
      </Row>
      <Card title={filtered ? t('dashboard.listFiltered') : t('dashboard.listUpcoming')} extra={filterTags}>
        <DeadlineTable
          rows={rows}
          showComplaint
          now={d.now}
          loading={filtered && list.isFetching && !list.data}
          testId="deadline-list"
          onEditTask={(task) => setTask({ open: true, task })}
          empty={
            <NoDeadlines
              text={filtered ? t('dashboard.emptyFiltered') : anyOpen ? t('dashboard.emptyThisWeek') : t('dashboard.emptyNothing')}
            />
          }
        />
      </Card>
      <Card size="small" title={t('dashboard.complaintsByStatus')}>
        {d.complaints_by_status.some((c) => count(c.count) > 0) ? (
          <ComplaintsByStatus counts={d.complaints_by_status} />
        ) : (
          <Typography.Text type="secondary">
            {t('dashboard.noComplaints')} <Link to="/complaints">{t('nav.complaints')}</Link>
          </Typography.Text>
        )}
      </Card>
      <GoodFaithPanel rows={d.good_faith} from={d.good_faith_from} to={d.good_faith_to} />
      <EnforcementCard />
      <TaskForm open={task.open} task={task.task} onClose={() => setTask({ open: false, task: null })} />
    </Space>
  )
}
