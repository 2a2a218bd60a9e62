import { Button, Progress, Space, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useBackgroundJobs } from '../lib/backgroundJobs'
import { cancelJob } from '../lib/ipc/backend'

/** The header's view of work running in the background, each with Stop. */
export default function BackgroundJobs() {
  const { t } = useTranslation()
  const jobs = useBackgroundJobs()
  if (jobs.length === 0) return null
  return (
    <Space data-testid="background-jobs">
      {jobs.map((j) => (
        <Space key={j.id} size="small" data-testid="background-job">
          <Typography.Text type="secondary">{j.label}</Typography.Text>
          <Tooltip title={t(`import.stage.${j.stage}`, { defaultValue: j.stage })}>
            <Progress
              style={{ width: 120, margin: 0 }}
              size="small"
              percent={j.total > 0 ? Math.round((j.done / j.total) * 100) : 0}
              status="active"
            />
          </Tooltip>
          <Button size="small" onClick={() => void cancelJob(j.id)}>
            {t('import.stop')}
          </Button>
        </Space>
      ))}
    </Space>
  )
}
