import { AppstoreOutlined, FileAddOutlined, InboxOutlined, UnorderedListOutlined } from '@ant-design/icons'
import { App, Button, Form, Segmented, Select, Space, Typography } from 'antd'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useErrors } from '../lib/errors'
import { chooseFiles } from '../lib/fileDialogs'
import { DOC_KINDS, EVIDENCE_KINDS, EVIDENCE_OWNERS } from '../lib/enums'
import { toUtcIso } from '../lib/format'
import type { AttachInput, DocumentKind, DocumentView, OwnerKind } from '../lib/ipc/bindings'
import { useAttachDocuments } from '../lib/queries'
import DocumentTable from './DocumentTable'
import EvidenceFactsForm from './EvidenceFactsForm'
import type { EvidenceFactsValues } from './EvidenceFactsForm'
import EvidenceGallery from './EvidenceGallery'
import { useFileDrop } from './useFileDrop'

interface Props {
  ownerKind: OwnerKind
  ownerId: string
  documents: DocumentView[]
  /** Start as a thumbnail gallery (evidence) rather than a table. */
  gallery?: boolean
  /** Kind preselected for new files; evidence defaults to "guess from the file name". */
  defaultKind?: DocumentKind
}

/** The select's value for "let the backend guess the kind from each file's name". */
const GUESS = 'guess'

function initialKind(ownerKind: OwnerKind, evidence: boolean, defaultKind?: DocumentKind): DocumentKind | typeof GUESS {
  if (defaultKind) return defaultKind
  if (evidence) return GUESS
  return ownerKind === 'right' ? 'certificate' : 'business_registration'
}

export default function DocumentsPanel({ ownerKind, ownerId, documents, gallery, defaultKind }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { notifyError } = useErrors()
  const evidence = EVIDENCE_OWNERS.includes(ownerKind)
  const [docKind, setDocKind] = useState<DocumentKind | typeof GUESS>(() => initialKind(ownerKind, evidence, defaultKind))
  const [view, setView] = useState<'gallery' | 'table'>(gallery ? 'gallery' : 'table')
  const [factsForm] = Form.useForm<EvidenceFactsValues>()
  const attach = useAttachDocuments()
  const zone = useRef<HTMLDivElement>(null)

  const attachPaths = async (paths: string[]) => {
    if (paths.length === 0) return
    const input: AttachInput = { owner_kind: ownerKind, owner_id: ownerId, doc_kind: docKind === GUESS ? null : docKind, paths }
    if (evidence) {
      const f = factsForm.getFieldsValue()
      input.facts = {
        captured_at: toUtcIso(f.captured_at),
        captured_by: (f.captured_by ?? '').trim(),
        source_url: (f.source_url ?? '').trim(),
        notes: (f.notes ?? '').trim(),
      }
    }
    try {
      const added = await attach.mutateAsync(input)
      message.success(t('docs.attached', { count: added.length }))
    } catch (e) {
      notifyError(e)
    }
  }

  const dragging = useFileDrop(zone, (paths) => void attachPaths(paths))

  const pickFiles = async () => {
    let paths: string[] | null = null
    try {
      paths = await chooseFiles(null, [], true)
    } catch (e) {
      notifyError(e instanceof Error ? new Error(`${t('docs.dialogUnavailable')} ${e.message}`) : e)
      return
    }
    if (paths && paths.length > 0) await attachPaths(paths)
  }

  const kinds = evidence ? EVIDENCE_KINDS : DOC_KINDS
  const kindOptions = [
    ...(evidence ? [{ value: GUESS, label: t('evidence.guessKind') }] : []),
    ...kinds.map((k) => ({ value: k, label: t(`enum.docKind.${k}`) })),
  ]

  return (
    <div
      ref={zone}
      style={{ position: 'relative', border: '1px dashed #d9d9d9', borderRadius: 8, padding: 12, minHeight: 120 }}
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Space wrap style={{ display: 'flex', justifyContent: 'space-between' }}>
          <Space wrap>
            <span>{t('docs.kindForNew')}</span>
            <Select<DocumentKind | typeof GUESS>
              value={docKind}
              onChange={setDocKind}
              style={{ minWidth: 220 }}
              options={kindOptions}
              aria-label={t('docs.kindForNew')}
            />
            <Button icon={<FileAddOutlined />} onClick={() => void pickFiles()} loading={attach.isPending}>
              {t('docs.attach')}
            </Button>
            <Typography.Text type="secondary">{t('docs.dropHint')}</Typography.Text>
          </Space>
          {evidence && (
            <Segmented
              value={view}
              onChange={(v) => setView(v as 'gallery' | 'table')}
              options={[
                { value: 'gallery', icon: <AppstoreOutlined />, title: t('evidence.gallery') },
                { value: 'table', icon: <UnorderedListOutlined />, title: t('evidence.table') },
              ]}
            />
          )}
        </Space>
        {evidence && (
          <div>
            <Typography.Text type="secondary">{t('evidence.factsHint')}</Typography.Text>
            <div style={{ marginTop: 8 }}>
              <EvidenceFactsForm form={factsForm} name={`evidence_${ownerKind}`} />
            </div>
          </div>
        )}
        {view === 'gallery' ? <EvidenceGallery documents={documents} /> : <DocumentTable documents={documents} evidence={evidence} />}
      </Space>
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
