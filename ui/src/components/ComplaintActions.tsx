import {
  CopyOutlined,
  DeleteOutlined,
  DownOutlined,
  EditOutlined,
  ExportOutlined,
  ImportOutlined,
  SendOutlined,
} from '@ant-design/icons'
import { App, Button, Dropdown, Popconfirm, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { useErrors } from '../lib/errors'
import { isEditableStatus } from '../lib/enums'
import { chooseSavePath } from '../lib/fileDialogs'
import type { ComplaintDetail, UrlExportFormat } from '../lib/ipc/bindings'
import {
  useAssignees,
  useComplaintUrls,
  useDeleteComplaint,
  useExportComplaintUrls,
  useSetComplaintStatus,
} from '../lib/queries'
import ComplaintForm from './ComplaintForm'
import FileComplaintModal from './FileComplaintModal'
import ImportDialog from './ImportDialog'
import { EditButton } from '../lib/access'

const FORMATS: UrlExportFormat[] = ['text', 'csv', 'xlsx']

/** Everything one can do to a complaint, offered only when its status allows it. */
export default function ComplaintActions({ detail }: { detail: ComplaintDetail }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const { notifyError } = useErrors()
  const c = detail.row
  const editable = isEditableStatus(c.status)
  const setStatus = useSetComplaintStatus()
  const del = useDeleteComplaint()
  const urls = useComplaintUrls()
  const exportUrls = useExportComplaintUrls()
  const assignees = useAssignees()
  const [dialog, setDialog] = useState<'edit' | 'file' | 'import' | null>(null)

  const move = (to: ComplaintDetail['next_statuses'][number]) =>
    setStatus.mutate({ id: c.id, to }, { onSuccess: () => message.success(t('common.saved')), onError: notifyError })

  const copyUrls = async () => {
    try {
      const text = await urls.mutateAsync(c.id)
      await navigator.clipboard.writeText(text)
      message.success(t('complaint.urlsCopied', { count: text.split('\n').filter(Boolean).length }))
    } catch (e) {
      notifyError(e)
    }
  }

  const exportAs = async (format: UrlExportFormat) => {
    try {
      const path = await chooseSavePath(t('complaint.export'), c.label.replace(/[\\/:*?"<>|#\s]+/g, '_'), format)
      if (!path) return
      await exportUrls.mutateAsync({ id: c.id, format, path })
      message.success(t('complaint.exported', { path }))
    } catch (e) {
      notifyError(e)
    }
  }

  return (
    <Space wrap>
      {detail.next_statuses.map((to) => (
        <EditButton key={to} onClick={() => move(to)} loading={setStatus.isPending} data-testid={`complaint-to-${to}`}>
          {t(`complaint.action.${to}`)}
        </EditButton>
      ))}
      {editable && (
        <EditButton
          type={detail.filing_problems.length === 0 ? 'primary' : 'default'}
          icon={<SendOutlined />}
          onClick={() => setDialog('file')}
          data-testid="complaint-file"
        >
          {t('complaint.file')}
        </EditButton>
      )}
      {editable && (
        <EditButton icon={<ImportOutlined />} onClick={() => setDialog('import')} data-testid="complaint-import">
          {t('complaints.import')}
        </EditButton>
      )}
      <Button icon={<CopyOutlined />} onClick={() => void copyUrls()} loading={urls.isPending} disabled={c.listing_count === 0} data-testid="complaint-copy-urls">
        {t('complaint.copyUrls')}
      </Button>
      <Dropdown
        disabled={c.listing_count === 0}
        menu={{
          items: FORMATS.map((f) => ({ key: f, label: t(`complaint.exportAs.${f}`) })),
          onClick: ({ key }) => void exportAs(key as UrlExportFormat),
        }}
      >
        <Button icon={<ExportOutlined />} loading={exportUrls.isPending} data-testid="complaint-export">
          <Space size={4}>
            {t('complaint.export')}
            <DownOutlined />
          </Space>
        </Button>
      </Dropdown>
      <EditButton icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="complaint-edit">
        {t('common.edit')}
      </EditButton>
      {editable && (
        <Popconfirm
          title={t('common.confirmDelete')}
          description={t('complaint.deleteHint')}
          onConfirm={() =>
            del.mutateAsync(c.id).then(
              () => {
                message.success(t('common.deleted'))
                navigate('/complaints')
              },
              (e: unknown) => notifyError(e),
            )
          }
        >
          <EditButton danger icon={<DeleteOutlined />} data-testid="complaint-delete">
            {t('common.delete')}
          </EditButton>
        </Popconfirm>
      )}
      <ComplaintForm open={dialog === 'edit'} complaint={c} assignees={assignees.data} onClose={() => setDialog(null)} />
      <FileComplaintModal complaint={dialog === 'file' ? c : null} onClose={() => setDialog(null)} />
      <ImportDialog open={dialog === 'import'} complaintId={c.id} complaintLabel={c.label} onClose={() => setDialog(null)} />
    </Space>
  )
}
