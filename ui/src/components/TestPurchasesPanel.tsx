import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Empty, Popconfirm, Space, Table } from 'antd'
import type { TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useErrors } from '../lib/errors'
import { compareStr, showDate } from '../lib/format'
import type { ComplaintListingView, TestPurchaseView } from '../lib/ipc/bindings'
import { useDeleteTestPurchase } from '../lib/queries'
import DocumentsPanel from './DocumentsPanel'
import TestPurchaseForm from './TestPurchaseForm'
import { EditButton } from '../lib/access'

interface Props {
  complaintId: string
  purchases: TestPurchaseView[]
  listings: ComplaintListingView[]
}

/** Test purchases for a complaint; expand a row for its photos and receipts. */
export default function TestPurchasesPanel({ complaintId, purchases, listings }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { notifyError } = useErrors()
  const del = useDeleteTestPurchase()
  const [form, setForm] = useState<{ open: boolean; purchase: TestPurchaseView | null }>({ open: false, purchase: null })
  const titleOf = (id: string | null) => {
    const l = listings.find((v) => v.listing.id === id)
    return l ? `#${l.position} ${l.listing.title || l.listing.canonical_url}` : ''
  }

  const columns: TableColumnsType<TestPurchaseView> = [
    { title: t('purchase.order_number'), dataIndex: 'order_number', sorter: (a, b) => compareStr(a.order_number, b.order_number) },
    {
      title: t('purchase.ordered_on'),
      dataIndex: 'ordered_on',
      render: showDate,
      sorter: (a, b) => compareStr(a.ordered_on, b.ordered_on),
      defaultSortOrder: 'descend',
    },
    { title: t('purchase.price'), dataIndex: 'price' },
    { title: t('purchase.listing'), dataIndex: 'listing_id', ellipsis: true, render: (id: string | null) => titleOf(id) },
    { title: t('purchase.what_arrived'), dataIndex: 'what_arrived', ellipsis: true },
    { title: t('purchase.appraisal_result'), dataIndex: 'appraisal_result', ellipsis: true },
    { title: t('purchase.photos'), key: 'photos', render: (_, p) => p.photos.length },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, p) => (
        <Space>
          <EditButton size="small" icon={<EditOutlined />} onClick={() => setForm({ open: true, purchase: p })}>
            {t('common.edit')}
          </EditButton>
          <Popconfirm
            title={t('common.confirmDelete')}
            description={t('common.confirmDeleteHint')}
            onConfirm={() =>
              del.mutateAsync(p.id).then(
                () => message.success(t('common.deleted')),
                (e: unknown) => notifyError(e),
              )
            }
          >
            <EditButton size="small" danger icon={<DeleteOutlined />}>
              {t('common.delete')}
            </EditButton>
          </Popconfirm>
        </Space>
      ),
    },
  ]

  return (
    <>
      <EditButton icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setForm({ open: true, purchase: null })} data-testid="purchase-new">
        {t('purchase.new')}
      </EditButton>
      <Table<TestPurchaseView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={purchases}
        pagination={false}
        expandable={{
          expandedRowRender: (p) => (
            <DocumentsPanel ownerKind="test_purchase" ownerId={p.id} documents={p.photos} gallery defaultKind="test_purchase_photo" />
          ),
        }}
        locale={{ emptyText: <Empty description={t('purchase.empty')} /> }}
      />
      <TestPurchaseForm
        open={form.open}
        complaintId={complaintId}
        listings={listings}
        purchase={form.purchase}
        onClose={() => setForm({ open: false, purchase: null })}
      />
    </>
  )
}
