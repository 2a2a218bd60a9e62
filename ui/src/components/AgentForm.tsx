import { App, Form, Input, Modal, Radio } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useErrors } from '../lib/errors'
import { AGENT_KINDS, isRequired } from '../lib/enums'
import type { Agent, AgentDraft } from '../lib/ipc/bindings'
import { useCreateAgent, useUpdateAgent } from '../lib/queries'
import FormButtons from './FormButtons'
import { useOpenedOnce } from '../lib/useOpenedOnce'

const FIELDS = ['kind', 'name', 'country', 'contact_email', 'notes'] as const
const EMPTY: AgentDraft = { kind: 'law_firm', name: '', country: '', contact_email: '', notes: '' }

interface Props {
  open: boolean
  agent?: Agent | null
  onClose: () => void
}

export default function AgentForm({ open, agent, onClose }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<AgentDraft>()
  const { message } = App.useApp()
  const { applyFormError } = useErrors()
  const create = useCreateAgent()
  const update = useUpdateAgent()

  useEffect(() => {
    if (!open) return
    form.resetFields()
    form.setFieldsValue(
      agent
        ? {
            kind: agent.kind,
            name: agent.name,
            country: agent.country,
            contact_email: agent.contact_email,
            notes: agent.notes,
          }
        : EMPTY,
    )
  }, [open, agent, form])

  const onFinish = async (v: AgentDraft) => {
    const draft: AgentDraft = {
      kind: v.kind ?? 'law_firm',
      name: (v.name ?? '').trim(),
      country: (v.country ?? '').trim().toUpperCase(),
      contact_email: (v.contact_email ?? '').trim(),
      notes: (v.notes ?? '').trim(),
    }
    try {
      if (agent) await update.mutateAsync({ id: agent.id, draft })
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
    <Modal open={open} title={agent ? t('agent.editTitle') : t('agent.new')} onCancel={onClose} footer={null} forceRender>
      <Form form={form} name="agent" layout="vertical" onFinish={onFinish} initialValues={EMPTY}>
        <Form.Item name="kind" label={t('agent.kind')}>
          <Radio.Group options={AGENT_KINDS.map((k) => ({ value: k, label: t(`enum.agentKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('agent.name')} required={isRequired('agent', 'name')}>
          <Input />
        </Form.Item>
        <Form.Item name="country" label={t('agent.country')} extra={t('common.countryHint')} required={isRequired('agent', 'country')}>
          <Input
            maxLength={2}
            style={{ width: 120 }}
            onBlur={(e) => form.setFieldValue('country', e.target.value.trim().toUpperCase())}
          />
        </Form.Item>
        <Form.Item name="contact_email" label={t('agent.contact_email')} required={isRequired('agent', 'contact_email')}>
          <Input inputMode="email" />
        </Form.Item>
        <Form.Item name="notes" label={t('agent.notes')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <FormButtons onCancel={onClose} saving={create.isPending || update.isPending} testId="agent-save" />
      </Form>
    </Modal>
  )
}
