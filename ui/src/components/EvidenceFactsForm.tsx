import { DatePicker, Form, Input } from 'antd'
import type { FormInstance } from 'antd'
import type { Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'

export interface EvidenceFactsValues {
  captured_at?: Dayjs | null
  captured_by?: string
  source_url?: string
  notes?: string
}

/** When, by whom and from where the next files were captured; applied to every file attached next. */
export default function EvidenceFactsForm({ form, name }: { form: FormInstance<EvidenceFactsValues>; name: string }) {
  const { t } = useTranslation()
  return (
    <Form form={form} name={name} layout="inline" style={{ rowGap: 8 }}>
      <Form.Item name="captured_at" label={t('evidence.captured_at')}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Form.Item name="captured_by" label={t('evidence.captured_by')}>
        <Input style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="source_url" label={t('evidence.source_url')}>
        <Input style={{ width: 280 }} placeholder="https://" />
      </Form.Item>
      <Form.Item name="notes" label={t('evidence.notes')}>
        <Input style={{ width: 200 }} />
      </Form.Item>
    </Form>
  )
}
