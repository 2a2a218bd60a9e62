import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import i18n from '../i18n'
import { fromChinaTime, toChinaTime } from '../lib/format'
import type { CounterNoticeDraft, DeadlineFilter, DeadlineRule } from '../lib/ipc/bindings'
import { clearMocks, installMockBackend } from '../testing/mockBackend'
import type { MockState } from '../testing/mockBackend'
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
const FILED_ID = '00000000-0000-4000-8000-c00000000a03'

const countOf = (bucket: string) =>
  screen.getByTestId(`dashboard-count-${bucket}`).querySelector('.ant-statistic-content')!.textContent

describe('China time', () => {
  it('converts China time to UTC and back, refusing what is not a time', () => {
    expect(fromChinaTime('2026-09-28 10:00')).toBe('2026-09-28T02:00:00.000Z')
    expect(fromChinaTime('2026-01-01 03:30')).toBe('2025-12-31T19:30:00.000Z')
    expect(fromChinaTime('2026-02-30 10:00')).toBeNull()
    expect(fromChinaTime('28/09/2026 10:00')).toBeNull()
    expect(toChinaTime('2026-09-28T02:00:00Z')).toBe('2026-09-28 10:00')
  })
})

describe('dashboard', () => {
  it('shows the counts, the upcoming list and the estimated tag', async () => {
    renderApp('/dashboard')
    const list = await screen.findByTestId('deadline-list')
    expect(countOf('overdue')).toBe('1')
    expect(countOf('today')).toBe('1')
    expect(countOf('week')).toBe('0')
    expect(countOf('open')).toBe('3')
    // Unfiltered: overdue and due this week, with the rule's day and zone under the local time.
    expect(within(list).getByText('Reply to the counter-notice with more evidence')).toBeTruthy()
    expect(within(list).getByText('2025-05-29 · Asia/Shanghai')).toBeTruthy()
    expect(within(list).getByText('IPP-2025-0417').getAttribute('href')).toContain(FILED_ID)
    expect(within(list).queryByText(/Art\. 43/)).toBeNull()
    // "Open" lists the later one too, estimated because 2027's schedule is unpublished.
    await userEvent.click(screen.getByTestId('dashboard-count-open'))
    expect(await within(list).findByText(/Art\. 43/)).toBeTruthy()
    expect(within(list).getByTestId('deadline-estimated').textContent).toBe('Estimated: 2027')
  })

  it('filters the list by assignee when a row is clicked', async () => {
    const user = userEvent.setup()
    renderApp('/dashboard')
    const list = await screen.findByTestId('deadline-list')
    expect(within(list).getByText('Reply to the counter-notice with more evidence')).toBeTruthy()
    expect(screen.getByTestId('dashboard-assignee-').textContent).toContain('Unassigned')
    await user.click(screen.getByTestId('dashboard-assignee-Wang'))
    await waitFor(() => expect(within(list).queryByText('Reply to the counter-notice with more evidence')).toBeNull())
    expect(within(list).getByText('Call the appraiser')).toBeTruthy()
    const call = mock.calls.filter((c) => c.cmd === 'open_deadlines').at(-1)!
    expect(call.args.filter).toMatchObject({ bucket: 'open', assignee: 'Wang', platform: null } satisfies Partial<DeadlineFilter>)
  })

  it('warns when an account nears a good-faith line', async () => {
    renderApp('/dashboard')
    const panel = await screen.findByTestId('good-faith-panel')
    const account = within(panel).getByText('ipp@xinghe.example').closest('[data-level]')!
    expect(account.getAttribute('data-level')).toBe('warning')
    expect(within(panel).getByText('Near the line')).toBeTruthy()
    expect(within(panel).getByTestId('good-faith-sentence').textContent).toBe(
      'Takedown success is 91.0 %, within 2 points of the 90 % line.',
    )
  })

  it('ticks a deadline off, with an Undo', async () => {
    const user = userEvent.setup()
    renderApp('/dashboard')
    await screen.findByTestId('deadline-list')
    const task = mock.deadlines.find((d) => d.title === 'Call the appraiser')!
    await user.click(screen.getByTestId(`deadline-done-${task.id}`))
    await waitFor(() => expect(mock.deadlines.find((d) => d.id === task.id)!.done_at).not.toBeNull())
    await user.click(await screen.findByTestId('deadline-undo'))
    await waitFor(() => expect(mock.deadlines.find((d) => d.id === task.id)!.done_at).toBeNull())
  })
})

describe('counter-notices', () => {
  it('records one typed in China time, sent as UTC, and shows its deadlines', async () => {
    const user = userEvent.setup()
    renderApp(`/complaints/${FILED_ID}`)
    const section = await screen.findByTestId('counter-notices')
    await user.click(within(section).getByTestId('counter-notice-add'))
    const dialog = await screen.findByRole('dialog')
    const received = within(dialog).getByTestId('cn-received-at') as HTMLInputElement
    // Defaults to now in China time.
    expect(received.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    fireEvent.change(received, { target: { value: '2026-09-28 10:00' } })
    fireEvent.change(within(dialog).getByTestId('cn-statement'), { target: { value: '我们是授权经销商。' } })
    await user.click(within(dialog).getByTestId('cn-submit'))

    await waitFor(() => expect(mock.calls.some((c) => c.cmd === 'record_counter_notice')).toBe(true))
    const draft = mock.calls.find((c) => c.cmd === 'record_counter_notice')!.args.draft as CounterNoticeDraft
    expect(draft).toMatchObject({ complaint_id: FILED_ID, round: 2, listing_ids: [], statement: '我们是授权经销商。' })
    expect(new Date(draft.received_at).toISOString()).toBe('2026-09-28T02:00:00.000Z')

    const card = await screen.findByTestId('counter-notice-2')
    // The mock counts 3 working days skipping weekends only (the real calendar knows the holidays).
    expect(await within(card).findByText('2026-10-01 · Asia/Shanghai')).toBeTruthy()
  })

  it('refuses a time that is not in the form asked for, and sends nothing', async () => {
    const user = userEvent.setup()
    renderApp(`/complaints/${FILED_ID}`)
    await user.click(await screen.findByTestId('counter-notice-add'))
    const dialog = await screen.findByRole('dialog')
    fireEvent.change(within(dialog).getByTestId('cn-received-at'), { target: { value: '28.09.2026 10:00' } })
    await user.click(within(dialog).getByTestId('cn-submit'))
    expect(await within(dialog).findByText('Enter a China time as YYYY-MM-DD HH:mm')).toBeTruthy()
    expect(mock.calls.some((c) => c.cmd === 'record_counter_notice')).toBe(false)
  })

  it('is not offered on a complaint that is not filed', async () => {
    renderApp(`/complaints/${DRAFT_ID}`)
    await screen.findByTestId('complaint-label')
    expect(screen.queryByTestId('counter-notices')).toBeNull()
    expect(screen.getByTestId('complaint-deadlines')).toBeTruthy()
  })
})

describe('deadline rules', () => {
  it('shows the backend field errors, saves a new version and resets it', async () => {
    const user = userEvent.setup()
    renderApp('/settings')
    const table = await screen.findByTestId('rules-table')
    expect(screen.getByTestId('rules-defaults-note')).toBeTruthy()
    expect(await within(table).findByText('Reply to the counter-notice with more evidence')).toBeTruthy()
    expect(within(table).getAllByText('3 working days after').length).toBeGreaterThan(0)

    await user.click(within(table).getByTestId('rule-edit-ipp_reply_counter_notice'))
    const dialog = await screen.findByRole('dialog')
    const zone = within(dialog).getByTestId('rule-time-zone')
    await user.clear(zone)
    await user.type(zone, 'China time')
    await user.click(within(dialog).getByTestId('rule-save'))
    expect(await within(dialog).findByText('Invalid value')).toBeTruthy()

    await user.clear(zone)
    await user.type(zone, 'Asia/Shanghai')
    const offset = within(dialog).getByTestId('rule-offset')
    await user.clear(offset)
    await user.type(offset, '5')
    await user.click(within(dialog).getByTestId('rule-save'))
    await waitFor(() => expect(mock.calls.filter((c) => c.cmd === 'save_deadline_rule')).toHaveLength(2))
    const saved = mock.calls.filter((c) => c.cmd === 'save_deadline_rule').at(-1)!.args.rule as DeadlineRule
    expect(saved).toMatchObject({ key: 'ipp_reply_counter_notice', offset: 5, time_zone: 'Asia/Shanghai', unit: 'working_days' })
    expect(await within(table).findByText('5 working days after')).toBeTruthy()
    expect(within(table).getByText('Edited')).toBeTruthy()

    await user.click(within(table).getByTestId('rule-reset-ipp_reply_counter_notice'))
    await user.click(await screen.findByRole('button', { name: 'OK' }))
    await waitFor(() => expect(within(table).queryByText('Edited')).toBeNull())
    expect(mock.rules.filter((r) => r.key === 'ipp_reply_counter_notice').map((r) => r.version)).toEqual([1, 2, 3])
  })
})

describe('dashboard in Chinese', () => {
  it('renders its labels in zh-CN', async () => {
    await act(async () => {
      await i18n.changeLanguage('zh-CN')
    })
    renderApp('/dashboard')
    await screen.findByTestId('deadline-list')
    expect(within(screen.getByRole('navigation')).getByText('仪表板')).toBeTruthy()
    expect(within(screen.getByTestId('dashboard-count-overdue')).getByText('已逾期')).toBeTruthy()
    expect(within(screen.getByTestId('good-faith-panel')).getByText('善意投诉计划')).toBeTruthy()
  })
})
