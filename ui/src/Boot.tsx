import { Button, Result, Spin, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import AppLayout from './layout/AppLayout'
import { errorDetail, errorTitle } from './lib/errors'
import { isDeskError } from './lib/ipc/backend'
import { useAppInfo } from './lib/queries'

/** Opens the app only when the backend has its database; otherwise a full-page error. */
export default function Boot() {
  const { t } = useTranslation()
  const info = useAppInfo()
  if (info.isLoading) {
    return (
      <div style={{ display: 'flex', height: '100vh', alignItems: 'center', justifyContent: 'center' }}>
        <Spin size="large" description={t('app.loading')} />
      </div>
    )
  }
  if (info.isError) {
    return (
      <Result
        status="error"
        title={t('app.dbErrorTitle')}
        subTitle={
          <>
            <Typography.Paragraph strong>{errorTitle(t, info.error)}</Typography.Paragraph>
            <Typography.Paragraph>{errorDetail(info.error)}</Typography.Paragraph>
            {isDeskError(info.error) && <Typography.Paragraph type="secondary">{t('app.dbErrorHint')}</Typography.Paragraph>}
          </>
        }
        extra={<Button onClick={() => void info.refetch()}>{t('common.retry')}</Button>}
      />
    )
  }
  return <AppLayout />
}
