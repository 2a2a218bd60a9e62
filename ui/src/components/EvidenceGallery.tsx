import { Empty, Flex } from 'antd'
import { useTranslation } from 'react-i18next'
import type { DocumentView } from '../lib/ipc/bindings'
import EvidenceCard from './EvidenceCard'

/** Evidence files as cards with thumbnails, newest first. */
export default function EvidenceGallery({ documents }: { documents: DocumentView[] }) {
  const { t } = useTranslation()
  if (documents.length === 0) return <Empty description={t('evidence.empty')} />
  const sorted = [...documents].sort((a, b) => b.added_at.localeCompare(a.added_at))
  return (
    <Flex wrap gap={12} data-testid="evidence-gallery">
      {sorted.map((d) => (
        <EvidenceCard key={d.id} doc={d} />
      ))}
    </Flex>
  )
}
