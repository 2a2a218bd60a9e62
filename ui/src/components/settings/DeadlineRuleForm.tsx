import { Alert, App, AutoComplete, Form, Input, InputNumber, Modal, Select, Space, Switch } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { CALENDARS, DONE_WHEN, OFFSET_UNITS, PLATFORMS, TRIGGER_EVENTS } from '../../lib/enums'
import { useErrors } from '../../lib/errors'
import type { DeadlineRule, VersionedRule } from '../../lib/ipc/bindings'
import { useSaveDeadlineRule } from '../../lib/queries'
import FormButtons from '../FormButtons'

const FIELDS = ['due', 'trigger', 'platforms', 'offset', 'unit', 'calendar', 'time_zone', 'enabled', 'done_when', 'source'] as const
const ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Singapore', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'UTC']

type Values = Omit<DeadlineRule, 'key'>

/** Edits one rule; saving makes a new version (the old ones stay in its history). */
export default function DeadlineRuleForm({ rule, onClose }: { rule: VersionedRule | null; onClose: () => void }) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const { message } = App.useApp()
  const { applyFormError } = useErrors()
  const save = useSaveDeadlineRule()

  useEffect(() => {
    if (!rule) return
    form.resetFields()
    form.setFieldsValue({
      due: rule.due,
      trigger: rule.trigger,
      platforms: rule.platforms,
      offset: rule.offset,
      unit: rule.unit,
      calendar: rule.calendar,
      time_zone: rule.time_zone,
      enabled: rule.enabled,
      done_when: rule.done_when,
      source: rule.source,
    })
  }, [rule, form])

  const onFinish = async (v: Values) => {
    if (!rule) return
    const next: DeadlineRule = {
      key: rule.key,
      due: (v.due ?? '').trim(),
      trigger: v.trigger,
      platforms: v.platforms ?? [],
      offset: v.offset ?? 0,
      unit: v.unit,
      calendar: v.calendar,
      time_zone: (v.time_zone ?? '').trim(),
      enabled: v.enabled ?? true,
      done_when: v.done_when,
      source: (v.source ?? '').trim(),
    }
    try {
      const saved = await save.mutateAsync(next)
      message.success(t('rules.saved', { version: saved.version }))
      onClose()
    } catch (e) {
      applyFormError(form, e, FIELDS)
    }
  }

  return (
    <Modal open={rule !== null} title={t('rules.editTitle', { key: rule?.key ?? '' })} onCancel={onClose} footer={null} forceRender width={680}>
      <Form form={form} name="rule" layout="vertical" onFinish={onFinish}>
        <Alert type="info" showIcon title={t('rules.editHint')} style={{ marginBottom: 16 }} />
        <Form.Item name="due" label={t('rules.due')} required>
          <Input data-testid="rule-due" />
        </Form.Item>
        <Space wrap size="large" style={{ display: 'flex' }}>
          <Form.Item name="trigger" label={t('rules.trigger')}>
            <Select style={{ width: 260 }} options={TRIGGER_EVENTS.map((x) => ({ value: x, label: t(`enum.trigger.${x}`) }))} />
          </Form.Item>
          <Form.Item name="done_when" label={t('rules.doneWhen')}>
            <Select style={{ width: 220 }} options={DONE_WHEN.map((x) => ({ value: x, label: t(`enum.doneWhen.${x}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item name="platforms" label={t('rules.platforms')} extra={t('rules.platformsHint')}>
          <Select mode="multiple" allowClear options={PLATFORMS.map((p) => ({ value: p, label: t(`enum.platform.${p}`) }))} />
        </Form.Item>
        <Space wrap size="large" style={{ display: 'flex' }}>
          <Form.Item name="offset" label={t('rules.offset')} extra={t('rules.offsetHint')}>
            <InputNumber precision={0} style={{ width: 120 }} data-testid="rule-offset" />
          </Form.Item>
          <Form.Item name="unit" label={t('rules.unit')}>
            <Select style={{ width: 180 }} options={OFFSET_UNITS.map((x) => ({ value: x, label: t(`rules.unitName.${x}`) }))} />
          </Form.Item>
          <Form.Item name="calendar" label={t('rules.calendar')}>
            <Select style={{ width: 220 }} options={CALENDARS.map((x) => ({ value: x, label: t(`enum.calendar.${x}`) }))} />
          </Form.Item>
        </Space>
        <Space wrap size="large" style={{ display: 'flex' }}>
          <Form.Item name="time_zone" label={t('rules.timeZone')}>
            <AutoComplete style={{ width: 240 }} options={ZONES.map((z) => ({ value: z }))} showSearch={{ filterOption: true }}>
              <Input data-testid="rule-time-zone" />
            </AutoComplete>
          </Form.Item>
          <Form.Item name="enabled" label={t('rules.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.Item name="source" label={t('rules.source')} extra={t('rules.sourceHint')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <FormButtons onCancel={onClose} saving={save.isPending} testId="rule-save" />
      </Form>
    </Modal>
  )
}
