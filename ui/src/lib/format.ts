import dayjs from 'dayjs'
import type { Dayjs } from 'dayjs'

/** RFC 3339 UTC time -> local date and time. */
export function localTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = dayjs(iso)
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : iso
}

/** ISO date (YYYY-MM-DD) as shown: unchanged, it is already unambiguous. */
export function showDate(d: string | null | undefined): string {
  return d ?? ''
}

export function toIsoDate(d: Dayjs | null | undefined): string | null {
  return d ? d.format('YYYY-MM-DD') : null
}

export function fromIsoDate(d: string | null | undefined): Dayjs | null {
  if (!d) return null
  const v = dayjs(d, 'YYYY-MM-DD')
  return v.isValid() ? v : null
}

export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let v = bytes / 1024
  let i = 0
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024
    i++
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`
}

export function shortHash(h: string, n = 10): string {
  return h.length > n ? `${h.slice(0, n)}…` : h
}

export function compareStr(a: string | null | undefined, b: string | null | undefined): number {
  return (a ?? '').localeCompare(b ?? '')
}

/** Unique, sorted, non-empty values for column filters. */
export function uniqueValues(values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))].sort()
}

/** Today as an ISO date, on this computer's calendar. */
export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD')
}

/** A local date and time from a picker -> RFC 3339 UTC, as the backend stores it. */
export function toUtcIso(d: Dayjs | null | undefined): string | null {
  return d ? d.toDate().toISOString() : null
}

/** Sums column widths, for a virtual table's numeric `scroll.x`. */
export function totalWidth(columns: readonly { width?: number | string }[]): number {
  return columns.reduce((n, c) => n + (typeof c.width === 'number' ? c.width : 120), 0)
}

/** A count from the backend (u64 crosses as a JSON number though its type says bigint). */
export function count(n: bigint | number | null | undefined): number {
  return n === null || n === undefined ? 0 : Number(n)
}

/** A percentage with one decimal, or "—" when nothing is decided yet. */
export function percent(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${v.toFixed(1)} %`
}

// IPP deadlines are in China Standard Time (UTC+8 all year: China has no daylight saving).
const CHINA_OFFSET_MS = 8 * 3_600_000
const CHINA_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/

/** An instant as China time, `YYYY-MM-DD HH:mm`. */
export function toChinaTime(iso: string | Date): string {
  const d = new Date(typeof iso === 'string' ? Date.parse(iso) : iso.getTime())
  return new Date(d.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')
}

/** China time typed as `YYYY-MM-DD HH:mm` -> RFC 3339 UTC; null when it is not a real time in that form. */
export function fromChinaTime(text: string): string | null {
  const m = CHINA_TIME.exec(text.trim())
  if (!m) return null
  const [y, mo, d, h, mi] = m.slice(1).map(Number)
  const ms = Date.UTC(y, mo - 1, d, h, mi)
  const back = new Date(ms)
  // Date.UTC rolls 2026-02-30 over into March: refuse it rather than guess.
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59) return null
  return new Date(ms - CHINA_OFFSET_MS).toISOString()
}
