import type { TFunction } from 'i18next'
import { GOOD_FAITH_COUNTER_MAX, GOOD_FAITH_TAKEDOWN_MIN } from '../../lib/enums'
import { percent } from '../../lib/format'
import type { GoodFaithLevel, GoodFaithRow } from '../../lib/ipc/bindings'

export const LEVEL_COLOR: Record<GoodFaithLevel, string> = {
  no_data: '#bfbfbf',
  ok: '#52c41a',
  warning: '#faad14',
  failing: '#ff4d4f',
}
/** Says which rate is near or over its line (or that both are clear). */
export function goodFaithSentence(t: TFunction, row: Pick<GoodFaithRow, 'figures' | 'check'>): string {
  const { check, figures } = row
  const parts: string[] = []
  const takedown = { rate: percent(figures.takedown_rate), line: GOOD_FAITH_TAKEDOWN_MIN }
  const counter = { rate: percent(figures.successful_counter_rate), line: GOOD_FAITH_COUNTER_MAX }
  if (check.takedown_level === 'failing') parts.push(t('goodFaith.takedownFailing', takedown))
  if (check.takedown_level === 'warning') parts.push(t('goodFaith.takedownWarning', takedown))
  if (check.counter_level === 'failing') parts.push(t('goodFaith.counterFailing', counter))
  if (check.counter_level === 'warning') parts.push(t('goodFaith.counterWarning', counter))
  if (parts.length > 0) return parts.join(' ')
  return check.level === 'no_data' ? t('goodFaith.noData') : t('goodFaith.clear')
}

