// The real backend for the UI's tests and for `npm run dev` in a plain
// browser: Tauri's IPC is mocked with a handler that forwards each `call` to
// `ui-test-server` (the Rust command table over loopback HTTP, see
// tests/ui_server.rs) and answers the shell-only commands (native dialogs,
// opening files) itself. No rule of the product is written here.
//
// Nothing in this module imports vitest: `src/main.tsx` uses it too.
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import type { CommandName, DeskError } from '../lib/ipc/bindings'

/** One command the UI invoked: a command-table name, or a shell command such as `choose_save_path`. */
export interface RecordedCall {
  name: string
  args: Record<string, unknown>
  /** What the backend answered, once it has (undefined while waiting or after an error). */
  answer?: unknown
}

type ServerAnswer = { ok: unknown; progress?: unknown[] } | { err: DeskError }

let baseUrl = ''
const recorded: RecordedCall[] = []
const dialogs: { files: string[]; savePath: string | null } = { files: [], savePath: null }
const gates = new Map<string, Promise<void>>()

/** Every command the UI invoked since the last `resetBackend`, in order (arguments as sent). */
export const calls: readonly RecordedCall[] = recorded

/** The calls named `name`, their arguments only. */
export function callsTo(name: string): Record<string, unknown>[] {
  return recorded.filter((c) => c.name === name).map((c) => c.args)
}

/** The answers the backend gave to the calls named `name`, in order. */
export function answersTo<T = unknown>(name: CommandName): T[] {
  return recorded.filter((c) => c.name === name && c.answer !== undefined).map((c) => c.answer as T)
}

/** What the native dialogs answer next: `files` for an open dialog, `savePath` for a save dialog (null: cancelled). */
export function answerDialogs(answers: { files?: string[]; savePath?: string | null }) {
  if (answers.files) dialogs.files = answers.files
  if (answers.savePath !== undefined) dialogs.savePath = answers.savePath
}

/**
 * Holds every call of the command `name` before it reaches the backend until
 * the returned function is called (to see what the UI shows while it waits).
 */
export function holdCalls(name: CommandName): () => void {
  let release = () => {}
  gates.set(
    name,
    new Promise<void>((resolve) => {
      release = () => {
        gates.delete(name)
        resolve()
      }
    }),
  )
  return release
}

async function post(path: string, body?: unknown): Promise<ServerAnswer> {
  if (!baseUrl) throw new Error('The real backend is not installed: call installRealBackend(url) first.')
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? '' : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`ui-test-server answered ${response.status} to ${path}: ${await response.text()}`)
  return (await response.json()) as ServerAnswer
}

/** Runs `name` on the backend; the answer, or the DeskError thrown. Not recorded in `calls`. */
export async function callBackend<T = unknown>(name: CommandName, args: Record<string, unknown> = {}): Promise<T> {
  const answer = await post(`/call/${name}`, args)
  if ('err' in answer) throw answer.err
  return answer.ok as T
}

/**
 * A fresh database (a new temp folder) with "today" fixed (2026-06-15 unless
 * `today` is given), the sample data loaded when `sample`; forgets the
 * recorded calls, dialog answers and held calls. `open: 'not_a_database'`
 * puts a text file where the database goes, so every call fails to open it.
 */
export async function resetBackend(opts: { sample: boolean; today?: string; open?: 'not_a_database' }) {
  const query = new URLSearchParams({ sample: opts.sample ? '1' : '0' })
  if (opts.today) query.set('today', opts.today)
  if (opts.open) query.set('open', opts.open)
  const answer = await post(`/reset?${query}`)
  if ('err' in answer) throw new Error(`reset failed: ${answer.err.message}`)
  recorded.length = 0
  dialogs.files = []
  dialogs.savePath = null
  gates.clear()
}

type Internals = { runCallback: (id: number, data: unknown) => void; callbacks?: Map<number, unknown> }

/** Replays the progress values the command sent into the Channel the UI passed, as Tauri delivers them. */
function replay(channel: unknown, values: unknown[]) {
  const id = (channel as { id?: unknown } | null)?.id
  if (typeof id !== 'number') return
  const internals = (window as unknown as { __TAURI_INTERNALS__: Internals }).__TAURI_INTERNALS__
  // A channel of a call from before the last install (an earlier test) is gone.
  if (internals.callbacks && !internals.callbacks.has(id)) return
  values.forEach((message, index) => internals.runCallback(id, { index, message }))
  internals.runCallback(id, { index: values.length, end: true })
}

async function forward(payload: Record<string, unknown>): Promise<unknown> {
  const name = payload.name as CommandName
  const args = (payload.args ?? {}) as Record<string, unknown>
  const call: RecordedCall = { name, args: structuredClone(args) }
  recorded.push(call)
  await gates.get(name)
  const answer = await post(`/call/${name}`, args)
  if ('err' in answer) throw answer.err
  call.answer = answer.ok
  replay(payload.progress, answer.progress ?? [])
  return answer.ok
}

function shell(cmd: string, args: Record<string, unknown>): unknown {
  recorded.push({ name: cmd, args: structuredClone(args) })
  switch (cmd) {
    case 'choose_files':
      return [...dialogs.files]
    case 'choose_save_path':
      return dialogs.savePath
    case 'open_document':
    case 'open_packet':
      return null
    case 'cancel_job':
      return false
    default:
      throw new Error(`The test backend does not know the shell command ${cmd}.`)
  }
}

/** Routes Tauri's IPC to `ui-test-server` at `url` (e.g. `http://127.0.0.1:43125`). */
export function installRealBackend(url: string) {
  baseUrl = url.replace(/\/+$/, '')
  clearMocks()
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>
    return cmd === 'call' ? forward(args) : shell(cmd, args)
  })
}
