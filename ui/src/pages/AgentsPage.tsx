import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, App, Card, Empty, Popconfirm, Space, Table } from 'antd'
import type { TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import AgentForm from '../components/AgentForm'
import PoaForm from '../components/PoaForm'
import { PoaStateTag } from '../components/Tags'
import { errorDetail, errorTitle, useErrors } from '../lib/errors'
import { AGENT_KINDS } from '../lib/enums'
import { compareStr, uniqueValues } from '../lib/format'
import type { AgentRow, PoaView } from '../lib/ipc/bindings'
import { useAgents, useDeleteAgent, useDeletePoa, useHolders, usePoas } from '../lib/queries'
import { EditButton } from '../lib/access'

export default function AgentsPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { notifyError } = useErrors()
  const agents = useAgents()
  const poas = usePoas()
  const holders = useHolders()
  const delAgent = useDeleteAgent()
  const delPoa = useDeletePoa()
  const [agentForm, setAgentForm] = useState<{ open: boolean; agent: AgentRow | null }>({ open: false, agent: null })
  const [poaForm, setPoaForm] = useState<{ open: boolean; poa: PoaView | null }>({ open: false, poa: null })

  const holderName = useMemo(() => {
    const m = new Map<string, string>()
    for (const h of holders.data ?? []) m.set(h.id, h.legal_name)
    return m
  }, [holders.data])

  const removed = (p: Promise<unknown>) =>
    p.then(
      () => message.success(t('common.deleted')),
      (e: unknown) => notifyError(e),
    )

  const agentRows = agents.data ?? []
  const agentColumns: TableColumnsType<AgentRow> = [
    { title: t('agent.name'), dataIndex: 'name', sorter: (a, b) => compareStr(a.name, b.name), defaultSortOrder: 'ascend' },
    {
      title: t('agent.kind'),
      dataIndex: 'kind',
      render: (k: AgentRow['kind']) => t(`enum.agentKind.${k}`),
      sorter: (a, b) => compareStr(a.kind, b.kind),
      filters: AGENT_KINDS.map((k) => ({ text: t(`enum.agentKind.${k}`), value: k })),
      onFilter: (v, a) => a.kind === v,
    },
    {
      title: t('agent.country'),
      dataIndex: 'country',
      sorter: (a, b) => compareStr(a.country, b.country),
      filters: uniqueValues(agentRows.map((a) => a.country)).map((c) => ({ text: c, value: c })),
      onFilter: (v, a) => a.country === v,
    },
    { title: t('agent.contact_email'), dataIndex: 'contact_email', sorter: (a, b) => compareStr(a.contact_email, b.contact_email) },
    { title: t('agent.poa_count'), dataIndex: 'poa_count', align: 'right', sorter: (a, b) => a.poa_count - b.poa_count },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, a) => (
        <Space>
          <EditButton size="small" icon={<EditOutlined />} onClick={() => setAgentForm({ open: true, agent: a })}>
            {t('common.edit')}
          </EditButton>
          <Popconfirm title={t('common.confirmDelete')} description={t('common.confirmDeleteHint')} onConfirm={() => removed(delAgent.mutateAsync(a.id))}>
            <EditButton size="small" danger icon={<DeleteOutlined />}>
              {t('common.delete')}
            </EditButton>
          </Popconfirm>
        </Space>
      ),
    },
  ]

  const poaColumns: TableColumnsType<PoaView> = [
    {
      title: t('poa.holder_id'),
      dataIndex: 'holder_id',
      render: (id: string) => <Link to={`/holders/${id}`}>{holderName.get(id) ?? id}</Link>,
      sorter: (a, b) => compareStr(holderName.get(a.holder_id), holderName.get(b.holder_id)),
    },
    { title: t('poa.agent_name'), dataIndex: 'agent_name', sorter: (a, b) => compareStr(a.agent_name, b.agent_name) },
    { title: t('poa.scope'), dataIndex: 'scope', sorter: (a, b) => compareStr(a.scope, b.scope) },
    {
      title: t('poa.validity'),
      key: 'validity',
      render: (_, p) => `${p.valid_from} → ${p.valid_until ?? t('poa.untilRevoked')}`,
      sorter: (a, b) => compareStr(a.valid_until ?? '9999', b.valid_until ?? '9999'),
    },
    {
      title: t('poa.state'),
      key: 'state',
      render: (_, p) => <PoaStateTag state={p.state} />,
      sorter: (a, b) => compareStr(a.state.state, b.state.state),
      filters: (['valid', 'expiring_soon', 'expired', 'not_yet_valid'] as const).map((s) => ({
        text: t(`enum.poaState.${s}`, { days: '…' }),
        value: s,
      })),
      onFilter: (v, p) => p.state.state === v,
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

  const err = agents.error ?? poas.error
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {err && <Alert type="error" showIcon title={errorTitle(t, err)} description={errorDetail(err)} />}
      <Card
        title={t('agent.list')}
        extra={
          <EditButton type="primary" icon={<PlusOutlined />} onClick={() => setAgentForm({ open: true, agent: null })} data-testid="agent-new">
            {t('agent.new')}
          </EditButton>
        }
      >
        <Table<AgentRow>
          rowKey="id"
          size="small"
          loading={agents.isLoading}
          columns={agentColumns}
          dataSource={agentRows}
          pagination={false}
          locale={{ emptyText: <Empty description={t('agent.empty')} /> }}
        />
      </Card>
      <Card
        title={t('poa.all')}
        extra={
          <EditButton icon={<PlusOutlined />} onClick={() => setPoaForm({ open: true, poa: null })} data-testid="poa-new">
            {t('poa.new')}
          </EditButton>
        }
      >
        <Table<PoaView>
          rowKey="id"
          size="small"
          loading={poas.isLoading}
          columns={poaColumns}
          dataSource={poas.data ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description={t('poa.empty')} /> }}
        />
      </Card>
      <AgentForm open={agentForm.open} agent={agentForm.agent} onClose={() => setAgentForm({ open: false, agent: null })} />
      <PoaForm open={poaForm.open} poa={poaForm.poa} onClose={() => setPoaForm({ open: false, poa: null })} />
    </Space>
  )
}
