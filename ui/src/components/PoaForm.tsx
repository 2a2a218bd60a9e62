import { App, DatePicker, Form, Input, Modal, Select, Space } from 'antd'
import dayjs from 'dayjs'
import type { Dayjs } from 'dayjs'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useErrors } from '../lib/errors'
import { fromIsoDate, toIsoDate } from '../lib/format'
import type { PoaDraft, PoaView } from '../lib/ipc/bindings'
import { useAgents, useCreatePoa, useHolders, useUpdatePoa } from '../lib/queries'
import FormButtons from './FormButtons'
import { useOpenedOnce } from '../lib/useOpenedOnce'

const FIELDS = ['holder_id', 'agent_id', 'scope', 'valid_from', 'valid_until', 'signatory_title', 'notes'] as const

interface Values {
  holder_id?: string
  agent_id?: string
  scope?: string
  valid_from?: Dayjs | null
  valid_until?: Dayjs | null
  signatory_title?: string
  notes?: string
}

interface Props {
  open: boolean
  poa?: PoaView | null
  /** The granting holder, fixed when opened from a holder's page. */
  holderId?: string
  onClose: () => void
}

export default function PoaForm({ open, poa, holderId, onClose }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const { message } = App.useApp()
  const { applyFormError } = useErrors()
  const agents = useAgents()
  const holders = useHolders()
  const create = useCreatePoa()
  const update = useUpdatePoa()
  const fixedHolder = holderId ?? poa?.holder_id

  useEffect(() => {
    if (!open) return
    form.resetFields()
    if (poa) {
      form.setFieldsValue({
        holder_id: poa.holder_id,
        agent_id: poa.agent_id,
        scope: poa.scope,
        valid_from: fromIsoDate(poa.valid_from),
        valid_until: fromIsoDate(poa.valid_until),
        signatory_title: poa.signatory_title,
        notes: poa.notes,
      })
    } else {
      form.setFieldsValue({ holder_id: holderId, valid_from: dayjs() })
    }
  }, [open, poa, holderId, form])

  const onFinish = async (v: Values) => {
    const draft: PoaDraft = {
      holder_id: fixedHolder ?? v.holder_id ?? '',
      agent_id: v.agent_id ?? '',
      scope: (v.scope ?? '').trim(),
      valid_from: toIsoDate(v.valid_from) ?? '',
      valid_until: toIsoDate(v.valid_until),
      signatory_title: (v.signatory_title ?? '').trim(),
      notes: (v.notes ?? '').trim(),
    }
    try {
      if (poa) await update.mutateAsync({ id: poa.id, draft })
      else await create.mutateAsync(draft)
      message.success(t('common.saved'))
      onClose()
    } catch (e) {
      applyFormError(form, e, FIELDS)
    }
  }

  const opened = useOpenedOnce(open)
  if (!opened) return null
  return (
    <Modal open={open} title={poa ? t('poa.editTitle') : t('poa.new')} onCancel={onClose} footer={null} forceRender>
      <Form form={form} name="poa" layout="vertical" onFinish={onFinish}>
        <Form.Item name="holder_id" label={t('poa.holder_id')} required>
          <Select
            disabled={!!fixedHolder}
            showSearch={{ optionFilterProp: 'label' }}
            options={(holders.data ?? []).map((h) => ({ value: h.id, label: h.legal_name }))}
          />
        </Form.Item>
        <Form.Item name="agent_id" label={t('poa.agent_id')} required>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(agents.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
          />
        </Form.Item>
        <Form.Item name="scope" label={t('poa.scope')}>
          <Input />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item name="valid_from" label={t('poa.valid_from')} required>
            <DatePicker />
          </Form.Item>
          <Form.Item name="valid_until" label={t('poa.valid_until')} extra={t('poa.untilRevoked')}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="signatory_title" label={t('poa.signatory_title')}>
          <Input />
        </Form.Item>
        <Form.Item name="notes" label={t('poa.notes')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <FormButtons onCancel={onClose} saving={create.isPending || update.isPending} testId="poa-save" />
      </Form>
    </Modal>
  )
}
