import { App, DatePicker, Form, Input, Modal, Select, Space } from 'antd'
import type { Dayjs } from 'dayjs'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useErrors } from '../lib/errors'
import { fromIsoDate, toIsoDate } from '../lib/format'
import type { ComplaintListingView, TestPurchaseDraft, TestPurchaseView } from '../lib/ipc/bindings'
import { useCreateTestPurchase, useUpdateTestPurchase } from '../lib/queries'
import FormButtons from './FormButtons'
import { useOpenedOnce } from '../lib/useOpenedOnce'

const FIELDS = ['listing_id', 'order_number', 'ordered_on', 'price', 'what_arrived', 'appraisal_result', 'notes'] as const

interface Values {
  listing_id?: string | null
  order_number?: string
  ordered_on?: Dayjs | null
  price?: string
  what_arrived?: string
  appraisal_result?: string
  notes?: string
}

interface Props {
  open: boolean
  complaintId: string
  listings: ComplaintListingView[]
  purchase?: TestPurchaseView | null
  onClose: () => void
}

/** A test purchase: the order, what arrived, and what the appraisal found. */
export default function TestPurchaseForm({ open, complaintId, listings, purchase, onClose }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const { message } = App.useApp()
  const { applyFormError } = useErrors()
  const create = useCreateTestPurchase()
  const update = useUpdateTestPurchase()

  useEffect(() => {
    if (!open) return
    form.resetFields()
    if (purchase) {
      form.setFieldsValue({
        listing_id: purchase.listing_id,
        order_number: purchase.order_number,
        ordered_on: fromIsoDate(purchase.ordered_on),
        price: purchase.price,
        what_arrived: purchase.what_arrived,
        appraisal_result: purchase.appraisal_result,
        notes: purchase.notes,
      })
    }
  }, [open, purchase, form])

  const onFinish = async (v: Values) => {
    const listing = listings.find((l) => l.listing.id === v.listing_id)?.listing
    const draft: TestPurchaseDraft = {
      complaint_id: complaintId,
      listing_id: v.listing_id ?? null,
      // The seller is the listing's: the purchase then shows on the seller's page too.
      seller_id: listing?.seller_id ?? purchase?.seller_id ?? null,
      order_number: (v.order_number ?? '').trim(),
      ordered_on: toIsoDate(v.ordered_on),
      price: (v.price ?? '').trim(),
      what_arrived: (v.what_arrived ?? '').trim(),
      appraisal_result: (v.appraisal_result ?? '').trim(),
      notes: (v.notes ?? '').trim(),
    }
    try {
      if (purchase) await update.mutateAsync({ id: purchase.id, draft })
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
    <Modal open={open} title={purchase ? t('purchase.editTitle') : t('purchase.new')} onCancel={onClose} footer={null} forceRender width={640}>
      <Form form={form} name="test_purchase" layout="vertical" onFinish={onFinish}>
        <Form.Item name="listing_id" label={t('purchase.listing')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={listings.map((l) => ({ value: l.listing.id, label: `#${l.position} ${l.listing.title || l.listing.canonical_url}` }))}
          />
        </Form.Item>
        <Space wrap size="large" style={{ display: 'flex' }}>
          <Form.Item name="order_number" label={t('purchase.order_number')} required>
            <Input style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="ordered_on" label={t('purchase.ordered_on')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="price" label={t('purchase.price')}>
            <Input style={{ width: 140 }} placeholder="¥" />
          </Form.Item>
        </Space>
        <Form.Item name="what_arrived" label={t('purchase.what_arrived')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="appraisal_result" label={t('purchase.appraisal_result')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="notes" label={t('purchase.notes')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <FormButtons onCancel={onClose} saving={create.isPending || update.isPending} testId="purchase-save" />
      </Form>
    </Modal>
  )
}
