import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './index.css'
import './i18n'
import App from './App.tsx'

async function start() {
  // `npm run dev` in a plain browser (no Tauri): with VITE_BACKEND_URL set to
  // a running ui-test-server (the real command table over loopback), calls go
  // there; without it there is no backend and the start-up error page shows.
  const backendUrl: unknown = import.meta.env.VITE_BACKEND_URL
  if (import.meta.env.DEV && typeof backendUrl === 'string' && backendUrl && !('__TAURI_INTERNALS__' in window)) {
    const { installRealBackend } = await import('./test/realBackend')
    installRealBackend(backendUrl)
  }
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}

void start()
