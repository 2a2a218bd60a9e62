import { App, DatePicker, Form, Modal, Select } from 'antd'
import dayjs from 'dayjs'
import type { Dayjs } from 'dayjs'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useErrors } from '../lib/errors'
import { LISTING_OUTCOMES } from '../lib/enums'
import { toIsoDate } from '../lib/format'
import type { ListingOutcome } from '../lib/ipc/bindings'
import { useSetListingOutcomes } from '../lib/queries'
import FormButtons from './FormButtons'
import { useOpenedOnce } from '../lib/useOpenedOnce'

interface Values {
  outcome?: ListingOutcome
  on?: Dayjs | null
}

interface Props {
  complaintId: string
  /** The listings to set; the modal is open while there are some. */
  listingIds: string[]
  onClose: () => void
}

/** What became of the selected listings (removed, rejected …) and when. */
export default function OutcomeModal({ complaintId, listingIds, onClose }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const { message } = App.useApp()
  const { applyFormError } = useErrors()
  const set = useSetListingOutcomes()
  const open = listingIds.length > 0

  useEffect(() => {
    if (!open) return
    form.resetFields()
    form.setFieldsValue({ outcome: 'removed', on: dayjs() })
  }, [open, form])

  const onFinish = async (v: Values) => {
    const outcome = v.outcome ?? 'removed'
    try {
      await set.mutateAsync({
        id: complaintId,
        // "Pending" has no date: nothing has happened yet.
        input: { listing_ids: listingIds, outcome, on: outcome === 'pending' ? null : toIsoDate(v.on) },
      })
      message.success(t('listing.outcomeSaved', { count: listingIds.length }))
      onClose()
    } catch (e) {
      applyFormError(form, e, ['outcome', 'on'])
    }
  }

  const opened = useOpenedOnce(open)
  if (!opened) return null
  return (
    <Modal open={open} title={t('listing.setOutcomeTitle', { count: listingIds.length })} onCancel={onClose} footer={null} forceRender>
      <Form form={form} name="outcome" layout="vertical" onFinish={onFinish}>
        <Form.Item name="outcome" label={t('listing.outcome')} required>
          <Select options={LISTING_OUTCOMES.map((o) => ({ value: o, label: t(`enum.outcome.${o}`) }))} />
        </Form.Item>
        <Form.Item name="on" label={t('listing.outcome_on')}>
          <DatePicker />
        </Form.Item>
        <FormButtons onCancel={onClose} saving={set.isPending} testId="outcome-save" />
      </Form>
    </Modal>
  )
}
