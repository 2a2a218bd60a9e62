import { DisconnectOutlined } from '@ant-design/icons'
import { App, Button, Card, Empty, Popconfirm, Space, Table, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { useErrors } from '../lib/errors'
import type { LinkSuggestionView, SellerGroupView, SellerRow } from '../lib/ipc/bindings'
import { useUnlinkSeller } from '../lib/queries'
import SuggestedLinks from './SuggestedLinks'
import { RiskTag } from './Tags'

interface Props {
  sellerId: string
  group: SellerGroupView | null
  suggestions: LinkSuggestionView[]
}

/** The stores believed to be run by the same operator as this one, and stores that may be. */
export default function SellerGroupCard({ sellerId, group, suggestions }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { notifyError } = useErrors()
  const unlink = useUnlinkSeller()

  const columns: TableColumnsType<SellerRow> = [
    {
      title: t('seller.store_name'),
      dataIndex: 'store_name',
      render: (v: string, r) => (r.id === sellerId ? <Typography.Text strong>{v}</Typography.Text> : <Link to={`/sellers/${r.id}`}>{v}</Link>),
    },
    { title: t('seller.platform'), dataIndex: 'platform', render: (p: SellerRow['platform']) => t(`enum.platform.${p}`) },
    { title: t('seller.risk'), key: 'risk', render: (_, r) => <RiskTag level={r.risk_level} flags={r.flags} /> },
    { title: t('seller.complaints'), dataIndex: 'complaints' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) => (
        <Popconfirm
          title={t('seller.unlinkConfirm', { name: r.store_name })}
          onConfirm={() =>
            unlink.mutateAsync(r.id).then(
              () => message.success(t('seller.unlinked')),
              (e: unknown) => notifyError(e),
            )
          }
        >
          <Button size="small" icon={<DisconnectOutlined />}>
            {t('seller.unlink')}
          </Button>
        </Popconfirm>
      ),
    },
  ]

  return (
    <Card title={group ? t('seller.groupTitle', { name: group.name }) : t('seller.group')}>
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        {group ? (
          <Table<SellerRow> rowKey="id" size="small" columns={columns} dataSource={group.members} pagination={false} />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('seller.noGroup')} />
        )}
        {suggestions.length > 0 && (
          <>
            <Typography.Text strong>{t('seller.suggestions')}</Typography.Text>
            <SuggestedLinks suggestions={suggestions} />
          </>
        )}
      </Space>
    </Card>
  )
}
