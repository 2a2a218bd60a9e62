import { App } from 'antd'
import type { FormInstance } from 'antd'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { isDeskError } from './ipc/backend'
import type { FieldError } from './ipc/bindings'

export function fieldErrorText(t: TFunction, f: FieldError): string {
  return t(`fieldError.${f.code}`, { defaultValue: f.message })
}

/** A one-line title for any rejected call. */
export function errorTitle(t: TFunction, e: unknown): string {
  if (isDeskError(e)) return t(`errorCode.${e.code}`, { defaultValue: t('common.error') })
  return t('common.error')
}

export function errorDetail(e: unknown): string {
  if (isDeskError(e)) return e.message
  if (e instanceof Error) return e.message
  return String(e)
}

/** Error reporting that never swallows anything. */
export function useErrors() {
  const { notification } = App.useApp()
  const { t } = useTranslation()

  const notifyError = useCallback(
    (e: unknown) => {
      const lines = [errorDetail(e)]
      if (isDeskError(e)) {
        for (const f of e.fields) lines.push(`${f.field}: ${fieldErrorText(t, f)}`)
      }
      notification.error({ title: errorTitle(t, e), description: lines.join('\n'), duration: 8 })
    },
    [notification, t],
  )

  /**
   * Puts the backend's field errors under the matching Form.Item.
   * Errors about fields not in this form (or errors without fields) go to a notification.
   */
  const applyFormError = useCallback(
    (form: FormInstance, e: unknown, formFields: readonly string[]) => {
      if (isDeskError(e) && e.fields.length > 0) {
        const known = e.fields.filter((f) => formFields.includes(f.field))
        const unknown = e.fields.filter((f) => !formFields.includes(f.field))
        const byField = new Map<string, string[]>()
        for (const f of known) {
          byField.set(f.field, [...(byField.get(f.field) ?? []), fieldErrorText(t, f)])
        }
        form.setFields([...byField].map(([name, errors]) => ({ name, errors })))
        if (unknown.length > 0 || known.length === 0) {
          notifyError({ ...e, fields: unknown })
        }
        return
      }
      notifyError(e)
    },
    [notifyError, t],
  )

  return { notifyError, applyFormError }
}
