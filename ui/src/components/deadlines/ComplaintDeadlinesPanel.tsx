import { PlusOutlined } from '@ant-design/icons'
import { Card } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ComplaintDetail } from '../../lib/ipc/bindings'
import DeadlineTable, { NoDeadlines } from './DeadlineTable'
import type { DeadlineItem } from './DeadlineTable'
import TaskForm from './TaskForm'
import { EditButton } from '../../lib/access'

/** Every deadline and task on one complaint, done ones included, with "Add task" for this complaint. */
export default function ComplaintDeadlinesPanel({ detail }: { detail: ComplaintDetail }) {
  const { t } = useTranslation()
  const [task, setTask] = useState<{ open: boolean; task: DeadlineItem | null }>({ open: false, task: null })
  const complaint = { id: detail.row.id, label: detail.row.label }
  return (
    <Card
      title={`${t('deadline.sectionTitle')} (${detail.deadlines.length})`}
      extra={
        <EditButton icon={<PlusOutlined />} onClick={() => setTask({ open: true, task: null })} data-testid="complaint-add-task">
          {t('task.new')}
        </EditButton>
      }
    >
      <DeadlineTable
        rows={detail.deadlines}
        testId="complaint-deadlines"
        onEditTask={(d) => setTask({ open: true, task: d })}
        empty={<NoDeadlines text={t('deadline.emptyComplaint')} />}
      />
      <TaskForm open={task.open} task={task.task} complaint={complaint} onClose={() => setTask({ open: false, task: null })} />
    </Card>
  )
}
