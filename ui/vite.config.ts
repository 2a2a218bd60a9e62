/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// https://vite.dev/config/
export default defineConfig({
  plugins: [react()],
  // Served by Tauri from a custom protocol: relative asset paths, everything bundled.
  base: './',
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 4096,
  },
  server: {
    port: 5173,
    strictPort: true,
  },
  test: {
    environment: 'jsdom',
    // The tests call the real Rust command table: one ui-test-server for the
    // run (see src/test/globalSetup.ts), its database reset by each test, so
    // test files run one at a time.
    globalSetup: ['./src/test/globalSetup.ts'],
    fileParallelism: false,
    setupFiles: ['./src/test/setup.ts'],
    testTimeout: 30_000,
    css: false,
  },
})
