import { Descriptions, Drawer, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { ComplaintListingView } from '../lib/ipc/bindings'
import DocumentsPanel from './DocumentsPanel'

/** One listing's own evidence (screenshots, archives), attached to the listing itself. */
export default function ListingEvidenceDrawer({ item, onClose }: { item: ComplaintListingView | null; onClose: () => void }) {
  const { t } = useTranslation()
  const l = item?.listing
  return (
    <Drawer open={!!item} onClose={onClose} size={760} title={l ? l.title || l.canonical_url : ''} destroyOnHidden>
      {item && l && (
        <>
          <Descriptions
            size="small"
            column={1}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'url', label: t('listing.url'), children: <Typography.Text copyable>{l.canonical_url}</Typography.Text> },
              { key: 'id', label: t('listing.external_id'), children: l.external_id ?? t('common.none') },
              {
                key: 'seller',
                label: t('listing.seller'),
                children: l.seller_id ? <Link to={`/sellers/${l.seller_id}`}>{l.seller_name || t('listing.seller')}</Link> : l.seller_name || t('common.none'),
              },
              { key: 'more', label: t('listing.more'), children: <Link to={`/listings/${l.id}`}>{t('listing.open')}</Link> },
            ]}
          />
          <DocumentsPanel ownerKind="listing" ownerId={l.id} documents={item.evidence} gallery defaultKind="listing_screenshot" />
        </>
      )}
    </Drawer>
  )
}
