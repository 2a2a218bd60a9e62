import { CalendarOutlined, DownloadOutlined } from '@ant-design/icons'
import { App, Button, Card, DatePicker, Dropdown, Empty, Progress, Select, Space, Table, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import dayjs from 'dayjs'
import type { Dayjs } from 'dayjs'
import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ENFORCEMENT_DIMS, GOOD_FAITH_TAKEDOWN_MIN } from '../../lib/enums'
import { useErrors } from '../../lib/errors'
import { chooseSavePathFor } from '../../lib/fileDialogs'
import { compareStr, count, percent, toIsoDate } from '../../lib/format'
import type { EnforcementDim, EnforcementQuery, EnforcementRow, ReportFormat } from '../../lib/ipc/bindings'
import { useEnforcementReport, useExportIcs, useExportReport } from '../../lib/queries'
import { LEVEL_COLOR } from './goodFaith'
import { GoodFaithTag } from './GoodFaithPanel'

function rowLabel(t: TFunction, r: EnforcementRow): string {
  const parts = [
    r.account_label,
    r.platform ? t(`enum.platform.${r.platform}`) : null,
    r.reason ? t(`enum.complaintReason.${r.reason}`) : null,
  ].filter((x): x is string => !!x)
  return parts.length > 0 ? parts.join(' · ') : t('enforcement.total')
}

const rowKey = (r: EnforcementRow) => `${r.account_id ?? ''}|${r.platform ?? ''}|${r.reason ?? ''}`
const byRate = (a: number | null, b: number | null) => (a ?? -1) - (b ?? -1)

/** Takedown success per row as plain bars, coloured by the good-faith level. */
function TakedownBars({ rows }: { rows: EnforcementRow[] }) {
  const { t } = useTranslation()
  return (
    <div data-testid="enforcement-chart">
      <Typography.Text strong>{t('enforcement.chartTitle', { line: GOOD_FAITH_TAKEDOWN_MIN })}</Typography.Text>
      {rows.map((r) => (
        <div key={rowKey(r)} style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
          <Typography.Text ellipsis style={{ width: 220, flex: 'none' }} title={rowLabel(t, r)}>
            {rowLabel(t, r)}
          </Typography.Text>
          <Progress
            style={{ flex: 1, margin: 0 }}
            percent={r.figures.takedown_rate ?? 0}
            format={() => percent(r.figures.takedown_rate)}
            strokeColor={LEVEL_COLOR[r.good_faith.takedown_level]}
          />
        </div>
      ))}
    </div>
  )
}

/** Enforcement figures for a period, grouped by account, platform or reason, with report and calendar exports. */
export default function EnforcementCard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { notifyError } = useErrors()
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(3, 'month'), dayjs()])
  const [dim, setDim] = useState<EnforcementDim>('account')
  const query: EnforcementQuery = { from: toIsoDate(range[0]) ?? '', to: toIsoDate(range[1]) ?? '', group_by: [dim] }
  const report = useEnforcementReport(query)
  const exportReport = useExportReport()
  const exportIcs = useExportIcs()
  const rows = report.data?.rows ?? []

  const saveReport = async (format: ReportFormat) => {
    try {
      const path = await chooseSavePathFor(t('enforcement.exportReport'), `enforcement_${query.from}_${query.to}`, format)
      if (!path) return
      await exportReport.mutateAsync({ path, format, query })
      message.success(t('complaint.exported', { path }))
    } catch (e) {
      notifyError(e)
    }
  }
  const saveIcs = async () => {
    try {
      const path = await chooseSavePathFor(t('enforcement.exportIcs'), 'ipp-desk-deadlines', 'ics')
      if (!path) return
      await exportIcs.mutateAsync(path)
      message.success(t('complaint.exported', { path }))
    } catch (e) {
      notifyError(e)
    }
  }

  const columns: TableColumnsType<EnforcementRow> = [
    { title: t(`enforcement.dim.${dim}`), key: 'label', render: (_, r) => rowLabel(t, r), sorter: (a, b) => compareStr(rowLabel(t, a), rowLabel(t, b)) },
    { title: t('enforcement.complaints'), key: 'complaints', align: 'right', render: (_, r) => count(r.figures.complaints) },
    {
      title: t('enforcement.takedownRate'),
      key: 'takedown',
      align: 'right',
      sorter: (a, b) => byRate(a.figures.takedown_rate, b.figures.takedown_rate),
      render: (_, r) => percent(r.figures.takedown_rate),
    },
    {
      title: t('enforcement.counterSuccess'),
      key: 'counter',
      align: 'right',
      sorter: (a, b) => byRate(a.figures.counter_success_rate, b.figures.counter_success_rate),
      render: (_, r) => percent(r.figures.counter_success_rate),
    },
    {
      title: t('enforcement.successfulCounter'),
      key: 'successful',
      align: 'right',
      sorter: (a, b) => byRate(a.figures.successful_counter_rate, b.figures.successful_counter_rate),
      render: (_, r) => percent(r.figures.successful_counter_rate),
    },
    {
      title: t('enforcement.medianDays'),
      key: 'median',
      align: 'right',
      sorter: (a, b) => byRate(a.figures.median_days_to_takedown, b.figures.median_days_to_takedown),
      render: (_, r) => r.figures.median_days_to_takedown ?? t('common.none'),
    },
    { title: t('enforcement.reinstated'), key: 'reinstated', align: 'right', render: (_, r) => count(r.figures.reinstated) },
    { title: t('goodFaith.short'), key: 'gf', render: (_, r) => <GoodFaithTag level={r.good_faith.level} /> },
  ]

  return (
    <Card
      title={t('enforcement.title')}
      data-testid="enforcement-card"
      extra={
        <Space wrap>
          <Dropdown
            menu={{
              items: (['csv', 'xlsx', 'pdf'] as const).map((f) => ({ key: f, label: t(`enforcement.exportAs.${f}`) })),
              onClick: ({ key }) => void saveReport(key as ReportFormat),
            }}
          >
            <Button icon={<DownloadOutlined />} loading={exportReport.isPending} data-testid="export-report">
              {t('enforcement.exportReport')}
            </Button>
          </Dropdown>
          <Button icon={<CalendarOutlined />} onClick={() => void saveIcs()} loading={exportIcs.isPending} data-testid="export-ics">
            {t('enforcement.exportIcs')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <span>{t('enforcement.period')}</span>
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(v) => {
              if (v?.[0] && v[1]) setRange([v[0], v[1]])
            }}
          />
          <span>{t('enforcement.groupBy')}</span>
          <Select<EnforcementDim>
            value={dim}
            onChange={setDim}
            style={{ width: 180 }}
            options={ENFORCEMENT_DIMS.map((d) => ({ value: d, label: t(`enforcement.dim.${d}`) }))}
            aria-label={t('enforcement.groupBy')}
            data-testid="enforcement-group-by"
          />
        </Space>
        <Table<EnforcementRow>
          rowKey={rowKey}
          size="small"
          columns={columns}
          dataSource={rows}
          loading={report.isLoading}
          pagination={false}
          data-testid="enforcement-table"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enforcement.empty')} /> }}
        />
        {report.data && (
          <Typography.Text type="secondary">
            {t('enforcement.totals', {
              complaints: count(report.data.total.complaints),
              takedown: percent(report.data.total.takedown_rate),
              counter: percent(report.data.total.successful_counter_rate),
            })}
          </Typography.Text>
        )}
        {rows.length > 0 && <TakedownBars rows={rows} />}
      </Space>
    </Card>
  )
}
