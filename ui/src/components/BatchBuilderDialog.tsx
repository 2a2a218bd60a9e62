import { Alert, App, AutoComplete, Button, Form, Input, Modal, Select, Space, Switch, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useErrors } from '../lib/errors'
import { COMPLAINT_REASONS, MAX_EXPLANATION_CHARS, PLATFORMS, programmeOf } from '../lib/enums'
import type { BatchRequest, BatchResult, ComplaintReason, Platform } from '../lib/ipc/bindings'
import { useBuildBatch, useMaxListings, useRights } from '../lib/queries'
import AccountSelect from './AccountSelect'
import BatchResultView from './BatchResultView'
import RightSelect from './RightSelect'
import { useOpenedOnce } from '../lib/useOpenedOnce'
import { EditButton } from '../lib/access'

const FIELDS = ['account_id', 'right_id', 'platform', 'reason', 'assignee', 'explanation_en', 'explanation_zh', 'paste', 'listing_ids'] as const

interface Values {
  account_id?: string
  right_id?: string
  platform?: Platform
  reason?: ComplaintReason
  assignee?: string
  explanation_en?: string
  explanation_zh?: string
  paste?: string
  by_storefront?: boolean
}

interface Props {
  open: boolean
  onClose: () => void
  /** Listings already on file to include (selected in a table). */
  listingIds?: string[]
  platform?: Platform
  assignees?: string[]
}

/** N listings on one right and platform → ⌈N / limit⌉ draft complaints in one go. */
export default function BatchBuilderDialog({ open, onClose, listingIds = [], platform, assignees = [] }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const { message } = App.useApp()
  const { applyFormError } = useErrors()
  const build = useBuildBatch()
  const rights = useRights()
  const [result, setResult] = useState<BatchResult | null>(null)
  const chosenPlatform = Form.useWatch('platform', form) ?? platform ?? 'taobao'
  const rightId = Form.useWatch('right_id', form)
  const limit = useMaxListings(programmeOf(chosenPlatform))
  const registrant = rights.data?.find((r) => r.id === rightId)?.registrant_id

  const close = () => {
    setResult(null)
    onClose()
  }

  useEffect(() => {
    if (!open) return
    form.resetFields()
    form.setFieldsValue({ platform: platform ?? 'taobao', reason: 'counterfeit', by_storefront: false, paste: '' })
  }, [open, platform, form])

  const onFinish = async (v: Values) => {
    const request: BatchRequest = {
      account_id: v.account_id ?? '',
      right_id: v.right_id ?? '',
      platform: v.platform ?? 'taobao',
      reason: v.reason ?? 'counterfeit',
      assignee: (v.assignee ?? '').trim(),
      explanation_en: (v.explanation_en ?? '').trim(),
      explanation_zh: (v.explanation_zh ?? '').trim(),
      listing_ids: listingIds,
      paste: v.paste ?? '',
      by_storefront: v.by_storefront ?? false,
    }
    if (!request.paste.trim() && listingIds.length === 0) {
      form.setFields([{ name: 'paste', errors: [t('batch.nothing')] }])
      return
    }
    try {
      const r = await build.mutateAsync(request)
      setResult(r)
      message.success(t('batch.created', { count: r.complaints.length }))
    } catch (e) {
      applyFormError(form, e, FIELDS)
    }
  }

  const opened = useOpenedOnce(open)
  if (!opened) return null
  return (
    <Modal
      open={open}
      title={t('batch.title')}
      onCancel={close}
      width={820}
      forceRender
      mask={{ closable: false }}
      footer={
        result ? (
          <Space>
            <Button onClick={() => setResult(null)}>{t('batch.again')}</Button>
            <Button type="primary" onClick={close}>
              {t('common.close')}
            </Button>
          </Space>
        ) : null
      }
    >
      {result && <BatchResultView result={result} onNavigate={close} />}
      {/* Hidden, not unmounted, while the result shows: "Build another" starts from the same choices. */}
      <div style={{ display: result ? 'none' : undefined }}>
        <Form form={form} name="batch" layout="vertical" onFinish={onFinish}>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('batch.intro', { limit: limit.data ?? '…' })} />
          <Form.Item name="right_id" label={t('complaint.right')} required>
            <RightSelect />
          </Form.Item>
          <Space wrap size="large" style={{ display: 'flex' }}>
            <Form.Item name="platform" label={t('complaint.platform')} required>
              <Select style={{ width: 200 }} options={PLATFORMS.map((p) => ({ value: p, label: t(`enum.platform.${p}`) }))} />
            </Form.Item>
            <Form.Item name="reason" label={t('complaint.reason')}>
              <Select style={{ width: 280 }} options={COMPLAINT_REASONS.map((r) => ({ value: r, label: t(`enum.complaintReason.${r}`) }))} />
            </Form.Item>
          </Space>
          <Form.Item name="account_id" label={t('complaint.account')} required>
            <AccountSelect preferHolderId={registrant} />
          </Form.Item>
          <Form.Item name="assignee" label={t('complaint.assignee')}>
            <AutoComplete style={{ width: 220 }} options={assignees.map((a) => ({ value: a }))} showSearch={{ filterOption: true }} />
          </Form.Item>
          <Form.Item name="explanation_zh" label={t('complaint.explanation_zh')}>
            <Input.TextArea rows={2} showCount maxLength={MAX_EXPLANATION_CHARS} lang="zh-CN" />
          </Form.Item>
          <Form.Item name="explanation_en" label={t('complaint.explanation_en')}>
            <Input.TextArea rows={2} showCount maxLength={MAX_EXPLANATION_CHARS} />
          </Form.Item>
          {listingIds.length > 0 && (
            <Typography.Paragraph>{t('batch.selected', { count: listingIds.length })}</Typography.Paragraph>
          )}
          <Form.Item name="paste" label={t('batch.paste')} extra={t('import.pasteHint')}>
            <Input.TextArea rows={6} data-testid="batch-paste" style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }} />
          </Form.Item>
          <Form.Item name="by_storefront" label={t('batch.byStorefront')} extra={t('batch.byStorefrontHint')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <EditButton type="primary" htmlType="submit" loading={build.isPending} data-testid="batch-build">
              {t('batch.build')}
            </EditButton>
          </Space>
        </Form>
      </div>
    </Modal>
  )
}
