import { FileAddOutlined, InboxOutlined } from '@ant-design/icons'
import { App, Button, Empty, Popconfirm, Select, Space, Table, Tooltip, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useErrors } from '../lib/errors'
import { DOC_KINDS } from '../lib/enums'
import { compareStr, humanSize, localTime, shortHash } from '../lib/format'
import type { DocumentKind, DocumentView, OwnerKind } from '../lib/ipc/bindings'
import { useAttachDocuments, useDetachDocument, useOpenDocument } from '../lib/queries'

interface Props {
  ownerKind: OwnerKind
  ownerId: string
  documents: DocumentView[]
}

export default function DocumentsPanel({ ownerKind, ownerId, documents }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { notifyError } = useErrors()
  const [docKind, setDocKind] = useState<DocumentKind>(ownerKind === 'right' ? 'certificate' : 'business_registration')
  const [dragging, setDragging] = useState(false)
  const attach = useAttachDocuments()
  const detach = useDetachDocument()
  const openDoc = useOpenDocument()

  // The drop handler is registered once; it reads the latest state through this ref.
  const latest = useRef({ docKind, ownerKind, ownerId, attach: attach.mutateAsync, notifyError, message, t })
  useEffect(() => {
    latest.current = { docKind, ownerKind, ownerId, attach: attach.mutateAsync, notifyError, message, t }
  })

  const attachPaths = async (paths: string[]) => {
    const l = latest.current
    if (paths.length === 0) return
    try {
      const added = await l.attach({ owner_kind: l.ownerKind, owner_id: l.ownerId, doc_kind: l.docKind, paths })
      l.message.success(l.t('docs.attached', { count: added.length }))
    } catch (e) {
      l.notifyError(e)
    }
  }
  const attachRef = useRef(attachPaths)
  useEffect(() => {
    attachRef.current = attachPaths
  })

  useEffect(() => {
    let unlisten: (() => void) | null = null
    let cancelled = false
    const setup = async () => {
      try {
        const { getCurrentWebview } = await import('@tauri-apps/api/webview')
        const un = await getCurrentWebview().onDragDropEvent((event) => {
          const p = event.payload
          if (p.type === 'enter' || p.type === 'over') setDragging(true)
          else if (p.type === 'leave') setDragging(false)
          else if (p.type === 'drop') {
            setDragging(false)
            void attachRef.current(p.paths)
          }
        })
        if (cancelled) un()
        else unlisten = un
      } catch {
        // Not running inside Tauri (unit tests, plain browser): no drag and drop.
      }
    }
    void setup()
    return () => {
      cancelled = true
      if (unlisten) unlisten()
    }
  }, [])

  const pickFiles = async () => {
    let paths: string[] | null = null
    try {
      const { open } = await import('@tauri-apps/plugin-dialog')
      paths = await open({ multiple: true, directory: false })
    } catch (e) {
      notifyError(e instanceof Error ? new Error(`${t('docs.dialogUnavailable')} ${e.message}`) : e)
      return
    }
    if (paths && paths.length > 0) await attachPaths(paths)
  }

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
            <Button size="small" danger>
              {t('common.remove')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ]

  return (
    <div style={{ position: 'relative' }}>
      <Space style={{ marginBottom: 12 }} wrap>
        <span>{t('docs.kindForNew')}</span>
        <Select<DocumentKind>
          value={docKind}
          onChange={setDocKind}
          style={{ minWidth: 220 }}
          options={DOC_KINDS.map((k) => ({ value: k, label: t(`enum.docKind.${k}`) }))}
          aria-label={t('docs.kindForNew')}
        />
        <Button icon={<FileAddOutlined />} onClick={() => void pickFiles()} loading={attach.isPending}>
          {t('docs.attach')}
        </Button>
        <Typography.Text type="secondary">{t('docs.dropHint')}</Typography.Text>
      </Space>
      <Table<DocumentView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={documents}
        pagination={false}
        locale={{ emptyText: <Empty description={t('docs.empty')} /> }}
      />
      {dragging && (
        <div
          style={{
            position: 'absolute',
            inset: 0,
            background: 'rgba(22,119,255,0.08)',
            border: '2px dashed #1677ff',
            borderRadius: 8,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            fontSize: 18,
            pointerEvents: 'none',
          }}
        >
          <Space>
            <InboxOutlined />
            {t('docs.drop')}
          </Space>
        </div>
      )}
    </div>
  )
}
