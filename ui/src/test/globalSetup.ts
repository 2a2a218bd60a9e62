/// <reference types="node" />
// Starts `ui-test-server` (the Rust command table over loopback HTTP) once for
// the whole run and gives its port to the tests (`inject('backendPort')`).
// It builds nothing: `make test` builds the workspace before vitest runs.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    backendPort: number
  }
}

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')

function serverBinary(): string {
  const target = process.env.CARGO_TARGET_DIR ? resolve(REPO, process.env.CARGO_TARGET_DIR) : join(REPO, 'target')
  const exe = process.platform === 'win32' ? 'ui-test-server.exe' : 'ui-test-server'
  return join(target, 'debug', exe)
}

export default async function setup(project: TestProject) {
  const binary = serverBinary()
  if (!existsSync(binary)) {
    throw new Error(
      `The UI tests run against the real backend, but ${binary} is missing. ` +
        'Build it first: cargo build -p ippdesk-tests --bin ui-test-server (make test does this).',
    )
  }
  // stdin stays a pipe: the server exits when it closes, so a vitest that dies never leaves it running.
  const server = spawn(binary, [], { stdio: ['pipe', 'pipe', 'inherit'] })
  const port = await new Promise<number>((resolvePort, reject) => {
    let out = ''
    const fail = (why: string) => reject(new Error(`ui-test-server did not start: ${why}`))
    server.once('error', (e) => fail(e.message))
    server.once('exit', (code) => fail(`it exited with ${code} before printing its port`))
    server.stdout.setEncoding('utf8')
    server.stdout.on('data', (chunk: string) => {
      out += chunk
      const line = out.split('\n')[0]
      if (!out.includes('\n')) return
      const m = /^listening 127\.0\.0\.1:(\d+)$/.exec(line.trim())
      if (m) resolvePort(Number(m[1]))
      else fail(`its first line was "${line}"`)
    })
  })
  server.removeAllListeners('exit')
  project.provide('backendPort', port)

  return async () => {
    if (server.exitCode !== null) return
    const exited = new Promise<void>((done) => server.once('exit', () => done()))
    server.stdin.end()
    const timer = setTimeout(() => server.kill(), 5_000)
    await exited
    clearTimeout(timer)
  }
}
