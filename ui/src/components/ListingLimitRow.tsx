import { App, Button, InputNumber, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_LISTINGS_LIMIT } from '../lib/enums'
import { useErrors } from '../lib/errors'
import type { Programme } from '../lib/ipc/bindings'
import { useMaxListings, useSetMaxListings } from '../lib/queries'

/** One programme's limit of listings per complaint (IPP takes 300 today; the programme may change it). */
export default function ListingLimitRow({ programme }: { programme: Programme }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { notifyError } = useErrors()
  const current = useMaxListings(programme)
  const save = useSetMaxListings()
  // null: not edited, show the stored value.
  const [draft, setDraft] = useState<number | null>(null)
  const value = draft ?? current.data ?? null
  const changed = draft !== null && draft !== current.data

  return (
    <Space wrap>
      <Typography.Text style={{ display: 'inline-block', width: 220 }}>{t(`enum.programme.${programme}`)}</Typography.Text>
      <InputNumber
        id={`limit-${programme}`}
        aria-label={t(`enum.programme.${programme}`)}
        min={1}
        max={MAX_LISTINGS_LIMIT}
        precision={0}
        value={value}
        disabled={current.isLoading}
        onChange={(v) => setDraft(typeof v === 'number' ? v : null)}
        suffix={t('settings.perComplaint')}
        style={{ width: 200 }}
      />
      <Button
        disabled={!changed}
        loading={save.isPending}
        data-testid={`limit-save-${programme}`}
        onClick={() =>
          draft !== null &&
          save.mutate(
            { programme, max: draft },
            {
              onSuccess: () => {
                setDraft(null)
                message.success(t('common.saved'))
              },
              onError: notifyError,
            },
          )
        }
      >
        {t('common.save')}
      </Button>
    </Space>
  )
}
