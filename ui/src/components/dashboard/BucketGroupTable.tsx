import { Table } from 'antd'
import type { TableColumnsType } from 'antd'
import type { HTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'
import { count } from '../../lib/format'
import type { BucketCounts, BucketGroup } from '../../lib/ipc/bindings'

interface Props {
  kind: 'assignee' | 'platform'
  groups: BucketGroup[]
  /** The group the list below is filtered to, if any. */
  selected: string | null
  onSelect: (key: string | null) => void
}

/** Deadline counts per assignee or per platform; click a row to filter the list. */
export default function BucketGroupTable({ kind, groups, selected, onSelect }: Props) {
  const { t } = useTranslation()
  const label = (key: string) => {
    if (kind === 'assignee') return key || t('dashboard.unassigned')
    return key ? t(`enum.platform.${key}`, { defaultValue: key }) : t('dashboard.noPlatform')
  }
  const num = (field: keyof BucketCounts) => ({
    key: field,
    width: 90,
    align: 'right' as const,
    sorter: (a: BucketGroup, b: BucketGroup) => count(a.counts[field]) - count(b.counts[field]),
    render: (_: unknown, g: BucketGroup) => count(g.counts[field]),
  })
  const columns: TableColumnsType<BucketGroup> = [
    { title: t(kind === 'assignee' ? 'complaint.assignee' : 'complaint.platform'), key: 'key', render: (_, g) => label(g.key) },
    { title: t('dashboard.bucket.overdue'), ...num('overdue') },
    { title: t('dashboard.bucket.today'), ...num('due_today') },
    { title: t('dashboard.bucket.week'), ...num('due_this_week') },
    { title: t('dashboard.bucket.open'), ...num('open') },
  ]
  return (
    <Table<BucketGroup>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={groups}
      pagination={false}
      rowClassName={(g) => (g.key === selected ? 'ant-table-row-selected' : '')}
      onRow={(g) =>
        ({
          onClick: () => onSelect(g.key === selected ? null : g.key),
          style: { cursor: 'pointer' },
          'data-testid': `dashboard-${kind}-${g.key}`,
        }) as HTMLAttributes<HTMLElement>
      }
      locale={{ emptyText: t('dashboard.noGroups') }}
    />
  )
}
