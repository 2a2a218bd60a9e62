import { Drawer, Empty, Spin, Table, Tag } from 'antd'
import type { TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { localTime } from '../../lib/format'
import type { VersionedRule } from '../../lib/ipc/bindings'
import { useDeadlineRuleHistory } from '../../lib/queries'
import { offsetText, platformsText } from './ruleText'

/** Every version of one rule, newest first: what changed, and when. */
export default function RuleHistoryDrawer({ ruleKey, onClose }: { ruleKey: string | null; onClose: () => void }) {
  const { t } = useTranslation()
  const history = useDeadlineRuleHistory(ruleKey)
  const columns: TableColumnsType<VersionedRule> = [
    { title: t('rules.version'), dataIndex: 'version', width: 80 },
    { title: t('rules.changedAt'), dataIndex: 'changed_at', render: localTime },
    { title: t('rules.due'), dataIndex: 'due' },
    { title: t('rules.offset'), key: 'offset', render: (_, r) => offsetText(t, r) },
    { title: t('rules.calendar'), dataIndex: 'calendar', render: (c: VersionedRule['calendar']) => t(`enum.calendar.${c}`) },
    { title: t('rules.timeZone'), dataIndex: 'time_zone' },
    { title: t('rules.platforms'), key: 'platforms', render: (_, r) => platformsText(t, r) },
    { title: t('rules.enabled'), dataIndex: 'enabled', render: (e: boolean) => (e ? t('common.yes') : t('common.no')) },
    { title: t('rules.origin'), key: 'origin', render: (_, r) => (r.is_default ? <Tag>{t('rules.default')}</Tag> : <Tag color="blue">{t('rules.edited')}</Tag>) },
  ]
  const rows = [...(history.data ?? [])].sort((a, b) => b.version - a.version)
  return (
    <Drawer open={ruleKey !== null} onClose={onClose} title={t('rules.historyTitle', { key: ruleKey ?? '' })} size="large">
      {history.isLoading ? (
        <Spin />
      ) : (
        <Table<VersionedRule>
          rowKey="version"
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={false}
          data-testid="rule-history"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        />
      )}
    </Drawer>
  )
}
