import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, Card, Descriptions, Empty, Popconfirm, Space, Spin, Table, Tabs, Timeline, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import LoadFailed from '../components/LoadFailed'
import { Link, useNavigate, useParams } from 'react-router-dom'
import AccountForm from '../components/AccountForm'
import AuditTrail from '../components/AuditTrail'
import DocumentsPanel from '../components/DocumentsPanel'
import HolderForm from '../components/HolderForm'
import PacketButton from '../components/PacketButton'
import PoaForm from '../components/PoaForm'
import RightForm from '../components/RightForm'
import StatusChangeModal from '../components/StatusChangeModal'
import { AccountStatusTag, ExpiryTag, PoaStateTag, RegistrationTags } from '../components/Tags'
import { useErrors } from '../lib/errors'
import { compareStr, localTime, showDate } from '../lib/format'
import type { AccountView, PoaView, RightRow } from '../lib/ipc/bindings'
import { useDeleteAccount, useDeleteHolder, useDeletePoa, useHolder } from '../lib/queries'
import { EditButton } from '../lib/access'

function AccountHistory({ account }: { account: AccountView }) {
  const { t } = useTranslation()
  if (account.history.length === 0) return <Typography.Text type="secondary">{t('account.noHistory')}</Typography.Text>
  return (
    <Timeline
      items={account.history.map((h) => ({
        key: h.id,
        title: showDate(h.on),
        content: (
          <span>
            {`${t(`enum.accountStatus.${h.from}`)} → ${t(`enum.accountStatus.${h.to}`)}`}
            {h.note ? ` — ${h.note}` : ''}
          </span>
        ),
      }))}
    />
  )
}

export default function HolderDetailPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const { notifyError } = useErrors()
  const q = useHolder(id)
  const delHolder = useDeleteHolder()
  const delAccount = useDeleteAccount()
  const delPoa = useDeletePoa()
  const [editing, setEditing] = useState(false)
  const [accountForm, setAccountForm] = useState<{ open: boolean; account: AccountView | null }>({ open: false, account: null })
  const [statusFor, setStatusFor] = useState<AccountView | null>(null)
  const [poaForm, setPoaForm] = useState<{ open: boolean; poa: PoaView | null }>({ open: false, poa: null })
  const [addingRight, setAddingRight] = useState(false)

  if (q.isLoading) return <Spin />
  if (q.isError || !q.data) {
    return <LoadFailed error={q.error} backTo="/holders" backLabel={t('app.backHome')} />
  }
  const { holder, accounts, poas, rights, documents } = q.data

  const removed = (p: Promise<unknown>, after?: () => void) =>
    p.then(
      () => {
        message.success(t('common.deleted'))
        after?.()
      },
      (e: unknown) => notifyError(e),
    )

  const accountColumns: TableColumnsType<AccountView> = [
    {
      title: t('account.programme'),
      dataIndex: 'programme',
      render: (p: AccountView['programme']) => t(`enum.programme.${p}`),
      sorter: (a, b) => compareStr(a.programme, b.programme),
    },
    {
      title: t('account.role'),
      dataIndex: 'role',
      render: (r: AccountView['role'], a) =>
        a.agent_name ? `${t(`enum.accountRole.${r}`)} (${a.agent_name})` : t(`enum.accountRole.${r}`),
      sorter: (a, b) => compareStr(a.role, b.role),
    },
    {
      title: t('account.location'),
      dataIndex: 'location',
      render: (l: AccountView['location']) => t(`enum.accountLocation.${l}`),
      sorter: (a, b) => compareStr(a.location, b.location),
    },
    { title: t('account.login_email'), dataIndex: 'login_email', sorter: (a, b) => compareStr(a.login_email, b.login_email) },
    {
      title: t('account.status'),
      dataIndex: 'status',
      render: (s: AccountView['status']) => <AccountStatusTag status={s} />,
      sorter: (a, b) => compareStr(a.status, b.status),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, a) => (
        <Space wrap>
          <Button size="small" disabled={a.next_statuses.length === 0} onClick={() => setStatusFor(a)}>
            {t('account.changeStatus')}
          </Button>
          <EditButton size="small" icon={<EditOutlined />} onClick={() => setAccountForm({ open: true, account: a })}>
            {t('common.edit')}
          </EditButton>
          <PacketButton
            size="small"
            kind="registration"
            id={a.id}
            defaultName={`registration-${a.programme}-${holder.latin_name || holder.legal_name}`}
          />
          <Popconfirm title={t('common.confirmDelete')} description={t('common.confirmDeleteHint')} onConfirm={() => removed(delAccount.mutateAsync(a.id))}>
            <EditButton size="small" danger icon={<DeleteOutlined />}>
              {t('common.delete')}
            </EditButton>
          </Popconfirm>
        </Space>
      ),
    },
  ]

  const poaColumns: TableColumnsType<PoaView> = [
    { title: t('poa.agent_name'), dataIndex: 'agent_name', sorter: (a, b) => compareStr(a.agent_name, b.agent_name) },
    { title: t('poa.scope'), dataIndex: 'scope', sorter: (a, b) => compareStr(a.scope, b.scope) },
    { title: t('poa.valid_from'), dataIndex: 'valid_from', sorter: (a, b) => compareStr(a.valid_from, b.valid_from) },
    {
      title: t('poa.valid_until'),
      dataIndex: 'valid_until',
      render: (v: string | null) => v ?? t('poa.untilRevoked'),
      sorter: (a, b) => compareStr(a.valid_until ?? '9999', b.valid_until ?? '9999'),
    },
    {
      title: t('poa.state'),
      key: 'state',
      render: (_, p) => <PoaStateTag state={p.state} />,
      sorter: (a, b) => compareStr(a.state.state, b.state.state),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, p) => (
        <Space>
          <EditButton size="small" icon={<EditOutlined />} onClick={() => setPoaForm({ open: true, poa: p })}>
            {t('common.edit')}
          </EditButton>
          <Popconfirm title={t('common.confirmDelete')} description={t('common.confirmDeleteHint')} onConfirm={() => removed(delPoa.mutateAsync(p.id))}>
            <EditButton size="small" danger icon={<DeleteOutlined />}>
              {t('common.delete')}
            </EditButton>
          </Popconfirm>
        </Space>
      ),
    },
  ]

  const rightColumns: TableColumnsType<RightRow> = [
    {
      title: t('right.title'),
      dataIndex: 'title',
      render: (v: string, r) => <Link to={`/rights/${r.id}`}>{v}</Link>,
      sorter: (a, b) => compareStr(a.title, b.title),
    },
    {
      title: t('right.kind'),
      dataIndex: 'kind',
      render: (k: RightRow['kind']) => t(`enum.rightKind.${k}`),
      sorter: (a, b) => compareStr(a.kind, b.kind),
    },
    { title: t('right.registration_number'), dataIndex: 'registration_number', sorter: (a, b) => compareStr(a.registration_number, b.registration_number) },
    { title: t('right.jurisdiction'), dataIndex: 'jurisdiction', sorter: (a, b) => compareStr(a.jurisdiction, b.jurisdiction) },
    {
      title: t('right.expiry_date'),
      dataIndex: 'expiry_date',
      render: (v: string | null, r) => (
        <Space>
          {showDate(v)}
          <ExpiryTag flag={r.expiry} />
        </Space>
      ),
      sorter: (a, b) => compareStr(a.expiry_date, b.expiry_date),
    },
    { title: t('right.registrations'), key: 'regs', render: (_, r) => <RegistrationTags regs={r.registrations} /> },
  ]

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={holder.legal_name}
        extra={
          <Space>
            <EditButton icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </EditButton>
            <Popconfirm
              title={t('common.confirmDelete')}
              description={t('common.confirmDeleteHint')}
              onConfirm={() => removed(delHolder.mutateAsync(holder.id), () => navigate('/holders'))}
            >
              <EditButton danger icon={<DeleteOutlined />}>
                {t('common.delete')}
              </EditButton>
            </Popconfirm>
          </Space>
        }
      >
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'kind', label: t('holder.kind'), children: t(`enum.holderKind.${holder.kind}`) },
            { key: 'legal_name', label: t('holder.legal_name_short'), children: holder.legal_name },
            { key: 'latin_name', label: t('holder.latin_name'), children: holder.latin_name },
            { key: 'country', label: t('holder.country'), children: holder.country },
            { key: 'registration_number', label: t('holder.registration_number'), children: holder.registration_number },
            { key: 'contact_email', label: t('holder.contact_email'), children: holder.contact_email },
            { key: 'address', label: t('holder.address'), children: holder.address, span: 'filled' },
            { key: 'notes', label: t('holder.notes'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{holder.notes}</span>, span: 'filled' },
            { key: 'created', label: t('common.createdAt'), children: localTime(holder.created_at) },
            { key: 'updated', label: t('common.updatedAt'), children: localTime(holder.updated_at) },
          ]}
        />
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: 'accounts',
              label: t('holder.tabAccounts'),
              children: (
                <>
                  <EditButton icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setAccountForm({ open: true, account: null })} data-testid="account-new">
                    {t('account.new')}
                  </EditButton>
                  <Table<AccountView>
                    rowKey="id"
                    size="small"
                    columns={accountColumns}
                    dataSource={accounts}
                    pagination={false}
                    expandable={{ expandedRowRender: (a) => <AccountHistory account={a} /> }}
                    locale={{ emptyText: <Empty description={t('account.empty')} /> }}
                  />
                </>
              ),
            },
            {
              key: 'poas',
              label: t('holder.tabPoas'),
              children: (
                <>
                  <EditButton icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setPoaForm({ open: true, poa: null })} data-testid="poa-new">
                    {t('poa.new')}
                  </EditButton>
                  <Table<PoaView>
                    rowKey="id"
                    size="small"
                    columns={poaColumns}
                    dataSource={poas}
                    pagination={false}
                    locale={{ emptyText: <Empty description={t('poa.empty')} /> }}
                  />
                </>
              ),
            },
            {
              key: 'rights',
              label: t('holder.tabRights'),
              children: (
                <>
                  <EditButton icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setAddingRight(true)} data-testid="holder-add-right">
                    {t('holder.addRight')}
                  </EditButton>
                  <Table<RightRow>
                    rowKey="id"
                    size="small"
                    columns={rightColumns}
                    dataSource={rights}
                    pagination={false}
                    locale={{ emptyText: <Empty description={t('holder.noRights')} /> }}
                  />
                </>
              ),
            },
            {
              key: 'documents',
              label: t('holder.tabDocuments'),
              children: <DocumentsPanel ownerKind="holder" ownerId={holder.id} documents={documents} />,
            },
            { key: 'audit', label: t('holder.tabAudit'), children: <AuditTrail id={holder.id} /> },
          ]}
        />
      </Card>
      <HolderForm open={editing} holder={holder} onClose={() => setEditing(false)} />
      <AccountForm
        open={accountForm.open}
        account={accountForm.account}
        holderId={holder.id}
        poas={poas}
        onClose={() => setAccountForm({ open: false, account: null })}
      />
      <StatusChangeModal account={statusFor} onClose={() => setStatusFor(null)} />
      <PoaForm
        open={poaForm.open}
        poa={poaForm.poa}
        holderId={holder.id}
        onClose={() => setPoaForm({ open: false, poa: null })}
      />
      <RightForm
        open={addingRight}
        registrantId={holder.id}
        onClose={() => setAddingRight(false)}
        onSaved={(r) => navigate(`/rights/${r.id}`)}
      />
    </Space>
  )
}
