import { useState } from 'react'

/**
 * False until `open` has first been true, then true for good. A dialog
 * renders nothing before it is first opened: every page holds several, and
 * mounting their forms hidden made each visit to the page slow (the
 * dashboard's task form alone fetched a thousand complaints per visit).
 * After the first opening it stays mounted, so it closes with its animation.
 */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open)
  // Derived state, updated during render (React's documented pattern).
  if (open && !opened) setOpened(true)
  return opened || open
}
