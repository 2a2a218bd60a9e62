import { SearchOutlined } from '@ant-design/icons'
import { AutoComplete, Typography } from 'antd'
import type { GetRef } from 'antd'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { useDebouncedValue } from '../lib/hooks'
import type { SearchHit, SearchHitKind } from '../lib/ipc/bindings'
import { useSearch } from '../lib/queries'

const KINDS: SearchHitKind[] = ['complaint', 'seller', 'listing']

/** Worth asking the backend: two characters, or one that is not ASCII (a Chinese character is a word). */
function searchable(text: string): boolean {
  const q = text.trim()
  return q.length >= 2 || [...q].some((c) => c.charCodeAt(0) > 127)
}

/** Where a hit opens: the complaint, the seller, or the listing's complaint (else the listing). */
function pathOf(h: SearchHit): string {
  if (h.kind === 'seller') return `/sellers/${h.id}`
  if (h.kind === 'complaint') return `/complaints/${h.id}`
  return h.complaint_id ? `/complaints/${h.complaint_id}` : `/listings/${h.id}`
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)

/** The header's search across listings, sellers and complaints; Ctrl+K / ⌘K focuses it. */
export default function GlobalSearch() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const input = useRef<GetRef<typeof AutoComplete>>(null)
  const [text, setText] = useState('')
  const debounced = useDebouncedValue(text.trim(), 250)
  const q = useSearch(searchable(debounced) ? debounced : '')
  const hits = useMemo(() => (searchable(debounced) ? (q.data ?? []) : []), [q.data, debounced])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault()
        input.current?.focus()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  // antd puts data-* props on the wrapper; end-to-end tests type into the input itself.
  // (A custom <Input> child would do it, but antd then reads element.ref, which React 19 warns about.)
  useEffect(() => {
    input.current?.nativeElement?.querySelector('input')?.setAttribute('data-testid', 'global-search')
  }, [])

  const options = KINDS.map((kind) => ({
    label: <Typography.Text type="secondary">{t(`search.group.${kind}`)}</Typography.Text>,
    options: hits
      .filter((h) => h.kind === kind)
      .map((h) => ({
        value: `${h.kind}:${h.id}`,
        label: (
          <div data-testid={`search-hit-${h.kind}`} style={{ display: 'flex', flexDirection: 'column', minWidth: 0 }}>
            <Typography.Text ellipsis lang="zh-CN">
              {h.title}
            </Typography.Text>
            {h.detail && (
              <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                {h.detail}
              </Typography.Text>
            )}
          </div>
        ),
      })),
  })).filter((g) => g.options.length > 0)

  const onSelect = (value: string) => {
    const hit = hits.find((h) => `${h.kind}:${h.id}` === value)
    setText('')
    input.current?.blur()
    if (hit) navigate(pathOf(hit))
  }

  const shortcut = isMac ? '⌘K' : 'Ctrl+K'
  const nothing = searchable(debounced) && !q.isFetching && hits.length === 0
  return (
    <AutoComplete
      ref={input}
      value={text}
      prefix={<SearchOutlined />}
      allowClear
      placeholder={`${t('search.placeholder')} (${shortcut})`}
      aria-label={t('search.label')}
      options={options}
      onSearch={setText}
      onSelect={onSelect}
      style={{ width: 380 }}
      popupMatchSelectWidth={480}
      // At most 50 hits: render them all (keeps group headings with their hits).
      virtual={false}
      notFoundContent={nothing ? t('search.nothing') : null}
    />
  )
}
