// Every test file talks to the real backend (ui-test-server, started by
// globalSetup.ts); each test resets its database first (resetBackend).
// jsdom lacks a few browser APIs that antd relies on.
import { cleanup, configure } from '@testing-library/react'
import { afterEach, inject } from 'vitest'
import { installRealBackend } from './realBackend'

installRealBackend(`http://127.0.0.1:${inject('backendPort')}`)

// The first render of antd in a cold worker is slow on a busy machine.
configure({ asyncUtilTimeout: 10_000 })

if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    configurable: true,
    value: (query: string): MediaQueryList =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      }) as MediaQueryList,
  })
}

if (!('ResizeObserver' in window)) {
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  Object.defineProperty(window, 'ResizeObserver', { writable: true, configurable: true, value: ResizeObserverStub })
  Object.defineProperty(globalThis, 'ResizeObserver', { writable: true, configurable: true, value: ResizeObserverStub })
}

// antd measures scrollbars through getComputedStyle with a pseudo-element, which jsdom does not implement.
const originalGetComputedStyle = window.getComputedStyle.bind(window)
window.getComputedStyle = (elt: Element, pseudo?: string | null) => originalGetComputedStyle(elt, pseudo ? undefined : pseudo)

afterEach(() => {
  cleanup()
  localStorage.clear()
})
