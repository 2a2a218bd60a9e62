import { useQuery } from '@tanstack/react-query'
import * as api from './ipc/backend'
import type { WhoAmI } from './ipc/bindings'
import { keys } from './queries'

/**
 * May the signed-in person change anything? Solo: yes. Team edition: not a
 * viewer. The database enforces the roles whatever the UI shows; this only
 * keeps a viewer from being offered what would be refused.
 */
export function useCanEdit(): boolean {
  const me = useWhoAmI()
  return !(me?.team === true && me.role === 'viewer')
}

/** Who is signed in (the OS user in the solo edition); undefined until known. */
export function useWhoAmI(): WhoAmI | undefined {
  return useQuery({ queryKey: keys.whoami, queryFn: api.whoami, staleTime: Infinity }).data
}
