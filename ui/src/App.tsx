import { useState } from 'react'
import { createHashRouter, RouterProvider } from 'react-router-dom'
import Providers from './Providers'
import { createQueryClient } from './lib/queryClient'
import { routes } from './routes'

export default function App() {
  const [client] = useState(createQueryClient)
  const [router] = useState(() => createHashRouter(routes))
  return (
    <Providers client={client}>
      <RouterProvider router={router} useTransitions={false} />
    </Providers>
  )
}
