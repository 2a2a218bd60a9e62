import { App, Form, Input, InputNumber, Modal, Select, Space } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useErrors } from '../lib/errors'
import { PLATFORMS, SELLER_BADGES } from '../lib/enums'
import type { SellerDraft, SellerRow } from '../lib/ipc/bindings'
import { useCreateSeller, useUpdateSeller } from '../lib/queries'
import FormButtons from './FormButtons'
import { useOpenedOnce } from '../lib/useOpenedOnce'

const FIELDS = [
  'platform',
  'store_name',
  'store_name_translation',
  'store_id',
  'store_url',
  'company_name',
  'location',
  'phone',
  'address',
  'wechat_id',
  'years_in_business',
  'employee_count',
  'office_size_m2',
  'factory_size_m2',
  'badges',
  'rating',
  'notes',
] as const

type Values = Partial<SellerDraft>

const text = (v: string | undefined) => (v ?? '').trim()
const count = (v: number | null | undefined) => (typeof v === 'number' ? Math.round(v) : null)

function toDraft(v: Values, groupId: string | null): SellerDraft {
  return {
    platform: v.platform ?? '1688',
    store_name: text(v.store_name),
    store_name_translation: text(v.store_name_translation),
    store_id: text(v.store_id),
    store_url: text(v.store_url),
    company_name: text(v.company_name),
    location: text(v.location),
    phone: text(v.phone),
    address: text(v.address),
    wechat_id: text(v.wechat_id),
    years_in_business: count(v.years_in_business),
    employee_count: count(v.employee_count),
    office_size_m2: count(v.office_size_m2),
    factory_size_m2: count(v.factory_size_m2),
    badges: [...new Set((v.badges ?? []).map((b) => b.trim()).filter((b) => b !== ''))],
    rating: typeof v.rating === 'number' ? v.rating : null,
    // Grouping is done with "Link" / "Unlink", not in this form.
    group_id: groupId,
    notes: text(v.notes),
  }
}

interface Props {
  open: boolean
  seller?: SellerRow | null
  onClose: () => void
  onSaved?: (s: SellerRow) => void
}

export default function SellerForm({ open, seller, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const { message } = App.useApp()
  const { applyFormError } = useErrors()
  const create = useCreateSeller()
  const update = useUpdateSeller()

  useEffect(() => {
    if (!open) return
    form.resetFields()
    form.setFieldsValue(seller ? { ...seller } : { platform: '1688', badges: [] })
  }, [open, seller, form])

  const onFinish = async (v: Values) => {
    const draft = toDraft(v, seller?.group_id ?? null)
    try {
      const saved = seller ? await update.mutateAsync({ id: seller.id, draft }) : await create.mutateAsync(draft)
      message.success(t('common.saved'))
      onSaved?.(saved)
      onClose()
    } catch (e) {
      applyFormError(form, e, FIELDS)
    }
  }

  const num = (name: keyof SellerDraft, label: string, extra?: object) => (
    <Form.Item name={name} label={label}>
      <InputNumber min={0} style={{ width: 140 }} {...extra} />
    </Form.Item>
  )

  const opened = useOpenedOnce(open)
  if (!opened) return null
  return (
    <Modal open={open} title={seller ? t('seller.editTitle') : t('seller.new')} onCancel={onClose} footer={null} forceRender width={760}>
      <Form form={form} name="seller" layout="vertical" onFinish={onFinish}>
        <Space wrap size="large" style={{ display: 'flex' }}>
          <Form.Item name="platform" label={t('seller.platform')} required>
            <Select style={{ width: 180 }} options={PLATFORMS.map((p) => ({ value: p, label: t(`enum.platform.${p}`) }))} />
          </Form.Item>
          <Form.Item name="store_name" label={t('seller.store_name')} required>
            <Input style={{ width: 260 }} lang="zh-CN" />
          </Form.Item>
          <Form.Item name="store_name_translation" label={t('seller.store_name_translation')}>
            <Input style={{ width: 220 }} />
          </Form.Item>
        </Space>
        <Space wrap size="large" style={{ display: 'flex' }}>
          <Form.Item name="store_url" label={t('seller.store_url')}>
            <Input style={{ width: 380 }} placeholder="https://" />
          </Form.Item>
          <Form.Item name="store_id" label={t('seller.store_id')}>
            <Input style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Form.Item name="company_name" label={t('seller.company_name')}>
          <Input lang="zh-CN" />
        </Form.Item>
        <Space wrap size="large" style={{ display: 'flex' }}>
          <Form.Item name="location" label={t('seller.location')}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="phone" label={t('seller.phone')}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="wechat_id" label={t('seller.wechat_id')}>
            <Input style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Form.Item name="address" label={t('seller.address')}>
          <Input lang="zh-CN" />
        </Form.Item>
        <Space wrap size="large" style={{ display: 'flex' }}>
          {num('years_in_business', t('seller.years_in_business'))}
          {num('employee_count', t('seller.employee_count'))}
          {num('office_size_m2', t('seller.office_size_m2'), { suffix: 'm²' })}
          {num('factory_size_m2', t('seller.factory_size_m2'), { suffix: 'm²' })}
          {num('rating', t('seller.rating'), { max: 5, step: 0.1, precision: 1 })}
        </Space>
        <Form.Item name="badges" label={t('seller.badges')} extra={t('seller.badgesHint')}>
          <Select mode="tags" tokenSeparators={[',']} options={SELLER_BADGES.map((b) => ({ value: b, label: t(`badge.${b}`, { defaultValue: b }) }))} />
        </Form.Item>
        <Form.Item name="notes" label={t('seller.notes')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <FormButtons onCancel={onClose} saving={create.isPending || update.isPending} testId="seller-save" />
      </Form>
    </Modal>
  )
}
