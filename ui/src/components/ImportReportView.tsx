import { Empty, Flex, Segmented, Statistic, Table, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { memo, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { totalWidth } from '../lib/format'
import type { ImportReport, LineReport } from '../lib/ipc/bindings'
import { LineStatusTag } from './Tags'

type StatusFilter = 'all' | LineReport['status']

/** What will happen to one line: its canonical URL, the earlier line, the complaints holding it, or why it is refused. */
function LineDetail({ line, onNavigate }: { line: LineReport; onNavigate?: () => void }) {
  const { t } = useTranslation()
  switch (line.status) {
    case 'accepted':
      return (
        <Typography.Text copyable={{ text: line.canonical }} ellipsis={{ tooltip: line.canonical }}>
          {`${t(`enum.platform.${line.platform}`)} · ${line.canonical}`}
        </Typography.Text>
      )
    case 'duplicate_in_batch':
      return <span>{t('import.sameAsLine', { line: line.first_line })}</span>
    case 'already_known':
      if (line.complaints.length === 0) return <span>{t('import.knownNoComplaint')}</span>
      return (
        <span>
          {t('import.alreadyIn')}{' '}
          {line.complaints.map((c, i) => (
            <span key={c.id}>
              {i > 0 && ', '}
              <Link to={`/complaints/${c.id}`} onClick={onNavigate}>
                {c.label}
              </Link>
            </span>
          ))}
        </span>
      )
    case 'invalid':
      return <Typography.Text type="danger">{line.reason}</Typography.Text>
  }
}

interface Props {
  report: ImportReport
  /** Table body height (virtualized: a file can have tens of thousands of lines). */
  height?: number
  /** Called before following a link out of the dialog. */
  onNavigate?: () => void
}

/**
 * Memoized: the dialog re-renders on every progress message of an import, and
 * a table over 100k lines must not be rebuilt each time (it kept the window
 * from answering clicks).
 */
export default memo(function ImportReportView({ report, height = 320, onNavigate }: Props) {
  const { t } = useTranslation()
  const [filter, setFilter] = useState<StatusFilter>('all')
  const lines = useMemo(
    () => (filter === 'all' ? report.lines : report.lines.filter((l) => l.status === filter)),
    [report.lines, filter],
  )
  const c = report.counts
  const columns: TableColumnsType<LineReport> = useMemo(
    () => [
      { title: t('import.line'), dataIndex: 'line', width: 70 },
      {
        title: t('import.input'),
        dataIndex: 'input',
        width: 320,
        ellipsis: true,
      },
      { title: t('import.statusCol'), dataIndex: 'status', width: 140, render: (s: LineReport['status']) => <LineStatusTag status={s} /> },
      { title: t('import.detail'), key: 'detail', width: 420, render: (_, l) => <LineDetail line={l} onNavigate={onNavigate} /> },
    ],
    [t, onNavigate],
  )
  return (
    <Flex vertical gap={12}>
      <Flex gap={32} wrap data-testid="import-summary">
        <Statistic title={t('import.status.accepted')} value={c.accepted} styles={{ content: { color: '#389e0d' } }} />
        <Statistic title={t('import.status.duplicate_in_batch')} value={c.duplicate} />
        <Statistic title={t('import.status.already_known')} value={c.known} styles={{ content: { color: '#1677ff' } }} />
        <Statistic title={t('import.status.invalid')} value={c.invalid} styles={{ content: { color: c.invalid ? '#cf1322' : undefined } }} />
      </Flex>
      <Segmented<StatusFilter>
        value={filter}
        onChange={setFilter}
        options={[
          { value: 'all', label: `${t('import.all')} (${report.lines.length})` },
          { value: 'accepted', label: `${t('import.status.accepted')} (${c.accepted})` },
          { value: 'duplicate_in_batch', label: `${t('import.status.duplicate_in_batch')} (${c.duplicate})` },
          { value: 'already_known', label: `${t('import.status.already_known')} (${c.known})` },
          { value: 'invalid', label: `${t('import.status.invalid')} (${c.invalid})` },
        ]}
      />
      <Table<LineReport>
        rowKey="line"
        size="small"
        virtual
        scroll={{ x: totalWidth(columns), y: height }}
        columns={columns}
        dataSource={lines}
        pagination={false}
        data-testid="import-lines"
        locale={{ emptyText: <Empty description={t('import.noLines')} /> }}
      />
    </Flex>
  )
})
