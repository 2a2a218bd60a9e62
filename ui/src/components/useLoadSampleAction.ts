import { App } from 'antd'
import { useTranslation } from 'react-i18next'
import { useErrors } from '../lib/errors'
import { useLoadSample } from '../lib/queries'

/** "Load sample data" with success and error feedback. */
export function useLoadSampleAction() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { notifyError } = useErrors()
  const m = useLoadSample()
  const loadSample = () => {
    m.mutateAsync(undefined).then(
      (s) => message.success(t('settings.sampleLoaded', { ...s })),
      (e: unknown) => notifyError(e),
    )
  }
  return { loadSample, loading: m.isPending }
}
