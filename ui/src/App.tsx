import { useState } from 'react'
import { createHashRouter, RouterProvider } from 'react-router-dom'
import Providers from './Providers'
import { createQueryClient } from './lib/queryClient'
import { preloadPage, routes } from './routes'

export default function App() {
  const [client] = useState(createQueryClient)
  const [router] = useState(() => {
    const router = createHashRouter(routes)
    // A lazily loaded first page (a reload) loads beside the backend's first call.
    preloadPage(router.state.location.pathname)
    return router
  })
  return (
    <Providers client={client}>
      <RouterProvider router={router} useTransitions={false} />
    </Providers>
  )
}
