import { FileExcelOutlined } from '@ant-design/icons'
import { Alert, App, Button, Input, Modal, Progress, Space, Tabs, Typography } from 'antd'
import { useCallback, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDetail, errorTitle } from '../lib/errors'
import { endJob, updateJob } from '../lib/backgroundJobs'
import { cancelJob } from '../lib/ipc/backend'
import { chooseListingFile } from '../lib/fileDialogs'
import type { ImportProgress, ImportReport, ImportRequest } from '../lib/ipc/bindings'
import { useImportCommit, useImportPreview } from '../lib/queries'
import ImportReportView from './ImportReportView'

interface Props {
  open: boolean
  onClose: () => void
  /** Add the accepted and already-known listings to this complaint. */
  complaintId?: string | null
  complaintLabel?: string
}

type Source = 'paste' | 'file'

/**
 * Listings from a paste or a CSV/XLSX file: "Check" shows what each line will
 * do and writes nothing; only "Import N listings" commits, in one transaction.
 */
export default function ImportDialog({ open, onClose, complaintId = null, complaintLabel }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const preview = useImportPreview()
  const commit = useImportCommit()
  const [source, setSource] = useState<Source>('paste')
  const [text, setText] = useState('')
  const [path, setPath] = useState<string | null>(null)
  const [report, setReport] = useState<ImportReport | null>(null)
  const [progress, setProgress] = useState<ImportProgress | null>(null)
  const [error, setError] = useState<unknown>(null)
  // Channel messages can trail the reply; ignore those that arrive after it.
  const running = useRef(false)
  // The running check or import, so Stop can cancel it.
  const job = useRef<string | null>(null)
  const startJob = () => {
    job.current = crypto.randomUUID()
    return job.current
  }
  const stop = () => {
    if (job.current) void cancelJob(job.current)
  }
  const onProgress = (p: ImportProgress) => {
    if (!running.current) return
    setProgress(p)
    if (job.current) updateJob({ id: job.current, label: t('import.title'), ...p })
  }
  const endRun = () => {
    running.current = false
    setProgress(null)
    if (job.current) endJob(job.current)
  }

  // Closing clears the dialog, so each opening starts clean; an error keeps everything typed so far.
  // Stable, so the memoized report view is not redrawn on each progress message.
  const close = useCallback(() => {
    setSource('paste')
    setText('')
    setPath(null)
    setReport(null)
    setProgress(null)
    setError(null)
    onClose()
  }, [onClose])

  const request = (): ImportRequest | null => {
    if (source === 'paste') return text.trim() ? { source: { kind: 'paste', text }, complaint_id: complaintId } : null
    return path ? { source: { kind: 'file', path }, complaint_id: complaintId } : null
  }
  const busy = preview.isPending || commit.isPending

  const check = async () => {
    const req = request()
    if (!req) return
    setError(null)
    setReport(null)
    setProgress(null)
    running.current = true
    try {
      setReport(await preview.mutateAsync({ request: req, onProgress, job: startJob() }))
    } catch (e) {
      setError(e)
    } finally {
      endRun()
    }
  }

  const confirm = async () => {
    const req = request()
    if (!req || !report) return
    setError(null)
    running.current = true
    try {
      const done = await commit.mutateAsync({ request: req, onProgress, job: startJob() })
      message.success(
        complaintId
          ? t('import.doneToComplaint', { count: done.counts.accepted, added: done.added_to_complaint })
          : t('import.done', { count: done.counts.accepted }),
      )
      close()
    } catch (e) {
      setError(e)
    } finally {
      endRun()
    }
  }

  const pickFile = async () => {
    try {
      const chosen = await chooseListingFile(t('import.chooseFile'))
      if (chosen) {
        setPath(chosen)
        setReport(null)
      }
    } catch (e) {
      setError(e instanceof Error ? new Error(`${t('docs.dialogUnavailable')} ${e.message}`) : e)
    }
  }

  // With a complaint, known listings join it too.
  const toImport = report ? report.counts.accepted + (complaintId ? report.counts.known : 0) : 0
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0

  return (
    <Modal
      open={open}
      onCancel={busy ? undefined : close}
      width={1000}
      title={complaintId ? t('import.titleToComplaint', { label: complaintLabel ?? '' }) : t('import.title')}
      mask={{ closable: false }}
      footer={
        <Space>
          <Button onClick={close} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void check()} loading={preview.isPending} disabled={!request() || commit.isPending} data-testid="import-check">
            {t('import.check')}
          </Button>
          <Button
            type="primary"
            onClick={() => void confirm()}
            loading={commit.isPending}
            disabled={!report || toImport === 0 || preview.isPending}
            data-testid="import-commit"
          >
            {t('import.commit', { count: toImport })}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Tabs
          activeKey={source}
          onChange={(k) => {
            setSource(k as Source)
            setReport(null)
          }}
          items={[
            {
              key: 'paste',
              label: t('import.paste'),
              children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Typography.Text type="secondary">{t('import.pasteHint')}</Typography.Text>
                  <Input.TextArea
                    value={text}
                    onChange={(e) => {
                      setText(e.target.value)
                      setReport(null)
                    }}
                    rows={8}
                    placeholder={'https://detail.1688.com/offer/123456789.html\nhttps://item.taobao.com/item.htm?id=987654321'}
                    data-testid="import-paste"
                    aria-label={t('import.paste')}
                    style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
                  />
                </Space>
              ),
            },
            {
              key: 'file',
              label: t('import.file'),
              children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Typography.Text type="secondary">{t('import.fileHint')}</Typography.Text>
                  <Space>
                    <Button icon={<FileExcelOutlined />} onClick={() => void pickFile()} data-testid="import-choose-file">
                      {t('import.chooseFile')}
                    </Button>
                    {path && <Typography.Text code>{path}</Typography.Text>}
                  </Space>
                </Space>
              ),
            },
          ]}
        />
        {progress && (
          <div>
            <Typography.Text type="secondary">{t(`import.stage.${progress.stage}`, { defaultValue: progress.stage })}</Typography.Text>
            <Progress percent={percent} status="active" data-testid="import-progress" />
            <Space>
              <Button size="small" onClick={stop} data-testid="import-stop">
                {t('import.stop')}
              </Button>
              {/* The work goes on; its progress moves to the header. */}
              <Button size="small" onClick={onClose} data-testid="import-background">
                {t('import.background')}
              </Button>
            </Space>
          </div>
        )}
        {error !== null && <Alert type="error" showIcon title={errorTitle(t, error)} description={errorDetail(error)} />}
        {report && <ImportReportView report={report} onNavigate={close} />}
      </Space>
    </Modal>
  )
}
