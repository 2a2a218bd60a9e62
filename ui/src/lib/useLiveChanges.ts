import { useEffect } from 'react'
import type { QueryClient } from '@tanstack/react-query'

/**
 * Team edition: when another desktop commits a change, the backend emits
 * `data-changed` (the tables changed) and every query refetches, so the
 * manager's open dashboard shows a paralegal's new deadline without a reload.
 * Solo edition and tests: no such event, nothing happens.
 */
export function useLiveChanges(client: QueryClient): void {
  useEffect(() => {
    let unlisten: (() => void) | null = null
    let cancelled = false
    const setup = async () => {
      try {
        const { listen } = await import('@tauri-apps/api/event')
        const un = await listen<string[]>('data-changed', () => {
          void client.invalidateQueries()
        })
        if (cancelled) un()
        else unlisten = un
      } catch {
        // Not running inside Tauri (unit tests, a plain browser): no live changes.
      }
    }
    void setup()
    return () => {
      cancelled = true
      if (unlisten) unlisten()
    }
  }, [client])
}
