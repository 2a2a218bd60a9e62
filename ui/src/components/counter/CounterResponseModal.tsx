import { App, Form, Input, Modal } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useErrors } from '../../lib/errors'
import { fromChinaTime, toChinaTime } from '../../lib/format'
import type { CounterNoticeView } from '../../lib/ipc/bindings'
import { useRespondToCounterNotice } from '../../lib/queries'
import FormButtons from '../FormButtons'
import { useOpenedOnce } from '../../lib/useOpenedOnce'

interface Values {
  response_text?: string
  responded_at?: string
}

/** Our reply to a counter-notice (more evidence, a statement) and when it was sent, in China time. */
export default function CounterResponseModal({ notice, onClose }: { notice: CounterNoticeView | null; onClose: () => void }) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const { message } = App.useApp()
  const { applyFormError } = useErrors()
  const respond = useRespondToCounterNotice()

  useEffect(() => {
    if (!notice) return
    form.resetFields()
    form.setFieldsValue({
      response_text: notice.response_text,
      responded_at: toChinaTime(notice.responded_at ?? new Date()),
    })
  }, [notice, form])

  const onFinish = async (v: Values) => {
    if (!notice) return
    try {
      await respond.mutateAsync({
        id: notice.id,
        input: { response_text: (v.response_text ?? '').trim(), responded_at: fromChinaTime(v.responded_at ?? '') ?? '' },
      })
      message.success(t('counter.responded'))
      onClose()
    } catch (e) {
      applyFormError(form, e, ['response_text', 'responded_at'])
    }
  }

  const opened = useOpenedOnce(notice !== null)
  if (!opened) return null
  return (
    <Modal open={notice !== null} title={t('counter.respondTitle')} onCancel={onClose} footer={null} forceRender>
      <Form form={form} name="counter_response" layout="vertical" onFinish={onFinish}>
        <Form.Item name="response_text" label={t('counter.responseText')} rules={[{ required: true, whitespace: true, message: t('fieldError.required') }]}>
          <Input.TextArea rows={4} data-testid="cn-response-text" />
        </Form.Item>
        <Form.Item
          name="responded_at"
          label={t('counter.respondedAt')}
          extra={t('counter.receivedAtHint')}
          rules={[
            {
              validator: (_, v: string | undefined) =>
                fromChinaTime(v ?? '') ? Promise.resolve() : Promise.reject(new Error(t('counter.receivedAtInvalid'))),
            },
          ]}
        >
          <Input style={{ width: 200 }} placeholder="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <FormButtons onCancel={onClose} saving={respond.isPending} testId="cn-response-save" />
      </Form>
    </Modal>
  )
}
