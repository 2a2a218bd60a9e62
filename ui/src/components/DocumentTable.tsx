import { App, Button, Empty, Popconfirm, Space, Table, Tooltip, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { useErrors } from '../lib/errors'
import { compareStr, humanSize, localTime, shortHash } from '../lib/format'
import type { DocumentKind, DocumentView } from '../lib/ipc/bindings'
import { useDetachDocument, useOpenDocument } from '../lib/queries'
import { EditButton } from '../lib/access'

/** Documents as a table; with `evidence`, also when and by whom each was captured. */
export default function DocumentTable({ documents, evidence }: { documents: DocumentView[]; evidence: boolean }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { notifyError } = useErrors()
  const detach = useDetachDocument()
  const openDoc = useOpenDocument()

  const columns: TableColumnsType<DocumentView> = [
    {
      title: t('docs.original_name'),
      dataIndex: 'original_name',
      sorter: (a, b) => compareStr(a.original_name, b.original_name),
    },
    {
      title: t('docs.doc_kind'),
      dataIndex: 'doc_kind',
      render: (k: DocumentKind) => t(`enum.docKind.${k}`),
      sorter: (a, b) => compareStr(a.doc_kind, b.doc_kind),
    },
    {
      title: t('docs.size'),
      dataIndex: 'size',
      render: (s: number) => humanSize(s),
      sorter: (a, b) => a.size - b.size,
    },
    { title: t('docs.media_type'), dataIndex: 'media_type', sorter: (a, b) => compareStr(a.media_type, b.media_type) },
    ...(evidence
      ? ([
          {
            title: t('evidence.captured_at'),
            dataIndex: 'captured_at',
            render: (v: string | null) => localTime(v),
            sorter: (a, b) => compareStr(a.captured_at, b.captured_at),
          },
          { title: t('evidence.captured_by'), dataIndex: 'captured_by', sorter: (a, b) => compareStr(a.captured_by, b.captured_by) },
        ] satisfies TableColumnsType<DocumentView>)
      : []),
    {
      title: t('docs.added_at'),
      dataIndex: 'added_at',
      render: (v: string) => localTime(v),
      sorter: (a, b) => compareStr(a.added_at, b.added_at),
      defaultSortOrder: 'descend',
    },
    {
      title: t('docs.sha256'),
      dataIndex: 'sha256',
      render: (h: string) => (
        <Tooltip title={h}>
          <Typography.Text code copyable={{ text: h }}>
            {shortHash(h, 12)}
          </Typography.Text>
        </Tooltip>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, d) => (
        <Space>
          <Button size="small" onClick={() => openDoc.mutate(d.id, { onError: notifyError })}>
            {t('common.open')}
          </Button>
          <Popconfirm
            title={t('docs.removeConfirm')}
            onConfirm={() =>
              detach.mutateAsync(d.id).then(
                () => message.success(t('common.deleted')),
                (e: unknown) => notifyError(e),
              )
            }
          >
            <EditButton size="small" danger>
              {t('common.remove')}
            </EditButton>
          </Popconfirm>
        </Space>
      ),
    },
  ]

  return (
    <Table<DocumentView>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={documents}
      pagination={false}
      locale={{ emptyText: <Empty description={evidence ? t('evidence.empty') : t('docs.empty')} /> }}
    />
  )
}
