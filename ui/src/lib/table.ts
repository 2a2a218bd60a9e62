import type { MouseEvent } from 'react'

/**
 * True when a row click came from its checkbox cell (or a control inside the row):
 * those must not also open the row.
 */
export function clickedControl(e: MouseEvent): boolean {
  const el = e.target as HTMLElement
  return !!el.closest('.ant-table-selection-column, button, a, input, .ant-typography-copy, .ant-dropdown')
}
