import { useEffect } from 'react'

/**
 * Enter in a date field picks the date; it does not also submit the form
 * around it (the browser's implicit submission would save a half-filled
 * form). The keydown is seen first, in the capture phase, so the form's
 * submit that the same Enter causes is cancelled before React sees it; the
 * picker still gets the key and takes the date.
 */
export function useEnterInDatePickerOnlyPicks(root: Document = document) {
  useEffect(() => {
    let enterInPicker = false
    const onKeyDown = (e: KeyboardEvent) => {
      const target = e.target instanceof Element ? e.target : null
      if (e.key === 'Enter' && target?.closest('.ant-picker')) {
        enterInPicker = true
        // The submit, if any, follows within the same task.
        setTimeout(() => (enterInPicker = false), 0)
      }
    }
    const onSubmit = (e: Event) => {
      if (!enterInPicker) return
      enterInPicker = false
      e.preventDefault()
      e.stopPropagation()
    }
    root.addEventListener('keydown', onKeyDown, true)
    root.addEventListener('submit', onSubmit, true)
    return () => {
      root.removeEventListener('keydown', onKeyDown, true)
      root.removeEventListener('submit', onSubmit, true)
    }
  }, [root])
}
