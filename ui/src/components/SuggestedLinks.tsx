import { LinkOutlined } from '@ant-design/icons'
import { App, Button, Empty, Space, Table, Tag } from 'antd'
import type { TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { useErrors } from '../lib/errors'
import type { LinkSuggestionView, SharedIdentifier } from '../lib/ipc/bindings'
import { useLinkSellers } from '../lib/queries'

/** Store pairs sharing a company name, phone, address or WeChat id: link them as one operator. */
export default function SuggestedLinks({ suggestions, loading }: { suggestions: LinkSuggestionView[]; loading?: boolean }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { notifyError } = useErrors()
  const link = useLinkSellers()

  const columns: TableColumnsType<LinkSuggestionView> = [
    {
      title: t('seller.suggestionStores'),
      key: 'stores',
      render: (_, s) => (
        <Space wrap size={4}>
          <Link to={`/sellers/${s.a}`}>{s.a_name}</Link>
          <span>↔</span>
          <Link to={`/sellers/${s.b}`}>{s.b_name}</Link>
        </Space>
      ),
    },
    {
      title: t('seller.shared'),
      dataIndex: 'shared',
      render: (shared: SharedIdentifier[]) => shared.map((x) => <Tag key={x}>{t(`enum.sharedIdentifier.${x}`)}</Tag>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, s) => (
        <Button
          size="small"
          icon={<LinkOutlined />}
          loading={link.isPending && link.variables?.seller_ids.includes(s.a) && link.variables.seller_ids.includes(s.b)}
          onClick={() =>
            link.mutate(
              { seller_ids: [s.a, s.b], group_name: '' },
              { onSuccess: (g) => message.success(t('seller.linked', { name: g.name })), onError: notifyError },
            )
          }
          data-testid="suggestion-link"
        >
          {t('seller.link')}
        </Button>
      ),
    },
  ]

  return (
    <Table<LinkSuggestionView>
      rowKey={(s) => `${s.a}-${s.b}`}
      size="small"
      loading={loading}
      columns={columns}
      dataSource={suggestions}
      pagination={false}
      locale={{ emptyText: <Empty description={t('seller.noSuggestions')} /> }}
    />
  )
}
