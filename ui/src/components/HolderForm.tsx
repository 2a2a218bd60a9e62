import { App, Button, Form, Input, Modal, Radio, Space } from 'antd'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useErrors } from '../lib/errors'
import { HOLDER_KINDS, isRequired } from '../lib/enums'
import type { Holder, HolderDraft } from '../lib/ipc/bindings'
import { useCreateHolder, useUpdateHolder } from '../lib/queries'
import { useOpenedOnce } from '../lib/useOpenedOnce'

const FIELDS = [
  'kind',
  'legal_name',
  'latin_name',
  'country',
  'registration_number',
  'address',
  'contact_email',
  'notes',
] as const

const EMPTY: HolderDraft = {
  kind: 'company',
  legal_name: '',
  latin_name: '',
  country: '',
  registration_number: '',
  address: '',
  contact_email: '',
  notes: '',
}

interface Props {
  open: boolean
  /** Edit this holder; create a new one when absent. */
  holder?: Holder | null
  onClose: () => void
  onSaved?: (h: Holder) => void
}

export default function HolderForm({ open, holder, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<HolderDraft>()
  const { message } = App.useApp()
  const { applyFormError } = useErrors()
  const create = useCreateHolder()
  const update = useUpdateHolder()
  const saving = create.isPending || update.isPending

  // The version the form was opened on: a save over a newer one is refused
  // (code `stale`), and what is typed is never reset by a refetch while open.
  const openedOn = useRef<string | undefined>(undefined)
  useEffect(() => {
    if (!open) return
    openedOn.current = holder?.updated_at
    const v: HolderDraft = holder ? { ...EMPTY, ...pickDraft(holder) } : EMPTY
    form.resetFields()
    form.setFieldsValue(v)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when opened or another record is edited
  }, [open, holder?.id, form])

  const onFinish = async (values: HolderDraft) => {
    const draft: HolderDraft = { ...EMPTY, ...values }
    for (const k of FIELDS) {
      if (k !== 'kind') draft[k] = (draft[k] ?? '').trim()
    }
    draft.country = draft.country.toUpperCase()
    try {
      const saved = holder
        ? await update.mutateAsync({ id: holder.id, draft, base: openedOn.current })
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
    <Modal
      open={open}
      title={holder ? t('holder.editTitle') : t('holder.new')}
      onCancel={onClose}
      footer={null}
      forceRender
      width={640}
      afterOpenChange={(o) => {
        if (o) form.getFieldInstance('legal_name')?.focus()
      }}
    >
      <Form form={form} name="holder" layout="vertical" onFinish={onFinish} initialValues={EMPTY}>
        <Form.Item name="kind" label={t('holder.kind')}>
          <Radio.Group
            options={HOLDER_KINDS.map((k) => ({ value: k, label: t(`enum.holderKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="legal_name" label={t('holder.legal_name')} required={isRequired('holder', 'legal_name')}>
          <Input />
        </Form.Item>
        <Form.Item name="latin_name" label={t('holder.latin_name')}>
          <Input />
        </Form.Item>
        <Form.Item name="country" label={t('holder.country')} extra={t('common.countryHint')} required={isRequired('holder', 'country')}>
          <Input
            maxLength={2}
            style={{ width: 120 }}
            onBlur={(e) => form.setFieldValue('country', e.target.value.trim().toUpperCase())}
          />
        </Form.Item>
        <Form.Item name="registration_number" label={t('holder.registration_number')}>
          <Input />
        </Form.Item>
        <Form.Item name="address" label={t('holder.address')}>
          <Input />
        </Form.Item>
        <Form.Item name="contact_email" label={t('holder.contact_email')} required={isRequired('holder', 'contact_email')}>
          <Input inputMode="email" />
        </Form.Item>
        <Form.Item name="notes" label={t('holder.notes')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="holder-save">
            {t('common.save')}
          </Button>
        </Space>
      </Form>
    </Modal>
  )
}

function pickDraft(h: Holder): HolderDraft {
  return {
    kind: h.kind,
    legal_name: h.legal_name,
    latin_name: h.latin_name,
    country: h.country,
    registration_number: h.registration_number,
    address: h.address,
    contact_email: h.contact_email,
    notes: h.notes,
  }
}
