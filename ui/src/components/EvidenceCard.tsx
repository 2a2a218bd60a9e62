import { DeleteOutlined, FileOutlined, FolderOpenOutlined } from '@ant-design/icons'
import { App, Button, Card, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useErrors } from '../lib/errors'
import { humanSize, localTime, shortHash } from '../lib/format'
import type { DocumentView } from '../lib/ipc/bindings'
import { useDetachDocument, useDocumentDataUrl, useOpenDocument } from '../lib/queries'
import { EditButton } from '../lib/access'

const THUMB_HEIGHT = 140

function Thumbnail({ doc }: { doc: DocumentView }) {
  const isImage = doc.media_type.startsWith('image/')
  const data = useDocumentDataUrl(doc.id, isImage)
  const box = {
    height: THUMB_HEIGHT,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    background: '#fafafa',
    overflow: 'hidden',
  } as const
  if (isImage && data.data) {
    return (
      <div style={box}>
        <img src={data.data} alt={doc.original_name} style={{ maxWidth: '100%', maxHeight: THUMB_HEIGHT, objectFit: 'contain' }} />
      </div>
    )
  }
  return (
    <div style={box}>
      <FileOutlined style={{ fontSize: 48, color: '#bfbfbf' }} />
    </div>
  )
}

/** One evidence file: thumbnail, kind, when/by whom/from where it was captured, its hash. */
export default function EvidenceCard({ doc }: { doc: DocumentView }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { notifyError } = useErrors()
  const detach = useDetachDocument()
  const openDoc = useOpenDocument()
  const row = (label: string, value: ReactNode) => (
    <div style={{ display: 'flex', alignItems: 'baseline', gap: 6, minWidth: 0, fontSize: 12 }}>
      <Typography.Text type="secondary" style={{ flex: 'none', fontSize: 12 }}>
        {label}
      </Typography.Text>
      <div style={{ minWidth: 0, flex: 1 }}>{value}</div>
    </div>
  )
  return (
    <Card
      size="small"
      style={{ width: 240 }}
      cover={<Thumbnail doc={doc} />}
      actions={[
        <Tooltip key="open" title={t('common.open')}>
          <Button type="text" size="small" icon={<FolderOpenOutlined />} aria-label={t('common.open')} onClick={() => openDoc.mutate(doc.id, { onError: notifyError })} />
        </Tooltip>,
        <Popconfirm
          key="remove"
          title={t('docs.removeConfirm')}
          onConfirm={() =>
            detach.mutateAsync(doc.id).then(
              () => message.success(t('common.deleted')),
              (e: unknown) => notifyError(e),
            )
          }
        >
          <EditButton type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.remove')} />
        </Popconfirm>,
      ]}
    >
      <Space orientation="vertical" size={2} style={{ width: '100%', fontSize: 12 }}>
        <Typography.Text strong ellipsis={{ tooltip: doc.original_name }}>
          {doc.original_name}
        </Typography.Text>
        <Space size={4} wrap>
          <Tag>{t(`enum.docKind.${doc.doc_kind}`)}</Tag>
          <Typography.Text type="secondary">{humanSize(doc.size)}</Typography.Text>
        </Space>
        {row(t('evidence.captured_at'), localTime(doc.captured_at) || t('common.none'))}
        {row(t('evidence.captured_by'), doc.captured_by || t('common.none'))}
        {row(
          t('evidence.source_url'),
          doc.source_url ? (
            <Typography.Text copyable ellipsis={{ tooltip: doc.source_url }} style={{ maxWidth: '100%', fontSize: 12 }}>
              {doc.source_url}
            </Typography.Text>
          ) : (
            t('common.none')
          ),
        )}
        {row(
          t('docs.sha256'),
          <Tooltip title={doc.sha256}>
            <Typography.Text code copyable={{ text: doc.sha256 }} style={{ fontSize: 11 }}>
              {shortHash(doc.sha256, 10)}
            </Typography.Text>
          </Tooltip>,
        )}
      </Space>
    </Card>
  )
}
