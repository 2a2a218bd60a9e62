import { Spin } from 'antd'
import { lazy, Suspense } from 'react'
import type { ComponentType } from 'react'
import { matchRoutes, Navigate } from 'react-router-dom'
import type { RouteObject } from 'react-router-dom'
import Boot from './Boot'
import HoldersPage from './pages/HoldersPage'

// Each page but the first is its own chunk, loaded when its route is first
// shown: the window loads React, antd's frame and the holders page it opens
// on (1.3 MB of script), not all thirteen pages (1.7 MB before the split).
// The holders page stays in the main chunk: loaded lazily it came after the
// backend's first answer and cost ~250 ms more CPU to the first data.
type PageModule = { default: ComponentType }
type Load = () => Promise<PageModule>

const pages = {
  dashboard: () => import('./pages/DashboardPage'),
  holder: () => import('./pages/HolderDetailPage'),
  rights: () => import('./pages/RightsPage'),
  right: () => import('./pages/RightDetailPage'),
  agents: () => import('./pages/AgentsPage'),
  complaints: () => import('./pages/ComplaintsPage'),
  complaint: () => import('./pages/ComplaintDetailPage'),
  sellers: () => import('./pages/SellersPage'),
  seller: () => import('./pages/SellerDetailPage'),
  listing: () => import('./pages/ListingDetailPage'),
  settings: () => import('./pages/SettingsPage'),
  notFound: () => import('./pages/NotFoundPage'),
} satisfies Record<string, Load>

/** The route's page behind a spinner while its chunk loads; the layout stays. */
function page(load: Load): Pick<RouteObject, 'element' | 'handle'> {
  const Page = lazy(load)
  return {
    element: (
      <Suspense
        fallback={
          <div style={{ display: 'flex', justifyContent: 'center', padding: 48 }}>
            <Spin />
          </div>
        }
      >
        <Page />
      </Suspense>
    ),
    handle: { load },
  }
}

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Boot />,
    children: [
      { index: true, element: <Navigate to="/holders" replace /> },
      { path: 'dashboard', ...page(pages.dashboard) },
      { path: 'holders', element: <HoldersPage /> },
      { path: 'holders/:id', ...page(pages.holder) },
      { path: 'rights', ...page(pages.rights) },
      { path: 'rights/:id', ...page(pages.right) },
      { path: 'agents', ...page(pages.agents) },
      { path: 'complaints', ...page(pages.complaints) },
      { path: 'complaints/:id', ...page(pages.complaint) },
      { path: 'sellers', ...page(pages.sellers) },
      { path: 'sellers/:id', ...page(pages.seller) },
      { path: 'listings/:id', ...page(pages.listing) },
      { path: 'settings', ...page(pages.settings) },
      { path: '*', ...page(pages.notFound) },
    ],
  },
]

/**
 * Starts loading the chunk of the page at `pathname` now (a window reloaded
 * on another page), so it arrives while the app waits for the backend's
 * first answer instead of after it.
 */
export function preloadPage(pathname: string): void {
  for (const m of matchRoutes(routes, pathname) ?? []) {
    const load = (m.route.handle as { load?: Load } | undefined)?.load
    if (load) void load()
  }
}
