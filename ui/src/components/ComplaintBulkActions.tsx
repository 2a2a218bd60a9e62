import { DeleteOutlined } from '@ant-design/icons'
import { App, Popconfirm, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { canMove, isEditableStatus } from '../lib/enums'
import { errorDetail } from '../lib/errors'
import type { BulkResult, ComplaintRow, ComplaintStatus } from '../lib/ipc/bindings'
import { useDeleteComplaints, useSetComplaintsStatus } from '../lib/queries'
import { EditButton } from '../lib/access'

interface Props {
  rows: ComplaintRow[]
  onDone: () => void
}

/** Status changes and deletion for the selected complaints: one backend command each, which reports every refusal by complaint. */
export default function ComplaintBulkActions({ rows, onDone }: Props) {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const setStatus = useSetComplaintsStatus()
  const del = useDeleteComplaints()
  const running = setStatus.isPending || del.isPending
  const deletable = rows.filter((r) => isEditableStatus(r.status))

  const report = (result: BulkResult, done: string) => {
    const total = result.done.length + result.unchanged.length + result.failures.length
    if (result.done.length > 0) message.success(t(done, { count: result.done.length }))
    if (result.failures.length > 0) {
      modal.error({
        title: t('bulk.failed', { count: result.failures.length, total }),
        width: 560,
        content: (
          <ul style={{ paddingLeft: 18, margin: 0 }} data-testid="bulk-failures">
            {result.failures.map((f) => (
              <li key={f.id}>
                <Typography.Text strong>{f.label}</Typography.Text>: {f.message}
              </li>
            ))}
          </ul>
        ),
      })
    }
    onDone()
  }
  const run = async (action: () => Promise<BulkResult>, done: string) => {
    try {
      report(await action(), done)
    } catch (e) {
      message.error(errorDetail(e))
    }
  }

  // A button is offered when at least one selected complaint can make that move; the backend tries the others and lists their refusals.
  const canAny = (to: ComplaintStatus) => rows.some((r) => canMove(r.status, to))
  const moveTo = (to: ComplaintStatus) =>
    void run(() => setStatus.mutateAsync({ ids: rows.map((r) => r.id), to }), 'bulk.statusChanged')

  return (
    <Space wrap>
      <Typography.Text>{t('bulk.selected', { count: rows.length })}</Typography.Text>
      <EditButton size="small" loading={running} disabled={!canAny('ready')} onClick={() => moveTo('ready')} data-testid="bulk-ready">
        {t('complaint.action.ready')}
      </EditButton>
      <EditButton size="small" loading={running} disabled={!canAny('draft')} onClick={() => moveTo('draft')} data-testid="bulk-draft">
        {t('complaint.action.draft')}
      </EditButton>
      <EditButton size="small" loading={running} disabled={!canAny('closed')} onClick={() => moveTo('closed')} data-testid="bulk-close">
        {t('complaint.action.closed')}
      </EditButton>
      <Popconfirm
        title={t('bulk.deleteConfirm', { count: deletable.length })}
        description={t('bulk.deleteHint')}
        disabled={deletable.length === 0}
        onConfirm={() => run(() => del.mutateAsync(deletable.map((r) => r.id)), 'bulk.deleted')}
      >
        <EditButton size="small" danger icon={<DeleteOutlined />} disabled={deletable.length === 0} loading={running} data-testid="bulk-delete">
          {t('bulk.delete', { count: deletable.length })}
        </EditButton>
      </Popconfirm>
    </Space>
  )
}
