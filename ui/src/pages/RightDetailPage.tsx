import { CheckCircleTwoTone, CloseCircleTwoTone, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Card, Descriptions, Empty, Popconfirm, Space, Spin, Table, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import LoadFailed from '../components/LoadFailed'
import { Link, useNavigate, useParams } from 'react-router-dom'
import AuditTrail from '../components/AuditTrail'
import DocumentsPanel from '../components/DocumentsPanel'
import PacketButton from '../components/PacketButton'
import RegistrationForm from '../components/RegistrationForm'
import RightForm from '../components/RightForm'
import { ExpiryTag, RegStateTag } from '../components/Tags'
import { useErrors } from '../lib/errors'
import { compareStr, localTime, showDate } from '../lib/format'
import type { PlatformBacking, ProgrammeRegistration } from '../lib/ipc/bindings'
import { useDeleteRight, useRight } from '../lib/queries'
import { EditButton } from '../lib/access'

export default function RightDetailPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const { notifyError } = useErrors()
  const q = useRight(id)
  const del = useDeleteRight()
  const [editing, setEditing] = useState(false)
  const [regForm, setRegForm] = useState<{ open: boolean; reg: ProgrammeRegistration | null }>({ open: false, reg: null })

  if (q.isLoading) return <Spin />
  if (q.isError || !q.data) {
    return <LoadFailed error={q.error} backTo="/rights" backLabel={t('nav.rights')} />
  }
  const r = q.data

  const regColumns: TableColumnsType<ProgrammeRegistration> = [
    {
      title: t('reg.programme'),
      dataIndex: 'programme',
      render: (p: ProgrammeRegistration['programme']) => t(`enum.programme.${p}`),
      sorter: (a, b) => compareStr(a.programme, b.programme),
    },
    {
      title: t('reg.state'),
      dataIndex: 'state',
      render: (s: ProgrammeRegistration['state']) => <RegStateTag state={s} />,
      sorter: (a, b) => compareStr(a.state, b.state),
    },
    { title: t('reg.reference'), dataIndex: 'reference', sorter: (a, b) => compareStr(a.reference, b.reference) },
    { title: t('reg.submitted_on'), dataIndex: 'submitted_on', render: showDate, sorter: (a, b) => compareStr(a.submitted_on, b.submitted_on) },
    { title: t('reg.decided_on'), dataIndex: 'decided_on', render: showDate, sorter: (a, b) => compareStr(a.decided_on, b.decided_on) },
    { title: t('reg.notes'), dataIndex: 'notes' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, reg) => (
        <EditButton size="small" icon={<EditOutlined />} onClick={() => setRegForm({ open: true, reg })}>
          {t('common.edit')}
        </EditButton>
      ),
    },
  ]

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            {r.title}
            <ExpiryTag flag={r.expiry} />
          </Space>
        }
        extra={
          <Space>
            <PacketButton kind="ip_right" id={r.id} defaultName={`right-${r.registration_number || r.title}`} />
            <EditButton icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </EditButton>
            <Popconfirm
              title={t('common.confirmDelete')}
              description={t('common.confirmDeleteHint')}
              onConfirm={() =>
                del.mutateAsync(r.id).then(
                  () => {
                    message.success(t('common.deleted'))
                    navigate('/rights')
                  },
                  (e: unknown) => notifyError(e),
                )
              }
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
            { key: 'kind', label: t('right.kind'), children: t(`enum.rightKind.${r.kind}`) },
            { key: 'mark_type', label: t('right.mark_type'), children: r.mark_type ? t(`enum.markType.${r.mark_type}`) : t('common.none') },
            { key: 'registration_number', label: t('right.registration_number'), children: r.registration_number },
            {
              key: 'jurisdiction',
              label: t('right.jurisdiction'),
              children: r.jurisdiction,
            },
            { key: 'designations', label: t('right.designations'), children: r.designations.join(', ') || t('common.none') },
            {
              key: 'registrant',
              label: t('right.registrant_name'),
              children: <Link to={`/holders/${r.registrant_id}`}>{r.registrant_name}</Link>,
            },
            { key: 'nice', label: t('right.nice_classes'), children: r.nice_classes.join(', ') || t('common.none') },
            { key: 'filing', label: t('right.filing_date'), children: showDate(r.filing_date) },
            { key: 'registration', label: t('right.registration_date'), children: showDate(r.registration_date) },
            {
              key: 'expiry',
              label: t('right.expiry_date'),
              children: (
                <Space>
                  {showDate(r.expiry_date)}
                  <ExpiryTag flag={r.expiry} />
                </Space>
              ),
            },
            { key: 'notes', label: t('right.notes'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.notes}</span>, span: 'filled' },
            { key: 'created', label: t('common.createdAt'), children: localTime(r.created_at) },
            { key: 'updated', label: t('common.updatedAt'), children: localTime(r.updated_at) },
          ]}
        />
      </Card>
      <Card
        title={t('right.registrations')}
        extra={
          <EditButton icon={<PlusOutlined />} onClick={() => setRegForm({ open: true, reg: null })} data-testid="registration-new">
            {t('reg.add')}
          </EditButton>
        }
      >
        <Table<ProgrammeRegistration>
          rowKey="id"
          size="small"
          columns={regColumns}
          dataSource={r.registrations}
          pagination={false}
          locale={{ emptyText: <Empty description={t('right.noRegistrations')} /> }}
        />
      </Card>
      <Card title={t('right.backing')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {r.backing.map((b: PlatformBacking) => (
            <div key={b.platform}>
              <Space>
                {b.refused ? <CloseCircleTwoTone twoToneColor="#ff4d4f" /> : <CheckCircleTwoTone twoToneColor="#52c41a" />}
                <Typography.Text strong>{t(`enum.platform.${b.platform}`)}</Typography.Text>
                <Typography.Text type={b.refused ? 'danger' : 'success'}>
                  {b.refused ? t(`enum.cannotBack.${b.refused}`) : t('right.canBack')}
                </Typography.Text>
              </Space>
            </div>
          ))}
        </Space>
      </Card>
      <Card title={t('right.documents')}>
        <DocumentsPanel ownerKind="right" ownerId={r.id} documents={r.documents} />
      </Card>
      <Card title={t('right.audit')}>
        <AuditTrail id={r.id} />
      </Card>
      <RightForm open={editing} right={r} onClose={() => setEditing(false)} />
      <RegistrationForm
        open={regForm.open}
        rightId={r.id}
        existing={r.registrations}
        registration={regForm.reg}
        onClose={() => setRegForm({ open: false, reg: null })}
      />
    </Space>
  )
}
