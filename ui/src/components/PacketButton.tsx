import { FilePdfOutlined, FolderOpenOutlined } from '@ant-design/icons'
import { Alert, Button, Checkbox, Descriptions, Modal, Result, Space, Spin, Typography } from 'antd'
import type { ButtonProps } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useErrors } from '../lib/errors'
import { bundlePathFor, choosePdfPath, safeFileName } from '../lib/fileDialogs'
import type { PacketFor, PacketResult } from '../lib/ipc/bindings'
import { useGeneratePacket, useOpenPacket } from '../lib/queries'

const MONO = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }

interface Props {
  kind: PacketFor
  /** The record's id (for a registration packet: the programme account's id). */
  id: string
  /** The suggested file name, without extension, e.g. "complaint-IPP-TB-2026-0173". */
  defaultName: string
  size?: ButtonProps['size']
}

/** Whole kilobytes, at least 1, in the current locale. */
function kb(bytes: number, lang: string): string {
  return Math.max(1, Math.round(bytes / 1024)).toLocaleString(lang)
}

/** A written file: its path (copyable) and, when known, its size. */
function SavedFile({ path, size }: { path: string; size: number | null }) {
  const { t, i18n } = useTranslation()
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
        {path}
      </Typography.Text>
      {typeof size === 'number' && <Typography.Text type="secondary">{t('packet.sizeKb', { kb: kb(size, i18n.language) })}</Typography.Text>}
    </Space>
  )
}

/** "Evidence packet (PDF)": generates a packet (and optionally its .zip bundle) for one record. */
export default function PacketButton({ kind, id, defaultName, size }: Props) {
  const { t } = useTranslation()
  const { notifyError } = useErrors()
  const generate = useGeneratePacket()
  const openPdf = useOpenPacket()
  const [open, setOpen] = useState(false)
  const [withBundle, setWithBundle] = useState(true)
  const [choosing, setChoosing] = useState(false)
  const [result, setResult] = useState<PacketResult | null>(null)
  const busy = choosing || generate.isPending

  const close = () => {
    if (busy) return
    setOpen(false)
    setResult(null)
    generate.reset()
  }

  const run = async () => {
    let pdfPath: string | null
    setChoosing(true)
    try {
      pdfPath = await choosePdfPath(t('packet.saveTitle'), safeFileName(defaultName))
    } catch (e) {
      notifyError(e)
      return
    } finally {
      setChoosing(false)
    }
    if (!pdfPath) return
    try {
      const r = await generate.mutateAsync({ kind, id, pdf_path: pdfPath, bundle_path: withBundle ? bundlePathFor(pdfPath) : null })
      setResult(r)
    } catch (e) {
      notifyError(e)
    }
  }

  const footer = result ? (
    <Space>
      <Button onClick={close} data-testid="packet-close">
        {t('common.close')}
      </Button>
      <Button
        type="primary"
        icon={<FolderOpenOutlined />}
        loading={openPdf.isPending}
        onClick={() => openPdf.mutate(result.pdf_path, { onError: notifyError })}
        data-testid="packet-open"
      >
        {t('packet.openPdf')}
      </Button>
    </Space>
  ) : (
    <Space>
      <Button onClick={close} disabled={busy}>
        {t('common.cancel')}
      </Button>
      <Button type="primary" icon={<FilePdfOutlined />} loading={busy} disabled={busy} onClick={() => void run()} data-testid="packet-generate">
        {t('packet.generate')}
      </Button>
    </Space>
  )

  return (
    <>
      <Button size={size} icon={<FilePdfOutlined />} onClick={() => setOpen(true)} data-testid={`packet-${kind}`}>
        {t('packet.button')}
      </Button>
      <Modal
        open={open}
        title={t(`packet.title.${kind}`)}
        onCancel={close}
        closable={!busy}
        mask={{ closable: false }}
        keyboard={!busy}
        footer={footer}
        width={640}
        destroyOnHidden
      >
        {result ? (
          <div data-testid="packet-result">
            <Result status="success" title={t('packet.done')} style={{ padding: '8px 0 16px' }} />
            <Descriptions
              size="small"
              column={1}
              bordered
              items={[
                {
                  key: 'pdf',
                  label: t('packet.pdf'),
                  children: <SavedFile path={result.pdf_path} size={result.pdf_size} />,
                },
                ...(result.bundle_path
                  ? [
                      {
                        key: 'bundle',
                        label: t('packet.bundle'),
                        children: <SavedFile path={result.bundle_path} size={result.bundle_size} />,
                      },
                    ]
                  : []),
                { key: 'files', label: t('packet.files'), children: t('packet.fileCount', { count: result.files }) },
                {
                  key: 'id',
                  label: t('packet.packetId'),
                  children: (
                    <Typography.Text copyable style={MONO} data-testid="packet-id">
                      {result.packet_id}
                    </Typography.Text>
                  ),
                },
                {
                  key: 'sha',
                  label: t('packet.manifestSha256'),
                  children: (
                    <Typography.Text copyable style={{ ...MONO, wordBreak: 'break-all' }} data-testid="packet-sha256">
                      {result.manifest_sha256}
                    </Typography.Text>
                  ),
                },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('packet.shaHint')}
            </Typography.Paragraph>
          </div>
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph style={{ marginBottom: 0 }}>{t(`packet.intro.${kind}`)}</Typography.Paragraph>
            <Checkbox checked={withBundle} disabled={busy} onChange={(e) => setWithBundle(e.target.checked)} data-testid="packet-with-bundle">
              {t('packet.withBundle')}
            </Checkbox>
            {generate.isPending && (
              <Alert
                type="info"
                showIcon
                icon={<Spin size="small" />}
                title={t('packet.generating')}
                data-testid="packet-progress"
              />
            )}
          </Space>
        )}
      </Modal>
    </>
  )
}
