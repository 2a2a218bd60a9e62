import { App, Form, Input, Modal, Select } from 'antd'
import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useErrors } from '../lib/errors'
import { ACCOUNT_LOCATIONS, ACCOUNT_ROLES, PROGRAMMES, isRequired } from '../lib/enums'
import type { AccountDraft, AccountView, PoaView } from '../lib/ipc/bindings'
import { useAgents, useCreateAccount, useUpdateAccount } from '../lib/queries'
import FormButtons from './FormButtons'
import { useOpenedOnce } from '../lib/useOpenedOnce'

const FIELDS = [
  'holder_id',
  'programme',
  'role',
  'location',
  'login_email',
  'contact_email',
  'external_id',
  'agent_id',
  'poa_id',
  'notes',
] as const

type Values = Partial<AccountDraft>

interface Props {
  open: boolean
  holderId: string
  /** The holder's POAs (the POA select is filtered to the chosen agent). */
  poas: PoaView[]
  account?: AccountView | null
  onClose: () => void
}

export default function AccountForm({ open, holderId, poas, account, onClose }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const { message } = App.useApp()
  const { applyFormError } = useErrors()
  const agents = useAgents()
  const create = useCreateAccount()
  const update = useUpdateAccount()
  const role = Form.useWatch('role', form)
  const agentId = Form.useWatch('agent_id', form)

  useEffect(() => {
    if (!open) return
    form.resetFields()
    form.setFieldsValue(
      account
        ? {
            programme: account.programme,
            role: account.role,
            location: account.location,
            login_email: account.login_email,
            contact_email: account.contact_email,
            external_id: account.external_id,
            agent_id: account.agent_id,
            poa_id: account.poa_id,
            notes: account.notes,
          }
        : { programme: 'alibaba_ipp', role: 'rights_holder', location: 'mainland_china' },
    )
  }, [open, account, form])

  const poaOptions = useMemo(
    () =>
      poas
        .filter((p) => p.holder_id === holderId && p.agent_id === agentId)
        .map((p) => ({
          value: p.id,
          label: `${p.agent_name} · ${p.valid_from} → ${p.valid_until ?? t('poa.untilRevoked')}${p.scope ? ` · ${p.scope}` : ''}`,
        })),
    [poas, holderId, agentId, t],
  )

  const onFinish = async (v: Values) => {
    const agent = v.role === 'authorized_agent'
    const draft: AccountDraft = {
      holder_id: holderId,
      programme: v.programme ?? 'alibaba_ipp',
      role: v.role ?? 'rights_holder',
      location: v.location ?? 'mainland_china',
      login_email: (v.login_email ?? '').trim(),
      contact_email: (v.contact_email ?? '').trim(),
      external_id: (v.external_id ?? '').trim(),
      agent_id: agent ? (v.agent_id ?? null) : null,
      poa_id: agent ? (v.poa_id ?? null) : null,
      notes: (v.notes ?? '').trim(),
    }
    try {
      if (account) await update.mutateAsync({ id: account.id, draft })
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
    <Modal
      open={open}
      title={account ? t('account.editTitle') : t('account.new')}
      onCancel={onClose}
      footer={null}
      forceRender
    >
      <Form form={form} name="account" layout="vertical" onFinish={onFinish}>
        <Form.Item name="programme" label={t('account.programme')}>
          <Select options={PROGRAMMES.map((p) => ({ value: p, label: t(`enum.programme.${p}`) }))} />
        </Form.Item>
        <Form.Item name="role" label={t('account.role')}>
          <Select options={ACCOUNT_ROLES.map((r) => ({ value: r, label: t(`enum.accountRole.${r}`) }))} />
        </Form.Item>
        <Form.Item name="location" label={t('account.location')}>
          <Select
            options={ACCOUNT_LOCATIONS.map((l) => ({ value: l, label: t(`enum.accountLocation.${l}`) }))}
          />
        </Form.Item>
        <Form.Item name="login_email" label={t('account.login_email')} required={isRequired('account', 'login_email')}>
          <Input inputMode="email" />
        </Form.Item>
        <Form.Item name="contact_email" label={t('account.contact_email')} required={isRequired('account', 'contact_email')}>
          <Input inputMode="email" />
        </Form.Item>
        <Form.Item name="external_id" label={t('account.external_id')}>
          <Input />
        </Form.Item>
        {role === 'authorized_agent' && (
          <>
            <Form.Item name="agent_id" label={t('account.agent_id')} required>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={(agents.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
                onChange={() => form.setFieldValue('poa_id', null)}
              />
            </Form.Item>
            <Form.Item name="poa_id" label={t('account.poa_id')} required>
              <Select options={poaOptions} allowClear />
            </Form.Item>
          </>
        )}
        <Form.Item name="notes" label={t('account.notes')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <FormButtons onCancel={onClose} saving={create.isPending || update.isPending} testId="account-save" />
      </Form>
    </Modal>
  )
}
