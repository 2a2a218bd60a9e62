// Native open/save dialogs, opened by the backend: it accepts only the paths
// they return (or files dropped on the window, or files it wrote itself).
import { invoke } from '@tauri-apps/api/core'
import type { UrlExportFormat } from './ipc/bindings'

type Filter = { name: string; extensions: string[] }

/** Files chosen in the native open dialog; empty when cancelled. */
export function chooseFiles(title: string | null, filters: Filter[], multiple: boolean): Promise<string[]> {
  return invoke<string[]>('choose_files', { title, filters, multiple })
}

/** A CSV / TSV / text / XLSX file of listings, or null when cancelled. */
export async function chooseListingFile(title: string): Promise<string | null> {
  const [path] = await chooseFiles(title, [{ name: 'Listings', extensions: ['csv', 'tsv', 'txt', 'xlsx'] }], false)
  return path ?? null
}

const EXTENSION: Record<UrlExportFormat, string> = { text: 'txt', csv: 'csv', xlsx: 'xlsx' }

/** Where to save an export, or null when cancelled. */
export async function chooseSavePath(title: string, baseName: string, format: UrlExportFormat): Promise<string | null> {
  return chooseSavePathFor(title, baseName, EXTENSION[format])
}

/** Where to save a file with extension `ext` (e.g. "ics"), or null when cancelled. */
export async function chooseSavePathFor(title: string, baseName: string, ext: string): Promise<string | null> {
  return invoke<string | null>('choose_save_path', {
    title,
    defaultName: `${baseName}.${ext}`,
    filters: [{ name: ext.toUpperCase(), extensions: [ext] }],
  })
}

/** Where to save a PDF, or null when cancelled. */
export async function choosePdfPath(title: string, baseName: string): Promise<string | null> {
  return chooseSavePathFor(title, baseName, 'pdf')
}

/** `name` with the characters file systems refuse (and spaces) replaced by "_". */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|#\s]+/g, '_')
}

/** The bundle saved next to a packet's PDF: the same path with ".zip" instead of ".pdf". */
export function bundlePathFor(pdfPath: string): string {
  return /\.pdf$/i.test(pdfPath) ? pdfPath.replace(/\.pdf$/i, '.zip') : `${pdfPath}.zip`
}
