// A small stand-in for the Rust URL normalizer (crates/domain/src/listing_url.rs):
// enough platforms and forms for the mock backend's imports and tests.
import type { ListingKind, ParsedUrl, Platform } from '../lib/ipc/bindings'

const TRACKING = /^(utm_|spm|scm|pvid|algo_|tracelog|clickid)/i

type Rule = { platform: Platform; kind: ListingKind; match: (u: URL) => string | null; canonical: (id: string) => string }

const RULES: Rule[] = [
  {
    platform: '1688',
    kind: 'listing',
    match: (u) => (u.hostname.endsWith('1688.com') ? (/\/offer\/(\d+)\.html/.exec(u.pathname)?.[1] ?? null) : null),
    canonical: (id) => `https://detail.1688.com/offer/${id}.html`,
  },
  {
    platform: 'taobao',
    kind: 'listing',
    match: (u) => (u.hostname.endsWith('taobao.com') && u.pathname.includes('item.htm') ? u.searchParams.get('id') : null),
    canonical: (id) => `https://item.taobao.com/item.htm?id=${id}`,
  },
  {
    platform: 'taobao',
    kind: 'storefront',
    match: (u) => /^shop(\d+)\.taobao\.com$/.exec(u.hostname)?.[1] ?? null,
    canonical: (id) => `https://shop${id}.taobao.com`,
  },
  {
    platform: 'tmall',
    kind: 'listing',
    match: (u) => (u.hostname.endsWith('tmall.com') && u.pathname.includes('item.htm') ? u.searchParams.get('id') : null),
    canonical: (id) => `https://detail.tmall.com/item.htm?id=${id}`,
  },
  {
    platform: 'aliexpress',
    kind: 'listing',
    match: (u) => (/aliexpress\.(com|us|ru)$/.test(u.hostname) ? (/\/item\/(\d+)\.html/.exec(u.pathname)?.[1] ?? null) : null),
    canonical: (id) => `https://www.aliexpress.com/item/${id}.html`,
  },
]

/** `ParsedUrl`, or the reason the text is not a usable link. */
export function normalizeUrl(raw: string): ParsedUrl | { error: string } {
  const text = raw.trim()
  if (text === '') return { error: 'nothing was pasted; paste the link to a listing or shop' }
  // Share text often surrounds the link: take the first http(s) link in it.
  const found = /https?:\/\/\S+/i.exec(text)?.[0] ?? (/^[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(text) ? `https://${text}` : null)
  if (!found) {
    return { error: 'this is not a web address; paste the link itself, like https://detail.1688.com/offer/123.html' }
  }
  let u: URL
  try {
    u = new URL(found)
  } catch {
    return { error: 'this is not a web address; paste the link itself, like https://detail.1688.com/offer/123.html' }
  }
  for (const r of RULES) {
    const id = r.match(u)
    if (id && /^\d{1,24}$/.test(id)) return { platform: r.platform, kind: r.kind, id, canonical: r.canonical(id) }
  }
  const params = [...u.searchParams].filter(([k]) => !TRACKING.test(k))
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : ''
  const path = u.pathname === '/' ? '' : u.pathname
  return { platform: 'other', kind: 'unknown', id: null, canonical: `${u.protocol}//${u.hostname.toLowerCase()}${path}${query}` }
}
