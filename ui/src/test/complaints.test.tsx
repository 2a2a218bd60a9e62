/// <reference types="node" />
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest'
import i18n from '../i18n'
import { MemoryRouter } from 'react-router-dom'
import BatchResultView from '../components/BatchResultView'
import { importListings } from '../lib/ipc/backend'
import type { ComplaintDetail, ComplaintRow, ImportProgress, ImportReport, SearchHit, SellerRow } from '../lib/ipc/bindings'
import { createQueryClient } from '../lib/queryClient'
import Providers from '../Providers'
import { answerDialogs, callBackend, callsTo, resetBackend } from './realBackend'
import { renderApp } from './renderApp'
import { complaints, sampleComplaints } from './sample'

// The sample: a filed Taobao complaint (IPP-TB-2026-0173, four listings), a
// draft on 1688 (three listings) and a ready one on AliExpress (two).
let sample: { filed: ComplaintRow; draft: ComplaintRow; ready: ComplaintRow }

beforeEach(async () => {
  await act(async () => {
    await i18n.changeLanguage('en')
  })
  await resetBackend({ sample: true })
  sample = await sampleComplaints()
})

const statusOf = async (id: string) => (await callBackend<ComplaintDetail>('get_complaint', { id })).row.status

/** What an import preview of `text` (outside any complaint) says, without writing. */
const preview = (text: string) =>
  callBackend<ImportReport>('import_listings', { request: { source: { kind: 'paste', text }, complaint_id: null }, commit: false })

describe('complaint form', () => {
  it('an empty programme account is a field error under it, in Chinese when the UI is Chinese', async () => {
    await act(async () => {
      await i18n.changeLanguage('zh-CN')
    })
    const user = userEvent.setup()
    renderApp('/complaints')
    await user.click(await screen.findByTestId('complaints-new'))
    const dialog = await screen.findByRole('dialog')
    const account = document.getElementById('complaint_account_id')!.closest('.ant-form-item') as HTMLElement
    // Whatever the form chose for the account is taken away.
    const clear = account.querySelector('.ant-select-clear')
    if (clear) fireEvent.mouseDown(clear)
    await user.click(within(dialog).getByTestId('complaint-save'))
    await waitFor(() => expect(callsTo('create_complaint').length).toBeGreaterThan(0))
    expect(await within(account).findByText('必填')).toBeTruthy()
    // No internal error, no English sentence.
    expect(document.body.textContent).not.toMatch(/invalid args|UUID|Something went wrong/i)
    expect(screen.getByRole('dialog')).toBeTruthy()
  })
})

describe('complaints list', () => {
  it('renders the rows of the current page, with status and listing counts', async () => {
    renderApp('/complaints')
    const table = await screen.findByTestId('complaints-table')
    expect(await within(table).findByText(sample.draft.label)).toBeTruthy()
    expect(within(table).getByText(sample.ready.label)).toBeTruthy()
    // A virtual table: its rows are not <tr>s.
    const filed = within(table).getByText('IPP-TB-2026-0173').closest('.ant-table-row') as HTMLElement
    expect(within(filed).getByText('Filed')).toBeTruthy()
    expect(within(filed).getByText(String(sample.filed.listing_count))).toBeTruthy()
    expect(screen.getByText('3 complaints')).toBeTruthy()
    // The page asked the backend for one server-side page, newest first.
    expect(callsTo('list_complaints')[0].filter).toMatchObject({ offset: 0, limit: 100, sort: 'created', descending: true })
  })

  it('filters on the server through the URL', async () => {
    renderApp('/complaints?status=filed')
    const table = await screen.findByTestId('complaints-table')
    expect(await within(table).findByText('IPP-TB-2026-0173')).toBeTruthy()
    expect(within(table).queryByText(sample.draft.label)).toBeNull()
    expect(callsTo('list_complaints').some((a) => (a.filter as { status: string }).status === 'filed')).toBe(true)
  })

  it('shows what to do next when there are no complaints', async () => {
    await resetBackend({ sample: false })
    renderApp('/complaints')
    const empty = await screen.findByTestId('complaints-empty')
    expect(within(empty).getByText('No complaints yet')).toBeTruthy()
    expect(within(empty).getByTestId('complaints-new')).toBeTruthy()
    expect(within(empty).getByTestId('complaints-batch')).toBeTruthy()
    expect(within(empty).getByText('Load sample data')).toBeTruthy()
  })

  it('bulk status change reports each refusal by complaint', async () => {
    const user = userEvent.setup()
    renderApp('/complaints')
    const table = await screen.findByTestId('complaints-table')
    await within(table).findByText('IPP-TB-2026-0173')
    // Select all three rows, then "Mark ready": the draft moves, the filed one is refused.
    const selectAll = table.querySelector('thead .ant-checkbox-input') as HTMLInputElement
    await user.click(selectAll)
    await user.click(screen.getByTestId('bulk-ready'))
    const failures = await screen.findByTestId('bulk-failures')
    expect(within(failures).getByText('IPP-TB-2026-0173')).toBeTruthy()
    expect(failures.textContent).toContain('A filed complaint cannot become ready.')
    expect(await statusOf(sample.draft.id)).toBe('ready')
    expect(await statusOf(sample.filed.id)).toBe('filed')
  })
})

describe('import dialog', () => {
  it('reports each line and writes nothing until confirmed', async () => {
    const user = userEvent.setup()
    renderApp('/complaints')
    await user.click(await screen.findByTestId('complaints-import'))
    const dialog = await screen.findByRole('dialog')

    const paste = within(dialog).getByTestId('import-paste')
    // A new listing, the same listing again in another form, and a line that is not a link.
    fireEvent.change(paste, {
      target: {
        value: [
          'https://detail.1688.com/offer/723456789012.html?spm=a2615',
          'https://m.1688.com/offer/723456789012.html',
          'not a link at all',
        ].join('\n'),
      },
    })
    await user.click(within(dialog).getByTestId('import-check'))

    const summary = await within(dialog).findByTestId('import-summary')
    const stat = (title: string) =>
      within(summary).getByText(title).closest('.ant-statistic')!.querySelector('.ant-statistic-content')!.textContent
    expect(stat('Accepted')).toBe('1')
    expect(stat('Duplicate')).toBe('1')
    expect(stat('Already known')).toBe('0')
    expect(stat('Invalid')).toBe('1')
    expect(within(dialog).getByText('Same listing as line 1')).toBeTruthy()
    expect(within(dialog).getByText(/this is not a web address/)).toBeTruthy()

    // The preview wrote nothing: the listing is still new to the backend.
    expect((await preview('https://detail.1688.com/offer/723456789012.html')).counts).toMatchObject({ accepted: 1, known: 0 })
    expect(callsTo('import_listings').map((a) => a.commit)).toEqual([false])

    const commit = within(dialog).getByTestId('import-commit')
    expect(commit.textContent).toContain('Import 1 listing')
    await user.click(commit)
    await waitFor(() => expect(callsTo('import_listings').map((a) => a.commit)).toEqual([false, true]))
    await waitFor(async () =>
      expect((await preview('https://detail.1688.com/offer/723456789012.html')).counts).toMatchObject({ accepted: 0, known: 1 }),
    )
  })

  it('shows which complaint already holds a known listing', async () => {
    const user = userEvent.setup()
    renderApp('/complaints')
    await user.click(await screen.findByTestId('complaints-import'))
    const dialog = await screen.findByRole('dialog')
    fireEvent.change(within(dialog).getByTestId('import-paste'), {
      target: { value: 'https://item.taobao.com/item.htm?id=712345678901&spm=x' },
    })
    await user.click(within(dialog).getByTestId('import-check'))
    const link = await within(dialog).findByRole('link', { name: 'IPP-TB-2026-0173' })
    expect(link.getAttribute('href')).toContain(sample.filed.id)
    expect(within(dialog).getByTestId('import-commit').hasAttribute('disabled')).toBe(true)
  })
})

describe('backend adapter', () => {
  it('delivers an import\'s progress through its Channel, in order, before the answer', async () => {
    const seen: ImportProgress[] = []
    const text = ['https://item.taobao.com/item.htm?id=1001', 'https://item.taobao.com/item.htm?id=1002'].join('\n')
    const report = await importListings({ source: { kind: 'paste', text }, complaint_id: null }, false, (p) => seen.push(p))
    expect(report.counts.accepted).toBe(2)
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.at(-1)).toMatchObject({ stage: 'done', done: 2, total: 2 })
    expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b))
  })
})

describe('complaint detail', () => {
  it('lists the listings with Chinese titles and outcomes', async () => {
    renderApp(`/complaints/${sample.draft.id}`)
    const listings = await screen.findByTestId('complaint-listings')
    expect(await within(listings).findByText('极光同款 AURORA 耳机 工厂直销 批发')).toBeTruthy()
    // Pasted as m.1688.com/offer/…: shown in its canonical form.
    expect(within(listings).getByText('https://detail.1688.com/offer/623456789013.html')).toBeTruthy()
    expect(within(listings).getAllByText('Pending')).toHaveLength(3)
    expect(screen.getByTestId('filing-ok')).toBeTruthy()
  })

  it('shows the filing problems, and the refusal message when filing anyway', async () => {
    // A ready complaint without listings.
    const { filed } = sample
    const empty = await callBackend<ComplaintRow>('create_complaint', {
      draft: {
        account_id: filed.account_id,
        platform: filed.platform,
        right_id: filed.right_id,
        target: filed.target,
        reason: filed.reason,
        explanation_en: filed.explanation_en,
        explanation_zh: filed.explanation_zh,
        external_number: '',
        assignee: '',
        notes: '',
      },
    })
    await callBackend('set_complaint_status', { id: empty.id, to: 'ready' })
    const user = userEvent.setup()
    renderApp(`/complaints/${empty.id}`)
    const problems = await screen.findByTestId('filing-problems')
    expect(within(problems).getByText('Add at least one listing or storefront URL.')).toBeTruthy()

    await user.click(screen.getByTestId('complaint-file'))
    const dialog = await screen.findByRole('dialog')
    await user.type(within(dialog).getByLabelText('IPP complaint number'), 'IPP-9')
    await user.click(within(dialog).getByTestId('file-submit'))

    const refusal = await within(dialog).findByTestId('filing-refused')
    expect(refusal.textContent).toBe('This complaint cannot be filed: Add at least one listing or storefront URL.')
    expect(within(dialog).getByText('The complaint cannot be filed')).toBeTruthy()
    expect(await statusOf(empty.id)).toBe('ready')
  })

  it('files a complaint that can be filed', async () => {
    const user = userEvent.setup()
    renderApp(`/complaints/${sample.draft.id}`)
    await user.click(await screen.findByTestId('complaint-file'))
    const dialog = await screen.findByRole('dialog')
    await user.type(within(dialog).getByLabelText('IPP complaint number'), 'IPP-2026-0601')
    await user.click(within(dialog).getByTestId('file-submit'))
    await waitFor(() => expect(screen.getByTestId('complaint-label').textContent).toBe('IPP-2026-0601'))
    expect(await statusOf(sample.draft.id)).toBe('filed')
    expect(callsTo('file_complaint')[0].input).toMatchObject({ external_number: 'IPP-2026-0601' })
  })
})

describe('batch builder', () => {
  it('splits pasted URLs into draft complaints and reports what it kept out', async () => {
    await callBackend('set_max_listings', { programme: 'alibaba_ipp', max: 2 })
    const user = userEvent.setup()
    renderApp('/complaints')
    await user.click(await screen.findByTestId('complaints-batch'))
    const dialog = await screen.findByRole('dialog')

    fireEvent.mouseDown(document.getElementById('batch_right_id')!)
    await user.click(await screen.findByText('极光 AURORA (CN 12345678)', { selector: '.ant-select-item-option-content' }))
    fireEvent.mouseDown(document.getElementById('batch_account_id')!)
    await user.click(await screen.findByText(/^ipp-login@aurora-electronics\.example/, { selector: '.ant-select-item-option-content' }))
    fireEvent.change(within(dialog).getByTestId('batch-paste'), {
      target: {
        value: [
          'https://item.taobao.com/item.htm?id=1001',
          'https://item.taobao.com/item.htm?id=1002',
          'https://item.taobao.com/item.htm?id=1003',
          // In the sample's filed complaint, no outcome yet: kept out.
          'https://item.taobao.com/item.htm?id=712345678904',
          'https://detail.1688.com/offer/55.html',
        ].join('\n'),
      },
    })
    await user.click(within(dialog).getByTestId('batch-build'))

    const result = await within(dialog).findByTestId('batch-result')
    expect(within(result).getByText('2 draft complaints created')).toBeTruthy()
    expect(within(result).getByText('1 listing kept out: already in an open complaint')).toBeTruthy()
    expect(within(result).getByText('IPP-TB-2026-0173')).toBeTruthy()
    expect(within(result).getByText('1 line skipped')).toBeTruthy()
    // The sample's 1688 draft and the two new ones.
    expect(await complaints({ status: 'draft' })).toHaveLength(3)
  })
})

describe('batch result', () => {
  it('names a picked listing of another platform as picked, beside the skipped pasted lines', () => {
    render(
      <Providers client={createQueryClient()}>
        <MemoryRouter>
          <BatchResultView
            onNavigate={() => {}}
            result={{
              complaints: [],
              held_elsewhere: [],
              skipped: [
                { line: 3, input: 'not a url', status: 'invalid', reason: 'not a web address' },
                { line: 0, input: 'https://detail.1688.com/offer/1.html', status: 'invalid', reason: 'a 1688 listing; this batch is on taobao' },
                { line: 0, input: 'https://detail.1688.com/offer/2.html', status: 'invalid', reason: 'a 1688 listing; this batch is on taobao' },
              ],
            }}
          />
        </MemoryRouter>
      </Providers>,
    )
    expect(screen.getByText('3 lines skipped')).toBeTruthy()
    const rows = screen.getAllByRole('row').slice(-3)
    expect(rows.map((r) => within(r).getAllByRole('cell')[0].textContent)).toEqual(['3', 'picked', 'picked'])
    expect(within(rows[2]).getByText('https://detail.1688.com/offer/2.html')).toBeTruthy()
  })
})

describe('sellers', () => {
  it('shows the risk tag from the red flags, and suggested links', async () => {
    renderApp('/sellers')
    const table = await screen.findByTestId('sellers-table')
    const store = (await within(table).findByText('Aurora Digital Official Store')).closest('tr')!
    expect(within(store).getByTestId('risk-tag').textContent).toBe('Medium risk')
    const shop = within(table).getByText('极光耳机专卖店').closest('tr')!
    expect(within(shop).getByText('Aurora Earphones Specialty Store')).toBeTruthy()
    expect(within(shop).getByTestId('risk-tag').textContent).toBe('No warning signs')
    const factory = within(table).getByText('义乌市极光数码配件厂').closest('tr')!
    expect(within(factory).getByTestId('risk-tag').textContent).toBe('High risk')

    // The factory and the AliExpress store share a company name and a phone number.
    const suggestions = screen.getByTestId('seller-suggestions')
    expect(await within(suggestions).findByText('Company name')).toBeTruthy()
    expect(within(suggestions).getByText('Phone')).toBeTruthy()
    expect(within(suggestions).getByText('义乌市极光数码配件厂 (1688)')).toBeTruthy()
  })

  it('seller detail lists each red flag in words', async () => {
    const factory = (await callBackend<SellerRow[]>('list_sellers')).find((s) => s.platform === '1688')!
    renderApp(`/sellers/${factory.id}`)
    const flags = await screen.findByTestId('red-flags')
    expect(within(flags).getByText(`${factory.flags.length} warning signs`)).toBeTruthy()
    expect(factory.flags.length).toBe(5)
    expect(within(flags).getByText('under 3 years in business')).toBeTruthy()
    expect(within(flags).getByText('rating under 4')).toBeTruthy()
    expect(within(flags).getByText('no factory')).toBeTruthy()
  })
})

describe('global search', () => {
  it('groups hits by kind and opens the one chosen', async () => {
    const hits = await callBackend<SearchHit[]>('search', { text: '极光' })
    const count = (kind: string) => hits.filter((h) => h.kind === kind).length
    const user = userEvent.setup()
    const { router } = renderApp('/holders')
    const box = await screen.findByTestId('global-search')
    await user.type(box, '极光')
    const listingHits = await screen.findAllByTestId('search-hit-listing', undefined, { timeout: 5000 })
    expect(listingHits.length).toBe(count('listing'))
    expect(screen.getAllByTestId('search-hit-seller').length).toBe(count('seller'))
    // The Taobao and 1688 complaints, whose Chinese explanations name 极光.
    expect(screen.getAllByTestId('search-hit-complaint').length).toBe(count('complaint'))
    expect(count('complaint')).toBe(2)
    // Group headings, in order.
    const groups = [...document.querySelectorAll('.ant-select-item-group')].map((g) => g.textContent)
    expect(groups).toEqual(['Complaints', 'Sellers', 'Listings'])
    // A listing opens the complaint that holds it.
    await user.click(screen.getByText('极光同款 AURORA 耳机 工厂直销 批发'))
    await waitFor(() => expect(router.state.location.pathname).toBe(`/complaints/${sample.draft.id}`))
  })

  it('Ctrl+K focuses the search box', async () => {
    renderApp('/holders')
    const box = await screen.findByTestId('global-search')
    fireEvent.keyDown(window, { key: 'k', ctrlKey: true })
    expect(document.activeElement).toBe(box)
  })
})

describe('settings', () => {
  it('edits the listing limit per programme', async () => {
    const user = userEvent.setup()
    renderApp('/settings')
    const input = (await screen.findByLabelText('Alibaba IPP')) as HTMLInputElement
    await waitFor(() => expect(input.value).toBe('300'))
    await user.clear(input)
    await user.type(input, '200')
    await user.click(screen.getByTestId('limit-save-alibaba_ipp'))
    await waitFor(async () => expect(await callBackend('max_listings', { programme: 'alibaba_ipp' })).toBe(200))
  })
})

/** The smallest PNG (one transparent pixel). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
)

describe('evidence', () => {
  it('attaches several files with their capture details, the kind guessed from each name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ippdesk-ui-evidence-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    const files = ['listing-1.png', 'comparison.png'].map((name) => {
      writeFileSync(join(dir, name), PNG)
      return join(dir, name)
    })
    answerDialogs({ files })
    const user = userEvent.setup()
    renderApp(`/complaints/${sample.draft.id}`)
    // Text, not role, queries: role matching over this large page is slow in jsdom.
    await user.click(await screen.findByText('Evidence (0)'))
    // Pasted, not typed: each keystroke re-renders the whole page.
    await user.click(document.getElementById('evidence_complaint_captured_by')!)
    await user.paste('Li')
    await user.click(document.getElementById('evidence_complaint_source_url')!)
    await user.paste('https://detail.1688.com/offer/623456789012.html')
    await user.click(screen.getByText('Attach files'))

    const gallery = await screen.findByTestId('evidence-gallery')
    expect(await within(gallery).findByText('comparison.png')).toBeTruthy()
    expect(within(gallery).getByText('Listing screenshot')).toBeTruthy()
    expect(within(gallery).getByText('Comparison')).toBeTruthy()
    const input = callsTo('attach_documents')[0].input as { paths: string[]; doc_kind: unknown; facts: unknown }
    expect(input.paths).toEqual(files)
    expect(input.doc_kind).toBeNull()
    expect(input.facts).toEqual({
      captured_at: null,
      captured_by: 'Li',
      source_url: 'https://detail.1688.com/offer/623456789012.html',
      notes: '',
    })
    // The backend stored both, as evidence of the complaint.
    const { evidence } = await callBackend<ComplaintDetail>('get_complaint', { id: sample.draft.id })
    expect(evidence.map((d) => [d.original_name, d.doc_kind]).sort()).toEqual([
      ['comparison.png', 'comparison'],
      ['listing-1.png', 'listing_screenshot'],
    ])
  })
})
