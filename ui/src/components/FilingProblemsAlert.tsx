import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import { isEditableStatus } from '../lib/enums'
import type { ComplaintDetail } from '../lib/ipc/bindings'

/** Before filing: every reason IPP would refuse this complaint today, or that it is ready. */
export default function FilingProblemsAlert({ detail }: { detail: ComplaintDetail }) {
  const { t } = useTranslation()
  if (!isEditableStatus(detail.row.status)) return null
  const problems = detail.filing_problems.filter((p) => p.code !== 'not_editable')
  if (problems.length === 0) {
    return <Alert type="success" showIcon title={t('complaint.canFile')} data-testid="filing-ok" />
  }
  return (
    <Alert
      type="warning"
      showIcon
      title={t('complaint.cannotFile', { count: problems.length })}
      data-testid="filing-problems"
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {problems.map((p) => (
            <li key={p.code + p.message}>{p.message}</li>
          ))}
        </ul>
      }
    />
  )
}
