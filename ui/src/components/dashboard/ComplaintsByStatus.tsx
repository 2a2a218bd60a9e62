import { Space, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { count } from '../../lib/format'
import type { StatusCount } from '../../lib/ipc/bindings'

const COLOR = { draft: 'default', ready: 'blue', filed: 'purple', closed: 'green' } as const

/** One tag per complaint status with its count; a tag opens the complaints list filtered to it. */
export default function ComplaintsByStatus({ counts }: { counts: StatusCount[] }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <Space wrap data-testid="dashboard-status">
      {counts.map((c) => (
        <Tag
          key={c.status}
          color={COLOR[c.status]}
          style={{ cursor: 'pointer', fontSize: 14, padding: '4px 10px' }}
          onClick={() => navigate(`/complaints?status=${c.status}`)}
        >
          {`${t(`enum.complaintStatus.${c.status}`)}: ${count(c.count)}`}
        </Tag>
      ))}
    </Space>
  )
}
