import { QueryClient } from '@tanstack/react-query'
import { isDeskError } from './ipc/backend'

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A DeskError is the backend's considered answer: retrying will not change it.
        retry: (count, err) => !isDeskError(err) && count < 2,
        refetchOnWindowFocus: false,
        staleTime: 5_000,
      },
      mutations: { retry: false },
    },
  })
}
