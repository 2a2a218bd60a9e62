import { render } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router-dom'
import Providers from '../Providers'
import { createQueryClient } from '../lib/queryClient'
import { routes } from '../routes'

/** Renders the whole app (real routes, providers) at `path`, in memory. */
export function renderApp(path: string) {
  const client = createQueryClient()
  client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retry: false } })
  const router = createMemoryRouter(routes, { initialEntries: [path] })
  const utils = render(
    <Providers client={client}>
      <RouterProvider router={router} />
    </Providers>,
  )
  return { ...utils, router, client }
}
