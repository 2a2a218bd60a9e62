import { useEffect, useState } from 'react'

/** `value`, once it has stopped changing for `ms` (typing in a search box). */
export function useDebouncedValue<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return debounced
}

/**
 * A pixel height for a virtual table's body: the window's height less `reserved`
 * (header, toolbar, pagination), never below `min`. Virtual tables need a number.
 */
export function useTableHeight(reserved: number, min = 240): number {
  const [h, setH] = useState(() => (typeof window === 'undefined' ? 800 : window.innerHeight))
  useEffect(() => {
    const onResize = () => setH(window.innerHeight)
    window.addEventListener('resize', onResize)
    return () => window.removeEventListener('resize', onResize)
  }, [])
  return Math.max(min, h - reserved)
}
