import { EditOutlined, HistoryOutlined, UndoOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useErrors } from '../../lib/errors'
import { compareStr } from '../../lib/format'
import type { VersionedRule } from '../../lib/ipc/bindings'
import { useDeadlineRules, useResetDeadlineRule } from '../../lib/queries'
import DeadlineRuleForm from './DeadlineRuleForm'
import RuleHistoryDrawer from './RuleHistoryDrawer'
import { offsetText, platformsText } from './ruleText'
import { EditButton } from '../../lib/access'

/** The rules that turn events (filing, a counter-notice, an expiry) into deadlines. */
export default function DeadlineRulesCard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { notifyError } = useErrors()
  const rules = useDeadlineRules()
  const reset = useResetDeadlineRule()
  const [editing, setEditing] = useState<VersionedRule | null>(null)
  const [historyOf, setHistoryOf] = useState<string | null>(null)

  const columns: TableColumnsType<VersionedRule> = [
    {
      title: t('rules.due'),
      dataIndex: 'due',
      sorter: (a, b) => compareStr(a.due, b.due),
      render: (_, r) => (
        <div>
          <div>{r.due}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.key}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('rules.trigger'), dataIndex: 'trigger', render: (x: VersionedRule['trigger']) => t(`enum.trigger.${x}`) },
    {
      title: t('rules.platforms'),
      key: 'platforms',
      render: (_, r) => (
        <div>
          <div>{platformsText(t, r)}</div>
          {(r.right_kinds.length > 0 || r.rounds.length > 0) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`rule-scope-${r.key}`}>
              {[
                r.right_kinds.map((k) => t(`enum.rightKind.${k}`)).join(t('common.listSeparator')),
                r.rounds.length > 0 ? t('rules.roundsList', { list: r.rounds.join(t('common.listSeparator')) }) : '',
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { title: t('rules.offset'), key: 'offset', render: (_, r) => offsetText(t, r) },
    { title: t('rules.calendar'), dataIndex: 'calendar', render: (c: VersionedRule['calendar']) => t(`enum.calendar.${c}`) },
    { title: t('rules.timeZone'), dataIndex: 'time_zone' },
    {
      title: t('rules.enabled'),
      dataIndex: 'enabled',
      render: (e: boolean) => (e ? <Tag color="green">{t('rules.on')}</Tag> : <Tag>{t('rules.off')}</Tag>),
    },
    { title: t('rules.version'), dataIndex: 'version', width: 80 },
    {
      title: t('rules.origin'),
      key: 'origin',
      render: (_, r) => (r.is_default ? <Tag>{t('rules.default')}</Tag> : <Tag color="blue">{t('rules.edited')}</Tag>),
    },
    {
      title: t('rules.source'),
      dataIndex: 'source',
      ellipsis: { showTitle: true },
      width: 220,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, r) => (
        <Space size={4}>
          <EditButton size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} aria-label={t('common.edit')} data-testid={`rule-edit-${r.key}`} />
          <Button size="small" icon={<HistoryOutlined />} onClick={() => setHistoryOf(r.key)} aria-label={t('rules.history')} data-testid={`rule-history-${r.key}`} />
          {!r.is_default && (
            <Popconfirm
              title={t('rules.resetConfirm')}
              description={t('rules.resetHint')}
              onConfirm={() =>
                reset.mutateAsync(r.key).then(
                  () => message.success(t('rules.resetDone')),
                  (e: unknown) => notifyError(e),
                )
              }
            >
              <Button size="small" icon={<UndoOutlined />} aria-label={t('rules.reset')} data-testid={`rule-reset-${r.key}`}>
                {t('rules.reset')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ]

  return (
    <Card title={t('rules.title')} data-testid="rules-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={t('rules.defaultsNote')} data-testid="rules-defaults-note" />
        <Table<VersionedRule>
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={rules.data ?? []}
          loading={rules.isLoading}
          pagination={false}
          scroll={{ x: 1300 }}
          data-testid="rules-table"
        />
      </Space>
      <DeadlineRuleForm rule={editing} onClose={() => setEditing(null)} />
      <RuleHistoryDrawer ruleKey={historyOf} onClose={() => setHistoryOf(null)} />
    </Card>
  )
}
