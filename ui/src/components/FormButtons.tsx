import { Button, Space } from 'antd'
import { useTranslation } from 'react-i18next'

/** Cancel + submit row at the bottom of a modal form (Enter submits the form). */
export default function FormButtons({
  onCancel,
  saving,
  testId,
}: {
  onCancel: () => void
  saving: boolean
  testId?: string
}) {
  const { t } = useTranslation()
  return (
    <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
      <Button onClick={onCancel}>{t('common.cancel')}</Button>
      <Button type="primary" htmlType="submit" loading={saving} data-testid={testId}>
        {t('common.save')}
      </Button>
    </Space>
  )
}
