import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Card, Empty, Form, Input, Modal, Popconfirm, Space, Table, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useErrors } from '../../lib/errors'
import { compareStr } from '../../lib/format'
import type { Person, PersonDraft } from '../../lib/ipc/bindings'
import { useCreatePerson, useDeletePerson, usePeople, useUpdatePerson } from '../../lib/queries'
import FormButtons from '../FormButtons'
import { useOpenedOnce } from '../../lib/useOpenedOnce'
import { EditButton } from '../../lib/access'

function PersonForm({ open, person, onClose }: { open: boolean; person: Person | null; onClose: () => void }) {
  const { t } = useTranslation()
  const [form] = Form.useForm<PersonDraft>()
  const { message } = App.useApp()
  const { applyFormError } = useErrors()
  const create = useCreatePerson()
  const update = useUpdatePerson()

  useEffect(() => {
    if (!open) return
    form.resetFields()
    if (person) form.setFieldsValue({ name: person.name, email: person.email })
  }, [open, person, form])

  const onFinish = async (v: PersonDraft) => {
    const draft: PersonDraft = { name: (v.name ?? '').trim(), email: (v.email ?? '').trim() }
    try {
      if (person) await update.mutateAsync({ id: person.id, draft })
      else await create.mutateAsync(draft)
      message.success(t('common.saved'))
      onClose()
    } catch (e) {
      applyFormError(form, e, ['name', 'email'])
    }
  }

  const opened = useOpenedOnce(open)
  if (!opened) return null
  return (
    <Modal open={open} title={person ? t('people.editTitle') : t('people.new')} onCancel={onClose} footer={null} forceRender>
      <Form form={form} name="person" layout="vertical" onFinish={onFinish}>
        <Form.Item name="name" label={t('common.name')} required>
          <Input data-testid="person-name" />
        </Form.Item>
        <Form.Item name="email" label={t('common.email')}>
          <Input type="email" />
        </Form.Item>
        <FormButtons onCancel={onClose} saving={create.isPending || update.isPending} testId="person-save" />
      </Form>
    </Modal>
  )
}

/** The people deadlines and complaints can be assigned to. */
export default function PeopleCard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { notifyError } = useErrors()
  const people = usePeople()
  const del = useDeletePerson()
  const [form, setForm] = useState<{ open: boolean; person: Person | null }>({ open: false, person: null })

  const columns: TableColumnsType<Person> = [
    { title: t('common.name'), dataIndex: 'name', sorter: (a, b) => compareStr(a.name, b.name), defaultSortOrder: 'ascend' },
    { title: t('common.email'), dataIndex: 'email' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_, p) => (
        <Space>
          <EditButton size="small" icon={<EditOutlined />} onClick={() => setForm({ open: true, person: p })}>
            {t('common.edit')}
          </EditButton>
          <Popconfirm
            title={t('common.confirmDelete')}
            description={t('people.deleteHint')}
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
    <Card
      title={t('people.title')}
      data-testid="people-card"
      extra={
        <EditButton icon={<PlusOutlined />} onClick={() => setForm({ open: true, person: null })} data-testid="person-new">
          {t('people.new')}
        </EditButton>
      }
    >
      <Typography.Paragraph type="secondary">{t('people.hint')}</Typography.Paragraph>
      <Table<Person>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={people.data ?? []}
        loading={people.isLoading}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('people.empty')} /> }}
      />
      <PersonForm open={form.open} person={form.person} onClose={() => setForm({ open: false, person: null })} />
    </Card>
  )
}
