import { Navigate } from 'react-router-dom'
import type { RouteObject } from 'react-router-dom'
import Boot from './Boot'
import AgentsPage from './pages/AgentsPage'
import HolderDetailPage from './pages/HolderDetailPage'
import HoldersPage from './pages/HoldersPage'
import NotFoundPage from './pages/NotFoundPage'
import RightDetailPage from './pages/RightDetailPage'
import RightsPage from './pages/RightsPage'
import SettingsPage from './pages/SettingsPage'

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Boot />,
    children: [
      { index: true, element: <Navigate to="/holders" replace /> },
      { path: 'holders', element: <HoldersPage /> },
      { path: 'holders/:id', element: <HolderDetailPage /> },
      { path: 'rights', element: <RightsPage /> },
      { path: 'rights/:id', element: <RightDetailPage /> },
      { path: 'agents', element: <AgentsPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]
