import { useEffect, useRef, useState } from 'react'
import type { RefObject } from 'react'

/** Is the physical drop position (from Tauri) over `el`, and not covered by a modal or drawer? */
function isOver(el: HTMLElement | null, pos: { x: number; y: number }): boolean {
  if (!el) return false
  const ratio = window.devicePixelRatio || 1
  const hit = document.elementFromPoint(pos.x / ratio, pos.y / ratio)
  return hit !== null && el.contains(hit)
}

/**
 * Files dropped onto the window from the desktop, for the element `target`.
 * Tauri reports drops window-wide; hit-testing the position lets several drop
 * zones share a page (complaint evidence, a listing's drawer, test purchase
 * photos) without all of them attaching the same files. Returns whether a drag
 * is over the target now.
 */
export function useFileDrop(target: RefObject<HTMLElement | null>, onDrop: (paths: string[]) => void, enabled = true): boolean {
  const [over, setOver] = useState(false)
  const latest = useRef({ onDrop, enabled })
  useEffect(() => {
    latest.current = { onDrop, enabled }
  })

  useEffect(() => {
    let unlisten: (() => void) | null = null
    let cancelled = false
    const setup = async () => {
      try {
        const { getCurrentWebview } = await import('@tauri-apps/api/webview')
        const un = await getCurrentWebview().onDragDropEvent((event) => {
          const p = event.payload
          if (!latest.current.enabled || p.type === 'leave') {
            setOver(false)
            return
          }
          const inside = isOver(target.current, p.position)
          if (p.type === 'drop') {
            setOver(false)
            if (inside) latest.current.onDrop(p.paths)
          } else {
            setOver(inside)
          }
        })
        if (cancelled) un()
        else unlisten = un
      } catch {
        // Not running inside Tauri (unit tests, plain browser): no drag and drop.
      }
    }
    void setup()
    return () => {
      cancelled = true
      if (unlisten) unlisten()
    }
  }, [target])

  return over
}
