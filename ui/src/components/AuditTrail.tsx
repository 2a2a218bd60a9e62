import { Alert, Empty, Spin, Timeline, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { errorDetail, errorTitle } from '../lib/errors'
import { localTime, shortHash } from '../lib/format'
import type { AuditView, JsonValue } from '../lib/ipc/bindings'
import { useAudit } from '../lib/queries'

type JsonObject = { [key in string]?: JsonValue }

const isObject = (v: JsonValue | null | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function show(v: JsonValue | undefined): string {
  if (v === undefined || v === null || v === '') return '∅'
  return typeof v === 'string' ? v : JSON.stringify(v)
}

const IGNORED = new Set(['updated_at'])

/** Changed fields between two JSON objects. */
function diff(before: JsonValue | null, after: JsonValue | null): { field: string; from: string; to: string }[] {
  if (!isObject(before) || !isObject(after)) return []
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()
  return keys
    .filter((k) => !IGNORED.has(k) && JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
    .map((k) => ({ field: k, from: show(before[k]), to: show(after[k]) }))
}

function actionLabel(t: TFunction, action: string): string {
  return t(`enum.auditAction.${action}`, { defaultValue: action })
}

function Entry({ a }: { a: AuditView }) {
  const { t } = useTranslation()
  // Updates and listing outcomes carry before and after; show what changed.
  const changes = a.action === 'update' || a.action === 'outcome' ? diff(a.before, a.after) : []
  const added = a.action === 'add_listings' && isObject(a.after) && Array.isArray(a.after.listings) ? a.after.listings.length : null
  return (
    <div>
      <div>
        <Typography.Text strong>{actionLabel(t, a.action)}</Typography.Text>{' '}
        <Typography.Text>{t(`enum.ownerKind.${a.entity}`, { defaultValue: a.entity })}</Typography.Text>{' '}
        <Tooltip title={a.hash}>
          <Typography.Text type="secondary" code>
            {shortHash(a.hash, 8)}
          </Typography.Text>
        </Tooltip>
      </div>
      {added !== null && <Typography.Text type="secondary">{t('audit.addedListings', { count: added })}</Typography.Text>}
      {changes.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
          {changes.map((c) => (
            <li key={c.field}>
              <Typography.Text code>{c.field}</Typography.Text>
              {': '}
              <Typography.Text delete type="secondary">
                {c.from}
              </Typography.Text>
              {' → '}
              <Typography.Text>{c.to}</Typography.Text>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

export default function AuditTrail({ id }: { id: string }) {
  const { t } = useTranslation()
  const q = useAudit(id)
  if (q.isLoading) return <Spin />
  if (q.isError) return <Alert type="error" title={errorTitle(t, q.error)} description={errorDetail(q.error)} />
  const rows = q.data ?? []
  if (rows.length === 0) return <Empty description={t('audit.empty')} />
  return (
    <Timeline
      items={rows.map((a) => ({
        key: a.seq,
        title: localTime(a.at),
        content: <Entry a={a} />,
        color:
          a.action === 'delete' || a.action === 'detach' || a.action === 'remove_listing'
            ? 'red'
            : a.action === 'create' || a.action === 'add_listings'
              ? 'green'
              : 'blue',
      }))}
    />
  )
}
