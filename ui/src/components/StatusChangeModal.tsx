import { App, DatePicker, Form, Input, Modal, Select } from 'antd'
import dayjs from 'dayjs'
import type { Dayjs } from 'dayjs'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useErrors } from '../lib/errors'
import { toIsoDate } from '../lib/format'
import type { AccountStatus, AccountView } from '../lib/ipc/bindings'
import { useChangeAccountStatus } from '../lib/queries'
import FormButtons from './FormButtons'
import { useOpenedOnce } from '../lib/useOpenedOnce'

interface Values {
  to?: AccountStatus
  on?: Dayjs | null
  note?: string
}

export default function StatusChangeModal({
  account,
  onClose,
}: {
  account: AccountView | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const { message } = App.useApp()
  const { applyFormError } = useErrors()
  const change = useChangeAccountStatus()

  useEffect(() => {
    if (!account) return
    form.resetFields()
    form.setFieldsValue({ to: account.next_statuses[0], on: dayjs(), note: '' })
  }, [account, form])

  const onFinish = async (v: Values) => {
    if (!account) return
    try {
      await change.mutateAsync({
        id: account.id,
        input: { to: v.to ?? account.next_statuses[0], on: toIsoDate(v.on) ?? toIsoDate(dayjs())!, note: (v.note ?? '').trim() },
      })
      message.success(t('common.saved'))
      onClose()
    } catch (e) {
      applyFormError(form, e, ['to', 'on', 'note'])
    }
  }

  const opened = useOpenedOnce(!!account)
  if (!opened) return null
  return (
    <Modal open={!!account} title={t('account.changeStatus')} onCancel={onClose} footer={null} forceRender>
      <Form form={form} name="status" layout="vertical" onFinish={onFinish}>
        <Form.Item name="to" label={t('account.to')} required>
          <Select
            options={(account?.next_statuses ?? []).map((s) => ({
              value: s,
              label: t(`enum.accountStatus.${s}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="on" label={t('account.on')} required>
          <DatePicker />
        </Form.Item>
        <Form.Item name="note" label={t('account.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <FormButtons onCancel={onClose} saving={change.isPending} testId="status-save" />
      </Form>
    </Modal>
  )
}
