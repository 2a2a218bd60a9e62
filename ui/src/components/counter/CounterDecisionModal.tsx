import { Alert, App, DatePicker, Form, Modal, Select } from 'antd'
import dayjs from 'dayjs'
import type { Dayjs } from 'dayjs'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { COUNTER_DECISIONS } from '../../lib/enums'
import { useErrors } from '../../lib/errors'
import { toIsoDate } from '../../lib/format'
import type { CounterDecision, CounterNoticeView } from '../../lib/ipc/bindings'
import { useDecideCounterNotice } from '../../lib/queries'
import FormButtons from '../FormButtons'
import { useOpenedOnce } from '../../lib/useOpenedOnce'

interface Values {
  decision?: CounterDecision
  decided_on?: Dayjs | null
}

/** The platform's decision on a counter-notice; it sets the covered listings' outcomes. */
export default function CounterDecisionModal({ notice, onClose }: { notice: CounterNoticeView | null; onClose: () => void }) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const { message } = App.useApp()
  const { applyFormError } = useErrors()
  const decide = useDecideCounterNotice()

  useEffect(() => {
    if (!notice) return
    form.resetFields()
    form.setFieldsValue({ decision: notice.decision ?? 'takedown_upheld', decided_on: dayjs() })
  }, [notice, form])

  const onFinish = async (v: Values) => {
    if (!notice) return
    try {
      await decide.mutateAsync({
        id: notice.id,
        input: { decision: v.decision ?? 'takedown_upheld', decided_on: toIsoDate(v.decided_on) ?? '' },
      })
      message.success(t('counter.decided'))
      onClose()
    } catch (e) {
      applyFormError(form, e, ['decision', 'decided_on'])
    }
  }

  const opened = useOpenedOnce(notice !== null)
  if (!opened) return null
  return (
    <Modal open={notice !== null} title={t('counter.decideTitle')} onCancel={onClose} footer={null} forceRender>
      <Form form={form} name="counter_decision" layout="vertical" onFinish={onFinish}>
        <Alert type="info" showIcon title={t('counter.decideHint')} style={{ marginBottom: 16 }} />
        <Form.Item name="decision" label={t('counter.decision')} required>
          <Select options={COUNTER_DECISIONS.map((d) => ({ value: d, label: t(`enum.counterDecision.${d}`) }))} data-testid="cn-decision" />
        </Form.Item>
        <Form.Item name="decided_on" label={t('counter.decidedOn')} rules={[{ required: true, message: t('fieldError.required') }]}>
          <DatePicker />
        </Form.Item>
        <FormButtons onCancel={onClose} saving={decide.isPending} testId="cn-decision-save" />
      </Form>
    </Modal>
  )
}
