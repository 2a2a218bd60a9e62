import { DeleteOutlined } from '@ant-design/icons'
import { App, Button, Popconfirm, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDetail } from '../lib/errors'
import { COMPLAINT_MOVES, isEditableStatus } from '../lib/enums'
import type { ComplaintRow, ComplaintStatus } from '../lib/ipc/bindings'
import { useDeleteComplaint, useSetComplaintStatus } from '../lib/queries'

interface Failure {
  label: string
  reason: string
}

interface Props {
  rows: ComplaintRow[]
  onDone: () => void
}

/** Status changes and deletion for the selected complaints, one by one; every refusal is reported by complaint. */
export default function ComplaintBulkActions({ rows, onDone }: Props) {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const setStatus = useSetComplaintStatus()
  const del = useDeleteComplaint()
  const [running, setRunning] = useState(false)
  const deletable = rows.filter((r) => isEditableStatus(r.status))

  const run = async (targets: ComplaintRow[], action: (r: ComplaintRow) => Promise<unknown>, done: string) => {
    setRunning(true)
    const failures: Failure[] = []
    // Sequential: each change is its own audited transaction, in a predictable order.
    for (const r of targets) {
      try {
        await action(r)
      } catch (e) {
        failures.push({ label: r.label, reason: errorDetail(e) })
      }
    }
    setRunning(false)
    const ok = targets.length - failures.length
    if (ok > 0) message.success(t(done, { count: ok }))
    if (failures.length > 0) {
      modal.error({
        title: t('bulk.failed', { count: failures.length, total: targets.length }),
        width: 560,
        content: (
          <ul style={{ paddingLeft: 18, margin: 0 }} data-testid="bulk-failures">
            {failures.map((f) => (
              <li key={f.label}>
                <Typography.Text strong>{f.label}</Typography.Text>: {f.reason}
              </li>
            ))}
          </ul>
        ),
      })
    }
    onDone()
  }

  // A button is offered when at least one selected complaint can make that move; the others are tried and their refusals listed.
  const canAny = (to: ComplaintStatus) => rows.some((r) => COMPLAINT_MOVES[r.status].includes(to))
  const moveTo = (to: ComplaintStatus) =>
    void run(
      rows.filter((r) => r.status !== to),
      (r) => setStatus.mutateAsync({ id: r.id, to }),
      'bulk.statusChanged',
    )

  return (
    <Space wrap>
      <Typography.Text>{t('bulk.selected', { count: rows.length })}</Typography.Text>
      <Button size="small" loading={running} disabled={!canAny('ready')} onClick={() => moveTo('ready')} data-testid="bulk-ready">
        {t('complaint.action.ready')}
      </Button>
      <Button size="small" loading={running} disabled={!canAny('draft')} onClick={() => moveTo('draft')} data-testid="bulk-draft">
        {t('complaint.action.draft')}
      </Button>
      <Button size="small" loading={running} disabled={!canAny('closed')} onClick={() => moveTo('closed')} data-testid="bulk-close">
        {t('complaint.action.closed')}
      </Button>
      <Popconfirm
        title={t('bulk.deleteConfirm', { count: deletable.length })}
        description={t('bulk.deleteHint')}
        disabled={deletable.length === 0}
        onConfirm={() => run(deletable, (r) => del.mutateAsync(r.id), 'bulk.deleted')}
      >
        <Button size="small" danger icon={<DeleteOutlined />} disabled={deletable.length === 0} loading={running} data-testid="bulk-delete">
          {t('bulk.delete', { count: deletable.length })}
        </Button>
      </Popconfirm>
    </Space>
  )
}
