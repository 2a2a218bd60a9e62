import { useQuery } from '@tanstack/react-query'
import * as api from './ipc/backend'
import { keys } from './queries'

/**
 * May the signed-in person change anything? Solo: yes. Team edition: not a
 * viewer. The database enforces the roles whatever the UI shows; this only
 * keeps a viewer from being offered what would be refused.
 */
export function useCanEdit(): boolean {
  const { data } = useQuery({ queryKey: keys.whoami, queryFn: api.whoami, staleTime: Infinity })
  return !(data?.team === true && data.role === 'viewer')
}
