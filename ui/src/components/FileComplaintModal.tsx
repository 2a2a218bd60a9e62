import { Alert, App, DatePicker, Form, Input, Modal } from 'antd'
import dayjs from 'dayjs'
import type { Dayjs } from 'dayjs'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDetail, errorTitle, useErrors } from '../lib/errors'
import { toIsoDate } from '../lib/format'
import { isDeskError } from '../lib/ipc/backend'
import type { ComplaintRow } from '../lib/ipc/bindings'
import { useFileComplaint } from '../lib/queries'
import FormButtons from './FormButtons'
import { useOpenedOnce } from '../lib/useOpenedOnce'

interface Values {
  filed_on?: Dayjs | null
  external_number?: string
  seller_notified_on?: Dayjs | null
}

/** Records that the complaint was filed on IPP (date and IPP's number); the backend may refuse with every reason. */
export default function FileComplaintModal({ complaint, onClose }: { complaint: ComplaintRow | null; onClose: () => void }) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const { message } = App.useApp()
  const { applyFormError } = useErrors()
  const file = useFileComplaint()
  const [refusal, setRefusal] = useState<unknown>(null)

  useEffect(() => {
    if (!complaint) return
    form.resetFields()
    form.setFieldsValue({ filed_on: dayjs(), external_number: complaint.external_number })
  }, [complaint, form])

  const close = () => {
    setRefusal(null)
    onClose()
  }

  const onFinish = async (v: Values) => {
    if (!complaint) return
    setRefusal(null)
    try {
      await file.mutateAsync({
        id: complaint.id,
        input: {
          filed_on: toIsoDate(v.filed_on ?? dayjs())!,
          external_number: (v.external_number ?? '').trim(),
          seller_notified_on: toIsoDate(v.seller_notified_on ?? null) ?? null,
        },
      })
      message.success(t('complaint.filedOk'))
      close()
    } catch (e) {
      // A refusal is an answer to read, not a field error: keep it in the dialog.
      if (isDeskError(e) && (e.code === 'filing_refused' || e.fields.length === 0)) setRefusal(e)
      else applyFormError(form, e, ['filed_on', 'external_number', 'seller_notified_on'])
    }
  }

  const opened = useOpenedOnce(!!complaint)
  if (!opened) return null
  return (
    <Modal open={!!complaint} title={t('complaint.fileTitle')} onCancel={close} footer={null} forceRender>
      <Form form={form} name="file" layout="vertical" onFinish={onFinish}>
        {refusal !== null && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={errorTitle(t, refusal)}
            description={<span data-testid="filing-refused">{errorDetail(refusal)}</span>}
          />
        )}
        <Form.Item name="filed_on" label={t('complaint.filed_on')} required>
          <DatePicker />
        </Form.Item>
        <Form.Item name="external_number" label={t('complaint.external_number')} extra={t('complaint.externalHint')}>
          <Input />
        </Form.Item>
        <Form.Item name="seller_notified_on" label={t('complaint.seller_notified_on')} extra={t('complaint.sellerNotifiedHint')}>
          <DatePicker allowClear data-testid="file-seller-notified" />
        </Form.Item>
        <FormButtons onCancel={close} saving={file.isPending} testId="file-submit" />
      </Form>
    </Modal>
  )
}
