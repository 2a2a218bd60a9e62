import { App, Button, Checkbox, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { useErrors } from '../../lib/errors'
import { useSetDeadlineDone } from '../../lib/queries'

/** Ticks a deadline off (or back on); the success message offers an Undo. */
export default function DoneToggle({ id, done, title }: { id: string; done: boolean; title: string }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { notifyError } = useErrors()
  const set = useSetDeadlineDone()

  const change = async (next: boolean) => {
    try {
      await set.mutateAsync({ id, done: next })
    } catch (e) {
      notifyError(e)
      return
    }
    const key = `deadline-done-${id}`
    const undo = () => {
      message.destroy(key)
      set.mutate({ id, done: !next }, { onError: notifyError })
    }
    message.success({
      key,
      duration: 6,
      content: (
        <Space>
          {next ? t('deadline.markedDone', { title }) : t('deadline.markedOpen', { title })}
          <Button size="small" type="link" onClick={undo} data-testid="deadline-undo">
            {t('deadline.undo')}
          </Button>
        </Space>
      ),
    })
  }

  return (
    <Checkbox
      checked={done}
      disabled={set.isPending}
      onChange={(e) => void change(e.target.checked)}
      aria-label={t('deadline.done')}
      data-testid={`deadline-done-${id}`}
    />
  )
}
