import { App, AutoComplete, Form, Input, Modal, Radio, Select, Space } from 'antd'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useErrors } from '../lib/errors'
import { COMPLAINT_REASONS, COMPLAINT_TARGETS, MAX_EXPLANATION_CHARS, PLATFORMS, isEditableStatus } from '../lib/enums'
import type { ComplaintDraft, ComplaintRow } from '../lib/ipc/bindings'
import { useCreateComplaint, useRights, useUpdateComplaint } from '../lib/queries'
import AccountSelect from './AccountSelect'
import FormButtons from './FormButtons'
import RightSelect from './RightSelect'
import { useOpenedOnce } from '../lib/useOpenedOnce'

const FIELDS = [
  'account_id',
  'platform',
  'right_id',
  'target',
  'reason',
  'explanation_en',
  'explanation_zh',
  'external_number',
  'assignee',
  'notes',
] as const

/** IPP's explanation box takes about this much text (the backend enforces it). */

type Values = Partial<ComplaintDraft>

function toDraft(v: Values): ComplaintDraft {
  return {
    account_id: v.account_id ?? '',
    platform: v.platform ?? 'taobao',
    right_id: v.right_id ?? '',
    target: v.target ?? 'listings',
    reason: v.reason ?? 'counterfeit',
    explanation_en: (v.explanation_en ?? '').trim(),
    explanation_zh: (v.explanation_zh ?? '').trim(),
    external_number: (v.external_number ?? '').trim(),
    assignee: (v.assignee ?? '').trim(),
    notes: (v.notes ?? '').trim(),
  }
}

interface Props {
  open: boolean
  complaint?: ComplaintRow | null
  /** Names already used, offered for the assignee. */
  assignees?: string[]
  onClose: () => void
  onSaved?: (c: ComplaintRow) => void
}

export default function ComplaintForm({ open, complaint, assignees = [], onClose, onSaved }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const { message } = App.useApp()
  const { applyFormError } = useErrors()
  const create = useCreateComplaint()
  const update = useUpdateComplaint()
  const rights = useRights()
  const rightId = Form.useWatch('right_id', form)
  const registrant = rights.data?.find((r) => r.id === rightId)?.registrant_id
  // A filed complaint keeps its platform, right and account (the backend refuses changes).
  const locked = !!complaint && !isEditableStatus(complaint.status)

  // The version the form was opened on: a save over a newer one is refused
  // (code `stale`), and what is typed is never reset by a refetch while open.
  const openedOn = useRef<string | undefined>(undefined)
  useEffect(() => {
    if (!open) return
    openedOn.current = complaint?.updated_at
    form.resetFields()
    form.setFieldsValue(
      complaint
        ? {
            account_id: complaint.account_id,
            platform: complaint.platform,
            right_id: complaint.right_id,
            target: complaint.target,
            reason: complaint.reason,
            explanation_en: complaint.explanation_en,
            explanation_zh: complaint.explanation_zh,
            external_number: complaint.external_number,
            assignee: complaint.assignee,
            notes: complaint.notes,
          }
        : { platform: 'taobao', target: 'listings', reason: 'counterfeit' },
    )
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when opened or another record is edited
  }, [open, complaint?.id, form])

  const onFinish = async (v: Values) => {
    const draft = toDraft(v)
    try {
      const saved = complaint
        ? await update.mutateAsync({ id: complaint.id, draft, base: openedOn.current })
        : await create.mutateAsync(draft)
      message.success(t('common.saved'))
      onSaved?.(saved)
      onClose()
    } catch (e) {
      applyFormError(form, e, FIELDS)
    }
  }

  const opened = useOpenedOnce(open)
  if (!opened) return null
  return (
    <Modal open={open} title={complaint ? t('complaint.editTitle') : t('complaint.new')} onCancel={onClose} footer={null} forceRender width={720}>
      <Form form={form} name="complaint" layout="vertical" onFinish={onFinish}>
        <Form.Item name="right_id" label={t('complaint.right')} required>
          <RightSelect disabled={locked} />
        </Form.Item>
        <Space wrap size="large" style={{ display: 'flex' }}>
          <Form.Item name="platform" label={t('complaint.platform')} required>
            <Select
              style={{ width: 200 }}
              disabled={locked}
              options={PLATFORMS.map((p) => ({ value: p, label: t(`enum.platform.${p}`) }))}
            />
          </Form.Item>
          <Form.Item name="target" label={t('complaint.target')}>
            <Radio.Group options={COMPLAINT_TARGETS.map((x) => ({ value: x, label: t(`enum.complaintTarget.${x}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item name="account_id" label={t('complaint.account')} extra={t('complaint.accountHint')} required>
          <AccountSelect preferHolderId={registrant} disabled={locked} />
        </Form.Item>
        <Space wrap size="large" style={{ display: 'flex' }}>
          <Form.Item name="reason" label={t('complaint.reason')}>
            <Select style={{ width: 280 }} options={COMPLAINT_REASONS.map((r) => ({ value: r, label: t(`enum.complaintReason.${r}`) }))} />
          </Form.Item>
          <Form.Item name="assignee" label={t('complaint.assignee')}>
            <AutoComplete style={{ width: 220 }} options={assignees.map((a) => ({ value: a }))} showSearch={{ filterOption: true }} />
          </Form.Item>
        </Space>
        <Form.Item name="explanation_zh" label={t('complaint.explanation_zh')} extra={t('complaint.explanationHint')}>
          <Input.TextArea rows={3} showCount maxLength={MAX_EXPLANATION_CHARS} lang="zh-CN" />
        </Form.Item>
        <Form.Item name="explanation_en" label={t('complaint.explanation_en')}>
          <Input.TextArea rows={3} showCount maxLength={MAX_EXPLANATION_CHARS} />
        </Form.Item>
        {complaint && (
          <Form.Item name="external_number" label={t('complaint.external_number')}>
            <Input style={{ width: 280 }} />
          </Form.Item>
        )}
        <Form.Item name="notes" label={t('complaint.notes')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <FormButtons onCancel={onClose} saving={create.isPending || update.isPending} testId="complaint-save" />
      </Form>
    </Modal>
  )
}
