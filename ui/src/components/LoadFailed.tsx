import { Alert, Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { errorDetail, errorTitle } from '../lib/errors'

/** A detail page whose record could not be loaded: the error, and the way back to its list. */
export default function LoadFailed({ error, backTo, backLabel }: { error: unknown; backTo: string; backLabel: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <Alert
      type="error"
      showIcon
      title={errorTitle(t, error)}
      description={errorDetail(error)}
      action={<Button onClick={() => navigate(backTo)}>{backLabel}</Button>}
    />
  )
}
