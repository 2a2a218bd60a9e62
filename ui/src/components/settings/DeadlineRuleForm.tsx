import { Alert, App, AutoComplete, Form, Input, InputNumber, Modal, Select, Space, Switch } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { CALENDARS, DONE_WHEN, MAX_COUNTER_ROUND, MAX_EXTENSION_DAYS, OFFSET_UNITS, PLATFORMS, RIGHT_KINDS, TRIGGER_EVENTS } from '../../lib/enums'
import { useErrors } from '../../lib/errors'
import type { DeadlineRule, VersionedRule } from '../../lib/ipc/bindings'
import { useSaveDeadlineRule } from '../../lib/queries'
import FormButtons from '../FormButtons'
import { useOpenedOnce } from '../../lib/useOpenedOnce'

const FIELDS = [
  'due',
  'trigger',
  'platforms',
  'offset',
  'unit',
  'calendar',
  'time_zone',
  'enabled',
  'done_when',
  'source',
  'right_kinds',
  'rounds',
  'last_day_moves',
  'max_extension_days',
] as const
const ROUNDS = Array.from({ length: MAX_COUNTER_ROUND }, (_, i) => i + 1)
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
      right_kinds: rule.right_kinds,
      rounds: rule.rounds,
      last_day_moves: rule.last_day_moves,
      max_extension_days: rule.max_extension_days,
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
      right_kinds: v.right_kinds ?? [],
      rounds: v.rounds ?? [],
      last_day_moves: v.last_day_moves ?? false,
      max_extension_days: v.max_extension_days ?? 0,
    }
    try {
      const saved = await save.mutateAsync(next)
      message.success(t('rules.saved', { version: saved.version }))
      onClose()
    } catch (e) {
      applyFormError(form, e, FIELDS)
    }
  }

  const opened = useOpenedOnce(rule !== null)
  if (!opened) return null
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
        <Space wrap size="large" style={{ display: 'flex' }} align="start">
          <Form.Item name="right_kinds" label={t('rules.rightKinds')} extra={t('rules.rightKindsHint')} style={{ minWidth: 280 }}>
            <Select
              mode="multiple"
              allowClear
              placeholder={t('rules.anyKind')}
              options={RIGHT_KINDS.map((k) => ({ value: k, label: t(`enum.rightKind.${k}`) }))}
              data-testid="rule-right-kinds"
            />
          </Form.Item>
          <Form.Item name="rounds" label={t('rules.rounds')} extra={t('rules.roundsHint')} style={{ minWidth: 240 }}>
            <Select mode="multiple" allowClear placeholder={t('rules.anyRound')} options={ROUNDS.map((r) => ({ value: r, label: String(r) }))} />
          </Form.Item>
        </Space>
        <Space wrap size="large" style={{ display: 'flex' }} align="start">
          <Form.Item name="last_day_moves" label={t('rules.lastDayMoves')} valuePropName="checked">
            <Switch data-testid="rule-last-day-moves" />
          </Form.Item>
          <Form.Item name="max_extension_days" label={t('rules.maxExtensionDays')} extra={t('rules.maxExtensionDaysHint')} style={{ maxWidth: 280 }}>
            <InputNumber min={0} max={MAX_EXTENSION_DAYS} precision={0} />
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
