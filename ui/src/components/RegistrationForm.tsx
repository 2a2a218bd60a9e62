import { App, DatePicker, Form, Input, Modal, Select, Space } from 'antd'
import type { Dayjs } from 'dayjs'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useErrors } from '../lib/errors'
import { PROGRAMMES, REG_STATES } from '../lib/enums'
import { fromIsoDate, toIsoDate } from '../lib/format'
import type { Programme, ProgrammeRegistration, ProgrammeRightState } from '../lib/ipc/bindings'
import { useSetRegistration } from '../lib/queries'
import FormButtons from './FormButtons'
import { useOpenedOnce } from '../lib/useOpenedOnce'

const FIELDS = ['right_id', 'programme', 'state', 'reference', 'submitted_on', 'decided_on', 'notes'] as const

interface Values {
  programme?: Programme
  state?: ProgrammeRightState
  reference?: string
  submitted_on?: Dayjs | null
  decided_on?: Dayjs | null
  notes?: string
}

interface Props {
  open: boolean
  rightId: string
  existing: ProgrammeRegistration[]
  /** Registration to edit; a new one (or upsert by programme) when absent. */
  registration?: ProgrammeRegistration | null
  onClose: () => void
}

export default function RegistrationForm({ open, rightId, existing, registration, onClose }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const { message } = App.useApp()
  const { applyFormError } = useErrors()
  const save = useSetRegistration()

  const fill = (r: ProgrammeRegistration | null | undefined, programme: Programme) => {
    form.setFieldsValue(
      r
        ? {
            programme: r.programme,
            state: r.state,
            reference: r.reference,
            submitted_on: fromIsoDate(r.submitted_on),
            decided_on: fromIsoDate(r.decided_on),
            notes: r.notes,
          }
        : { programme, state: 'submitted', reference: '', submitted_on: null, decided_on: null, notes: '' },
    )
  }

  useEffect(() => {
    if (!open) return
    form.resetFields()
    const programme = registration?.programme ?? 'alibaba_ipp'
    fill(registration ?? existing.find((r) => r.programme === programme), programme)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, registration])

  const onFinish = async (v: Values) => {
    try {
      await save.mutateAsync({
        right_id: rightId,
        programme: v.programme ?? 'alibaba_ipp',
        state: v.state ?? 'submitted',
        reference: (v.reference ?? '').trim(),
        submitted_on: toIsoDate(v.submitted_on),
        decided_on: toIsoDate(v.decided_on),
        notes: (v.notes ?? '').trim(),
      })
      message.success(t('common.saved'))
      onClose()
    } catch (e) {
      applyFormError(form, e, FIELDS)
    }
  }

  const opened = useOpenedOnce(open)
  if (!opened) return null
  return (
    <Modal open={open} title={t('reg.title')} onCancel={onClose} footer={null} forceRender>
      <Form form={form} name="registration" layout="vertical" onFinish={onFinish}>
        <Form.Item name="programme" label={t('reg.programme')}>
          <Select
            options={PROGRAMMES.map((p) => ({ value: p, label: t(`enum.programme.${p}`) }))}
            onChange={(p: Programme) => fill(existing.find((r) => r.programme === p), p)}
          />
        </Form.Item>
        <Form.Item name="state" label={t('reg.state')}>
          <Select options={REG_STATES.map((s) => ({ value: s, label: t(`enum.regState.${s}`) }))} />
        </Form.Item>
        <Form.Item name="reference" label={t('reg.reference')}>
          <Input />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item name="submitted_on" label={t('reg.submitted_on')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="decided_on" label={t('reg.decided_on')}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="notes" label={t('reg.notes')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <FormButtons onCancel={onClose} saving={save.isPending} testId="registration-save" />
      </Form>
    </Modal>
  )
}
