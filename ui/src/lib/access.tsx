import { Button } from 'antd'
import type { ButtonProps } from 'antd'
import { forwardRef } from 'react'
import { useCanEdit } from './useCanEdit'

/** A button that changes data: not shown to someone who may only read (a team viewer). */
export const EditButton = forwardRef<HTMLButtonElement, ButtonProps>(function EditButton(props, ref) {
  return useCanEdit() ? <Button ref={ref} {...props} /> : null
})
