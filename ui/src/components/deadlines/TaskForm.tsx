import { App, AutoComplete, DatePicker, Form, Input, Modal, Select } from 'antd'
import dayjs from 'dayjs'
import type { Dayjs } from 'dayjs'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useErrors } from '../../lib/errors'
import { useOpenedOnce } from '../../lib/useOpenedOnce'
import { toUtcIso } from '../../lib/format'
import type { TaskDraft } from '../../lib/ipc/bindings'
import { useComplaintPage, useCreateTask, usePeople, useUpdateTask } from '../../lib/queries'
import FormButtons from '../FormButtons'
import type { DeadlineItem } from './DeadlineTable'

const FIELDS = ['title', 'due_at', 'assignee', 'complaint_id', 'notes'] as const

interface Values {
  title?: string
  due_at?: Dayjs | null
  assignee?: string
  complaint_id?: string | null
  notes?: string
}

interface Props {
  open: boolean
  /** The task to edit; null for a new one. */
  task: DeadlineItem | null
  /** A new task on this complaint (the complaint's page): preselected and fixed. */
  complaint?: { id: string; label: string }
  onClose: () => void
}

const ALL_COMPLAINTS = { status: null, platform: null, right_id: null, assignee: null, sort: 'created', descending: true, offset: 0, limit: 1000 }

/** The complaints a task may belong to (loaded only when the user may choose one). */
function ComplaintChoice({ fixed, value, onChange }: { fixed?: { id: string; label: string }; value?: string | null; onChange?: (v: string | null) => void }) {
  const { t } = useTranslation()
  const page = useComplaintPage(ALL_COMPLAINTS)
  const options = fixed
    ? [{ value: fixed.id, label: fixed.label }]
    : (page.data?.rows ?? []).map((c) => ({ value: c.id, label: c.label }))
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      disabled={!!fixed}
      loading={!fixed && page.isLoading}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      placeholder={t('task.noComplaint')}
    />
  )
}

/** A task of one's own: what, when (local date and time), whose, and its complaint if any. */
export default function TaskForm({ open, task, complaint, onClose }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const { message } = App.useApp()
  const { applyFormError } = useErrors()
  const people = usePeople()
  const create = useCreateTask()
  const update = useUpdateTask()
  const opened = useOpenedOnce(open)

  useEffect(() => {
    if (!open) return
    form.resetFields()
    form.setFieldsValue(
      task
        ? { title: task.title, due_at: dayjs(task.due_at), assignee: task.assignee, complaint_id: task.complaint_id, notes: task.notes }
        : { due_at: dayjs().add(1, 'day').hour(17).minute(0).second(0), complaint_id: complaint?.id ?? null },
    )
  }, [open, task, complaint, form])

  const onFinish = async (v: Values) => {
    const draft: TaskDraft = {
      title: (v.title ?? '').trim(),
      due_at: toUtcIso(v.due_at) ?? '',
      assignee: (v.assignee ?? '').trim(),
      complaint_id: v.complaint_id ?? null,
      notes: (v.notes ?? '').trim(),
    }
    try {
      if (task) await update.mutateAsync({ id: task.id, task: draft })
      else await create.mutateAsync(draft)
      message.success(t('common.saved'))
      onClose()
    } catch (e) {
      applyFormError(form, e, FIELDS)
    }
  }

  if (!opened) return null
  return (
    <Modal open={open} title={task ? t('task.editTitle') : t('task.new')} onCancel={onClose} footer={null} forceRender width={560}>
      <Form form={form} name="task" layout="vertical" onFinish={onFinish}>
        <Form.Item name="title" label={t('task.title')} rules={[{ required: true, whitespace: true, message: t('fieldError.required') }]}>
          <Input data-testid="task-title" />
        </Form.Item>
        <Form.Item name="due_at" label={t('task.due')} rules={[{ required: true, message: t('fieldError.required') }]} extra={t('task.dueHint')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="task-due" />
        </Form.Item>
        <Form.Item name="assignee" label={t('complaint.assignee')} extra={t('task.assigneeHint')}>
          <AutoComplete
            style={{ width: 260 }}
            options={(people.data ?? []).map((p) => ({ value: p.name }))}
            showSearch={{ filterOption: true }}
          />
        </Form.Item>
        <Form.Item name="complaint_id" label={t('deadline.complaint')}>
          <ComplaintChoice fixed={complaint} />
        </Form.Item>
        <Form.Item name="notes" label={t('common.notes')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <FormButtons onCancel={onClose} saving={create.isPending || update.isPending} testId="task-save" />
      </Form>
    </Modal>
  )
}
