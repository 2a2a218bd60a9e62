import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import i18n from '../i18n'
import { clearMocks, emptyState, installMockBackend } from '../testing/mockBackend'
import type { MockState } from '../testing/mockBackend'
import { MemoryRouter } from 'react-router-dom'
import BatchResultView from '../components/BatchResultView'
import { createQueryClient } from '../lib/queryClient'
import Providers from '../Providers'
import { renderApp } from './renderApp'

let mock: MockState

beforeEach(async () => {
  await act(async () => {
    await i18n.changeLanguage('en')
  })
  mock = installMockBackend()
})
afterEach(() => clearMocks())

// Fixed ids of the seeded complaints (see seedComplaints in the mock backend).
const DRAFT_ID = '00000000-0000-4000-8000-c00000000a01'
const EMPTY_READY_ID = '00000000-0000-4000-8000-c00000000a02'

describe('complaints list', () => {
  it('renders the rows of the current page, with status and listing counts', async () => {
    renderApp('/complaints')
    const table = await screen.findByTestId('complaints-table')
    expect(await within(table).findByText('taobao 2025-05-20 #0a01')).toBeTruthy()
    expect(within(table).getByText('1688 2025-05-22 #0a02')).toBeTruthy()
    expect(within(table).getByText('IPP-2025-0417')).toBeTruthy()
    expect(within(table).getByText('Filed')).toBeTruthy()
    expect(screen.getByText('3 complaints')).toBeTruthy()
    // The page asked the backend for one server-side page, newest first.
    const call = mock.calls.find((c) => c.cmd === 'list_complaints')!
    expect(call.args.filter).toMatchObject({ offset: 0, limit: 100, sort: 'created', descending: true })
  })

  it('filters on the server through the URL', async () => {
    renderApp('/complaints?status=filed')
    const table = await screen.findByTestId('complaints-table')
    expect(await within(table).findByText('IPP-2025-0417')).toBeTruthy()
    expect(within(table).queryByText('taobao 2025-05-20 #0a01')).toBeNull()
    expect(mock.calls.some((c) => c.cmd === 'list_complaints' && (c.args.filter as { status: string }).status === 'filed')).toBe(true)
  })

  it('shows what to do next when there are no complaints', async () => {
    mock = installMockBackend(emptyState())
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
    await within(table).findByText('IPP-2025-0417')
    // Select all three rows, then "Mark ready": the draft moves, the filed one is refused.
    const selectAll = table.querySelector('thead .ant-checkbox-input') as HTMLInputElement
    await user.click(selectAll)
    await user.click(screen.getByTestId('bulk-ready'))
    const failures = await screen.findByTestId('bulk-failures')
    expect(within(failures).getByText('IPP-2025-0417')).toBeTruthy()
    expect(failures.textContent).toContain('A filed complaint cannot become ready.')
    expect(mock.complaints.find((c) => c.id === DRAFT_ID)!.status).toBe('ready')
  })
})

describe('import dialog', () => {
  it('reports each line and writes nothing until confirmed', async () => {
    const user = userEvent.setup()
    renderApp('/complaints')
    await user.click(await screen.findByTestId('complaints-import'))
    const dialog = await screen.findByRole('dialog')
    const listingsBefore = mock.listings.length

    const paste = within(dialog).getByTestId('import-paste')
    // One valid listing, the same listing again in another form, and a line that is not a link.
    fireEvent.change(paste, {
      target: {
        value: [
          'https://detail.1688.com/offer/623456789012.html?spm=a2615',
          'https://m.1688.com/offer/623456789012.html',
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

    // The preview wrote nothing.
    expect(mock.listings.length).toBe(listingsBefore)
    expect(mock.calls.filter((c) => c.cmd === 'import_listings').map((c) => c.args.commit)).toEqual([false])

    const commit = within(dialog).getByTestId('import-commit')
    expect(commit.textContent).toContain('Import 1 listing')
    await user.click(commit)
    await waitFor(() => expect(mock.listings.length).toBe(listingsBefore + 1))
    expect(mock.listings.at(-1)!.canonical_url).toBe('https://detail.1688.com/offer/623456789012.html')
    expect(mock.calls.filter((c) => c.cmd === 'import_listings').map((c) => c.args.commit)).toEqual([false, true])
  })

  it('shows which complaint already holds a known listing', async () => {
    const user = userEvent.setup()
    renderApp('/complaints')
    await user.click(await screen.findByTestId('complaints-import'))
    const dialog = await screen.findByRole('dialog')
    fireEvent.change(within(dialog).getByTestId('import-paste'), {
      target: { value: 'https://item.taobao.com/item.htm?id=610000000001&spm=x' },
    })
    await user.click(within(dialog).getByTestId('import-check'))
    const link = await within(dialog).findByRole('link', { name: 'taobao 2025-05-20 #0a01' })
    expect(link.getAttribute('href')).toContain(DRAFT_ID)
    expect(within(dialog).getByTestId('import-commit').hasAttribute('disabled')).toBe(true)
  })
})

describe('complaint detail', () => {
  it('lists the listings with Chinese titles and outcomes', async () => {
    renderApp(`/complaints/${DRAFT_ID}`)
    const listings = await screen.findByTestId('complaint-listings')
    expect(await within(listings).findByText('星河 无线蓝牙耳机 降噪')).toBeTruthy()
    expect(within(listings).getByText('https://item.taobao.com/item.htm?id=610000000002')).toBeTruthy()
    expect(within(listings).getAllByText('Pending')).toHaveLength(2)
    expect(screen.getByTestId('filing-ok')).toBeTruthy()
  })

  it('shows the filing problems, and the refusal message when filing anyway', async () => {
    const user = userEvent.setup()
    renderApp(`/complaints/${EMPTY_READY_ID}`)
    const problems = await screen.findByTestId('filing-problems')
    expect(within(problems).getByText('Add at least one listing or storefront URL.')).toBeTruthy()

    await user.click(screen.getByTestId('complaint-file'))
    const dialog = await screen.findByRole('dialog')
    await user.type(within(dialog).getByLabelText('IPP complaint number'), 'IPP-9')
    await user.click(within(dialog).getByTestId('file-submit'))

    const refusal = await within(dialog).findByTestId('filing-refused')
    expect(refusal.textContent).toBe('This complaint cannot be filed: Add at least one listing or storefront URL.')
    expect(within(dialog).getByText('The complaint cannot be filed')).toBeTruthy()
    expect(mock.complaints.find((c) => c.id === EMPTY_READY_ID)!.status).toBe('ready')
  })

  it('files a complaint that can be filed', async () => {
    const user = userEvent.setup()
    renderApp(`/complaints/${DRAFT_ID}`)
    await user.click(await screen.findByTestId('complaint-file'))
    const dialog = await screen.findByRole('dialog')
    await user.type(within(dialog).getByLabelText('IPP complaint number'), 'IPP-2025-0601')
    await user.click(within(dialog).getByTestId('file-submit'))
    await waitFor(() => expect(mock.complaints.find((c) => c.id === DRAFT_ID)!.status).toBe('filed'))
    expect(await screen.findByTestId('complaint-label')).toHaveProperty('textContent', 'IPP-2025-0601')
    const call = mock.calls.find((c) => c.cmd === 'file_complaint')!
    expect(call.args.input).toMatchObject({ external_number: 'IPP-2025-0601' })
  })
})

describe('batch builder', () => {
  it('splits pasted URLs into draft complaints and reports what it kept out', async () => {
    mock.maxListings.alibaba_ipp = 2
    const user = userEvent.setup()
    renderApp('/complaints')
    await user.click(await screen.findByTestId('complaints-batch'))
    const dialog = await screen.findByRole('dialog')

    fireEvent.mouseDown(document.getElementById('batch_right_id')!)
    await user.click(await screen.findByText('星河 (CN 12345678)', { selector: '.ant-select-item-option-content' }))
    fireEvent.mouseDown(document.getElementById('batch_account_id')!)
    await user.click(await screen.findByText(/ipp@xinghe\.example/, { selector: '.ant-select-item-option-content' }))
    fireEvent.change(within(dialog).getByTestId('batch-paste'), {
      target: {
        value: [
          'https://item.taobao.com/item.htm?id=1001',
          'https://item.taobao.com/item.htm?id=1002',
          'https://item.taobao.com/item.htm?id=1003',
          // Already in the seeded draft complaint: kept out.
          'https://item.taobao.com/item.htm?id=610000000001',
          'https://detail.1688.com/offer/55.html',
        ].join('\n'),
      },
    })
    await user.click(within(dialog).getByTestId('batch-build'))

    const result = await within(dialog).findByTestId('batch-result')
    expect(within(result).getByText('2 draft complaints created')).toBeTruthy()
    expect(within(result).getByText('1 listing kept out: already in an open complaint')).toBeTruthy()
    expect(within(result).getByText('taobao 2025-05-20 #0a01')).toBeTruthy()
    expect(within(result).getByText('1 line skipped')).toBeTruthy()
    expect(mock.complaints.filter((c) => c.status === 'draft')).toHaveLength(3)
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
    const row = (await within(table).findByText('极光数码专营店')).closest('tr')!
    expect(within(row).getByText('Aurora Digital Store')).toBeTruthy()
    expect(within(row).getByTestId('risk-tag').textContent).toBe('Medium risk')
    const star = within(table).getByText('义乌市星光饰品厂').closest('tr')!
    expect(within(star).getByTestId('risk-tag').textContent).toBe('No warning signs')

    const suggestions = screen.getByTestId('seller-suggestions')
    expect(await within(suggestions).findByText('Company name')).toBeTruthy()
    expect(within(suggestions).getByText('义乌市星光饰品厂 (1688)')).toBeTruthy()
  })

  it('seller detail lists each red flag in words', async () => {
    renderApp(`/sellers/${mock.sellers[0].id}`)
    const flags = await screen.findByTestId('red-flags')
    expect(within(flags).getByText('3 warning signs')).toBeTruthy()
    expect(within(flags).getByText('under 3 years in business')).toBeTruthy()
    expect(within(flags).getByText('rating under 4')).toBeTruthy()
  })
})

describe('global search', () => {
  it('groups hits by kind and opens the one chosen', async () => {
    const user = userEvent.setup()
    const { router } = renderApp('/holders')
    const box = await screen.findByTestId('global-search')
    await user.type(box, '星')
    const listingHit = await screen.findAllByTestId('search-hit-listing', undefined, { timeout: 5000 })
    expect(listingHit.length).toBe(3)
    expect(screen.getAllByTestId('search-hit-seller').length).toBe(2)
    // Every complaint is on the right 星河.
    expect(screen.getAllByTestId('search-hit-complaint').length).toBe(3)
    // Group headings, in order.
    const groups = [...document.querySelectorAll('.ant-select-item-group')].map((g) => g.textContent)
    expect(groups).toEqual(['Complaints', 'Sellers', 'Listings'])
    await user.click(screen.getByText('星河同款 充电盒'))
    await waitFor(() => expect(router.state.location.pathname).toBe(`/complaints/${DRAFT_ID}`))
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
    await waitFor(() => expect(mock.maxListings.alibaba_ipp).toBe(200))
  })
})

describe('evidence', () => {
  it('attaches several files with their capture details, the kind guessed from each name', async () => {
    mock.dialogPaths = ['/home/li/shots/listing-1.png', '/home/li/shots/comparison.png']
    const user = userEvent.setup()
    renderApp(`/complaints/${DRAFT_ID}`)
    // Text, not role, queries: role matching over this large page is slow in jsdom.
    await user.click(await screen.findByText('Evidence (0)'))
    // Pasted, not typed: each keystroke re-renders the whole page.
    await user.click(document.getElementById('evidence_complaint_captured_by')!)
    await user.paste('Li')
    await user.click(document.getElementById('evidence_complaint_source_url')!)
    await user.paste('https://item.taobao.com/item.htm?id=610000000001')
    await user.click(screen.getByText('Attach files'))

    const gallery = await screen.findByTestId('evidence-gallery')
    expect(await within(gallery).findByText('comparison.png')).toBeTruthy()
    expect(within(gallery).getByText('Listing screenshot')).toBeTruthy()
    expect(within(gallery).getByText('Comparison')).toBeTruthy()
    const input = mock.calls.find((c) => c.cmd === 'attach_documents')!.args.input as { doc_kind: unknown; facts: unknown }
    expect(input.doc_kind).toBeNull()
    expect(input.facts).toEqual({
      captured_at: null,
      captured_by: 'Li',
      source_url: 'https://item.taobao.com/item.htm?id=610000000001',
      notes: '',
    })
  })
})
