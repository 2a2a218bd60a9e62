import type { TFunction } from 'i18next'
import type { DeadlineRule } from '../../lib/ipc/bindings'

/** "3 working days after", "90 calendar days before". */
export function offsetText(t: TFunction, r: Pick<DeadlineRule, 'offset' | 'unit'>): string {
  const n = Math.abs(r.offset)
  const unit = t(`enum.offsetUnit.${r.unit}`, { count: n })
  return r.offset < 0 ? t('rules.before', { n, unit }) : t('rules.after', { n, unit })
}

export function platformsText(t: TFunction, r: Pick<DeadlineRule, 'platforms'>): string {
  return r.platforms.length === 0 ? t('rules.allPlatforms') : r.platforms.map((p) => t(`enum.platform.${p}`)).join(t('common.listSeparator'))
}
