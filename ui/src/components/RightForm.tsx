import { App, Button, DatePicker, Form, Input, Modal, Radio, Select, Space } from 'antd'
import type { Dayjs } from 'dayjs'
import { useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useErrors } from '../lib/errors'
import { MARK_TYPES, NICE_CLASSES, NUMBERED_RIGHT_KINDS, RIGHT_KINDS } from '../lib/enums'
import { fromIsoDate, toIsoDate } from '../lib/format'
import type { IpRight, MarkType, RightDraft, RightKind } from '../lib/ipc/bindings'
import { useCreateRight, useHolders, useUpdateRight } from '../lib/queries'
import { useOpenedOnce } from '../lib/useOpenedOnce'

const FIELDS = [
  'kind',
  'title',
  'mark_type',
  'registration_number',
  'jurisdiction',
  'designations',
  'registrant_id',
  'nice_classes',
  'filing_date',
  'registration_date',
  'expiry_date',
  'notes',
] as const

interface Values {
  kind: RightKind
  title?: string
  mark_type?: MarkType | null
  registration_number?: string
  jurisdiction?: string
  designations?: string[]
  registrant_id?: string
  nice_classes?: (number | string)[]
  filing_date?: Dayjs | null
  registration_date?: Dayjs | null
  expiry_date?: Dayjs | null
  notes?: string
}

const isMulti = (j: string | undefined) => {
  const v = (j ?? '').trim().toUpperCase()
  return v === 'WIPO' || v === 'EU'
}

function toDraft(v: Values): RightDraft {
  const trademark = v.kind === 'trademark'
  const jurisdiction = (v.jurisdiction ?? '').trim().toUpperCase()
  return {
    kind: v.kind,
    title: (v.title ?? '').trim(),
    mark_type: trademark ? (v.mark_type ?? 'word') : null,
    registration_number: (v.registration_number ?? '').trim(),
    jurisdiction,
    designations: isMulti(jurisdiction)
      ? (v.designations ?? []).map((d) => d.trim().toUpperCase()).filter((d) => d !== '')
      : [],
    registrant_id: v.registrant_id ?? '',
    nice_classes: trademark
      ? [...new Set((v.nice_classes ?? []).map((n) => Number(n)).filter((n) => Number.isInteger(n)))].sort(
          (a, b) => a - b,
        )
      : [],
    filing_date: toIsoDate(v.filing_date),
    registration_date: toIsoDate(v.registration_date),
    expiry_date: toIsoDate(v.expiry_date),
    notes: (v.notes ?? '').trim(),
  }
}

interface Props {
  open: boolean
  right?: IpRight | null
  /** Registrant preselected for a new right (opened from a holder). */
  registrantId?: string
  onClose: () => void
  onSaved?: (r: IpRight) => void
}

export default function RightForm({ open, right, registrantId, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const { message } = App.useApp()
  const { applyFormError } = useErrors()
  const holders = useHolders()
  const create = useCreateRight()
  const update = useUpdateRight()
  const kind = Form.useWatch('kind', form)
  const jurisdiction = Form.useWatch('jurisdiction', form)

  // The version the form was opened on: a save over a newer one is refused
  // (code `stale`), and what is typed is never reset by a refetch while open.
  const openedOn = useRef<string | undefined>(undefined)
  useEffect(() => {
    if (!open) return
    openedOn.current = right?.updated_at
    form.resetFields()
    if (right) {
      form.setFieldsValue({
        kind: right.kind,
        title: right.title,
        mark_type: right.mark_type ?? 'word',
        registration_number: right.registration_number,
        jurisdiction: right.jurisdiction,
        designations: right.designations,
        registrant_id: right.registrant_id,
        nice_classes: right.nice_classes,
        filing_date: fromIsoDate(right.filing_date),
        registration_date: fromIsoDate(right.registration_date),
        expiry_date: fromIsoDate(right.expiry_date),
        notes: right.notes,
      })
    } else {
      form.setFieldsValue({ kind: 'trademark', mark_type: 'word', registrant_id: registrantId })
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when opened or another record is edited
  }, [open, right?.id, registrantId, form])

  const holderOptions = useMemo(
    () =>
      (holders.data ?? []).map((h) => ({
        value: h.id,
        label: h.latin_name && h.latin_name !== h.legal_name ? `${h.legal_name} (${h.latin_name})` : h.legal_name,
      })),
    [holders.data],
  )

  const onFinish = async (values: Values) => {
    const draft = toDraft(values)
    try {
      const saved = right
        ? await update.mutateAsync({ id: right.id, draft, base: openedOn.current })
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
      title={right ? t('right.editTitle') : t('right.new')}
      onCancel={onClose}
      footer={null}
      forceRender
      width={680}
    >
      <Form form={form} name="right" layout="vertical" onFinish={onFinish} initialValues={{ kind: 'trademark', mark_type: 'word' }}>
        <Form.Item name="kind" label={t('right.kind')}>
          <Select options={RIGHT_KINDS.map((k) => ({ value: k, label: t(`enum.rightKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('right.title')} required>
          <Input />
        </Form.Item>
        {kind === 'trademark' && (
          <Form.Item name="mark_type" label={t('right.mark_type')}>
            <Radio.Group options={MARK_TYPES.map((m) => ({ value: m, label: t(`enum.markType.${m}`) }))} />
          </Form.Item>
        )}
        <Form.Item
          name="registration_number"
          label={t('right.registration_number')}
          required={NUMBERED_RIGHT_KINDS.includes(kind ?? 'trademark')}
          extra={NUMBERED_RIGHT_KINDS.includes(kind ?? 'trademark') ? undefined : t('right.unregisteredHint')}
        >
          <Input />
        </Form.Item>
        <Form.Item name="jurisdiction" label={t('right.jurisdiction')} extra={t('right.jurisdictionHint')} required>
          <Input
            maxLength={4}
            style={{ width: 140 }}
            onBlur={(e) => form.setFieldValue('jurisdiction', e.target.value.trim().toUpperCase())}
          />
        </Form.Item>
        {isMulti(jurisdiction) && (
          <Form.Item name="designations" label={t('right.designations')}>
            <Select mode="tags" tokenSeparators={[',', ' ']} open={false} suffixIcon={null} />
          </Form.Item>
        )}
        <Form.Item name="registrant_id" label={t('right.registrant_id')} required>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={holderOptions}
            loading={holders.isLoading}
          />
        </Form.Item>
        {kind === 'trademark' && (
          <Form.Item name="nice_classes" label={t('right.nice_classes')}>
            <Select
              mode="multiple"
              tokenSeparators={[',', ' ']}
              options={NICE_CLASSES.map((n) => ({ value: n, label: String(n) }))}
              data-testid="right-nice"
            />
          </Form.Item>
        )}
        <Space wrap size="large">
          <Form.Item name="filing_date" label={t('right.filing_date')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="registration_date" label={t('right.registration_date')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="expiry_date" label={t('right.expiry_date')}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="notes" label={t('right.notes')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            htmlType="submit"
            loading={create.isPending || update.isPending}
            data-testid="right-save"
          >
            {t('common.save')}
          </Button>
        </Space>
      </Form>
    </Modal>
  )
}
