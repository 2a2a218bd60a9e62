import { App, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { COUNTER_GROUNDS, MAX_COUNTER_ROUND, MAX_EXTENSION_DAYS, MAX_STATEMENT_CHARS } from '../../lib/enums'
import { useErrors } from '../../lib/errors'
import { fromChinaTime, toChinaTime } from '../../lib/format'
import type { ComplaintDetail, CounterGround, CounterNoticeDraft, CounterNoticeView } from '../../lib/ipc/bindings'
import { useRecordCounterNotice, useUpdateCounterNotice } from '../../lib/queries'
import FormButtons from '../FormButtons'
import { useOpenedOnce } from '../../lib/useOpenedOnce'

const FIELDS = ['round', 'received_at', 'grounds', 'statement', 'listing_ids', 'extension_days', 'extension_reason'] as const

interface Values {
  round?: number
  received_at?: string
  grounds?: CounterGround
  statement?: string
  scope?: 'all' | 'some'
  listing_ids?: string[]
  extension_days?: number | null
  extension_reason?: string
}

interface Props {
  open: boolean
  detail: ComplaintDetail
  /** The counter-notice to edit; null records a new one. */
  notice: CounterNoticeView | null
  onClose: () => void
}

/** The seller's counter-notice as the platform forwarded it; received at is typed in China time. */
export default function CounterNoticeForm({ open, detail, notice, onClose }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const { message } = App.useApp()
  const { applyFormError } = useErrors()
  const record = useRecordCounterNotice()
  const update = useUpdateCounterNotice()
  const scope = Form.useWatch('scope', form)
  const extension = Form.useWatch('extension_days', form)

  useEffect(() => {
    if (!open) return
    form.resetFields()
    if (notice) {
      form.setFieldsValue({
        round: notice.round,
        received_at: toChinaTime(notice.received_at),
        grounds: notice.grounds,
        statement: notice.statement,
        scope: notice.listing_ids.length > 0 ? 'some' : 'all',
        listing_ids: notice.listing_ids,
        extension_days: notice.extension_days,
        extension_reason: notice.extension_reason,
      })
    } else {
      const last = Math.max(0, ...detail.counter_notices.map((n) => n.round))
      form.setFieldsValue({ round: last + 1, received_at: toChinaTime(new Date()), grounds: 'genuine_goods', scope: 'all', listing_ids: [], extension_days: 0, extension_reason: '' })
    }
  }, [open, notice, detail.counter_notices, form])

  const onFinish = async (v: Values) => {
    const draft: CounterNoticeDraft = {
      complaint_id: detail.row.id,
      round: v.round ?? 1,
      listing_ids: v.scope === 'some' ? (v.listing_ids ?? []) : [],
      received_at: fromChinaTime(v.received_at ?? '') ?? '',
      grounds: v.grounds ?? 'other',
      statement: (v.statement ?? '').trim(),
      extension_days: v.extension_days ?? 0,
      extension_reason: (v.extension_reason ?? '').trim(),
    }
    try {
      if (notice) await update.mutateAsync({ id: notice.id, draft })
      else await record.mutateAsync(draft)
      message.success(notice ? t('common.saved') : t('counter.recorded'))
      onClose()
    } catch (e) {
      applyFormError(form, e, FIELDS)
    }
  }

  const opened = useOpenedOnce(open)
  if (!opened) return null
  return (
    <Modal open={open} title={notice ? t('counter.editTitle') : t('counter.new')} onCancel={onClose} footer={null} forceRender width={640}>
      <Form form={form} name="counter_notice" layout="vertical" onFinish={onFinish}>
        <Space wrap size="large" style={{ display: 'flex' }}>
          <Form.Item name="round" label={t('counter.round')} rules={[{ required: true, message: t('fieldError.required') }]}>
            <InputNumber min={1} max={MAX_COUNTER_ROUND} precision={0} />
          </Form.Item>
          <Form.Item
            name="received_at"
            label={t('counter.receivedAt')}
            extra={t('counter.receivedAtHint')}
            rules={[
              {
                validator: (_, v: string | undefined) =>
                  fromChinaTime(v ?? '') ? Promise.resolve() : Promise.reject(new Error(t('counter.receivedAtInvalid'))),
              },
            ]}
          >
            <Input style={{ width: 200 }} placeholder="YYYY-MM-DD HH:mm" data-testid="cn-received-at" />
          </Form.Item>
          <Form.Item name="grounds" label={t('counter.grounds')}>
            <Select style={{ width: 240 }} options={COUNTER_GROUNDS.map((g) => ({ value: g, label: t(`enum.counterGround.${g}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item name="statement" label={t('counter.statement')} extra={t('counter.statementHint')}>
          <Input.TextArea rows={4} showCount maxLength={MAX_STATEMENT_CHARS} data-testid="cn-statement" />
        </Form.Item>
        <Form.Item name="scope" label={t('counter.listings')}>
          <Radio.Group
            options={[
              { value: 'all', label: t('counter.allListings', { count: detail.listings.length }) },
              { value: 'some', label: t('counter.someListings') },
            ]}
          />
        </Form.Item>
        {scope === 'some' && (
          <Form.Item name="listing_ids" rules={[{ required: true, type: 'array', min: 1, message: t('counter.chooseListings') }]}>
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              options={detail.listings.map((l) => ({ value: l.listing.id, label: `#${l.position} ${l.listing.title || l.listing.canonical_url}` }))}
              aria-label={t('counter.listings')}
            />
          </Form.Item>
        )}
        <Space wrap size="large" style={{ display: 'flex' }} align="start">
          <Form.Item
            name="extension_days"
            label={t('counter.extensionDays')}
            extra={t('counter.extensionDaysHint', { max: MAX_EXTENSION_DAYS })}
            style={{ maxWidth: 300 }}
          >
            <InputNumber min={0} max={MAX_EXTENSION_DAYS} precision={0} data-testid="cn-extension-days" />
          </Form.Item>
          {(extension ?? 0) > 0 && (
            <Form.Item name="extension_reason" label={t('counter.extensionReason')} required style={{ minWidth: 280 }}>
              <Input data-testid="cn-extension-reason" />
            </Form.Item>
          )}
        </Space>
        <FormButtons onCancel={onClose} saving={record.isPending || update.isPending} testId="cn-submit" />
      </Form>
    </Modal>
  )
}
