// Native open/save dialogs (Tauri's dialog plugin). Imported lazily so unit tests
// and the plain-browser dev mode load without it.
import type { UrlExportFormat } from './ipc/bindings'

/** A CSV / TSV / text / XLSX file of listings, or null when cancelled. */
export async function chooseListingFile(title: string): Promise<string | null> {
  const { open } = await import('@tauri-apps/plugin-dialog')
  return open({ title, multiple: false, directory: false, filters: [{ name: 'Listings', extensions: ['csv', 'tsv', 'txt', 'xlsx'] }] })
}

const EXTENSION: Record<UrlExportFormat, string> = { text: 'txt', csv: 'csv', xlsx: 'xlsx' }

/** Where to save an export, or null when cancelled. */
export async function chooseSavePath(title: string, baseName: string, format: UrlExportFormat): Promise<string | null> {
  return chooseSavePathFor(title, baseName, EXTENSION[format])
}

/** Where to save a file with extension `ext` (e.g. "ics"), or null when cancelled. */
export async function chooseSavePathFor(title: string, baseName: string, ext: string): Promise<string | null> {
  const { save } = await import('@tauri-apps/plugin-dialog')
  return save({ title, defaultPath: `${baseName}.${ext}`, filters: [{ name: ext.toUpperCase(), extensions: [ext] }] })
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
