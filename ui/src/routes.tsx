import { Navigate } from 'react-router-dom'
import type { RouteObject } from 'react-router-dom'
import Boot from './Boot'
import AgentsPage from './pages/AgentsPage'
import ComplaintDetailPage from './pages/ComplaintDetailPage'
import ComplaintsPage from './pages/ComplaintsPage'
import DashboardPage from './pages/DashboardPage'
import HolderDetailPage from './pages/HolderDetailPage'
import HoldersPage from './pages/HoldersPage'
import ListingDetailPage from './pages/ListingDetailPage'
import NotFoundPage from './pages/NotFoundPage'
import RightDetailPage from './pages/RightDetailPage'
import RightsPage from './pages/RightsPage'
import SellerDetailPage from './pages/SellerDetailPage'
import SellersPage from './pages/SellersPage'
import SettingsPage from './pages/SettingsPage'

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Boot />,
    children: [
      { index: true, element: <Navigate to="/holders" replace /> },
      { path: 'dashboard', element: <DashboardPage /> },
      { path: 'holders', element: <HoldersPage /> },
      { path: 'holders/:id', element: <HolderDetailPage /> },
      { path: 'rights', element: <RightsPage /> },
      { path: 'rights/:id', element: <RightDetailPage /> },
      { path: 'agents', element: <AgentsPage /> },
      { path: 'complaints', element: <ComplaintsPage /> },
      { path: 'complaints/:id', element: <ComplaintDetailPage /> },
      { path: 'sellers', element: <SellersPage /> },
      { path: 'sellers/:id', element: <SellerDetailPage /> },
      { path: 'listings/:id', element: <ListingDetailPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]
