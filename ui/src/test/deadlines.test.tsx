import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import i18n from '../i18n'
import { fromChinaTime, toChinaTime } from '../lib/format'
import type {
  ComplaintDetail,
  CounterNoticeDraft,
  Dashboard,
  Deadline,
  DeadlineFilter,
  DeadlineRow,
  DeadlineRule,
  TaskDraft,
  VersionedRule,
} from '../lib/ipc/bindings'
import { callBackend, callsTo, resetBackend } from './realBackend'
import { renderApp } from './renderApp'
import { sampleComplaints } from './sample'

// Every test starts on the sample data with "today" 2026-06-15 (a Monday):
// the filed Taobao complaint's counter-notice window closed on 2026-05-29
// (overdue), its counter-notice's art. 43 deadline falls on 2026-06-18.
beforeEach(async () => {
  await act(async () => {
    await i18n.changeLanguage('en')
  })
  await resetBackend({ sample: true })
})

const countOf = (bucket: string) =>
  screen.getByTestId(`dashboard-count-${bucket}`).querySelector('.ant-statistic-content')!.textContent

const WINDOW = "IPP-TB-2026-0173: Seller's counter-notice window closes: check the listings"

const openDeadlines = (filter: Partial<DeadlineFilter> = {}) =>
  callBackend<DeadlineRow[]>('open_deadlines', { filter: { bucket: 'open', assignee: null, platform: null, limit: 500, ...filter } })

/** A manual task due tomorrow (this week), for Li Na. */
const createTask = () =>
  callBackend<Deadline>('create_task', {
    task: {
      title: 'Call the appraiser',
      due_at: '2026-06-16T04:00:00Z',
      assignee: 'Li Na 李娜',
      complaint_id: null,
      notes: '',
    } satisfies TaskDraft,
  })

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
    const { filed } = await sampleComplaints()
    // A second counter-notice received 2026-12-29: its reply is due in 2027,
    // whose holiday schedule is not published, so the day is an estimate.
    await callBackend('record_counter_notice', {
      draft: {
        complaint_id: filed.id,
        round: 2,
        listing_ids: [],
        received_at: '2026-12-29T02:00:00Z',
        grounds: 'other',
        statement: '我们是授权经销商。',
        extension_days: 0,
        extension_reason: '',
      } satisfies CounterNoticeDraft,
    })
    const { counts } = await callBackend<Dashboard>('dashboard')
    renderApp('/dashboard')
    const list = await screen.findByTestId('deadline-list')
    expect(countOf('overdue')).toBe(String(counts.overdue))
    expect(countOf('today')).toBe(String(counts.due_today))
    expect(countOf('week')).toBe(String(counts.due_this_week))
    expect(countOf('open')).toBe(String(counts.open))
    expect(counts).toMatchObject({ overdue: 4, due_today: 0, due_this_week: 1 })
    // Unfiltered: overdue and due this week, with the rule's day and zone under the local time.
    const window = (await within(list).findByText(WINDOW)).closest('tr')!
    expect(within(window).getByText('2026-05-29 · Asia/Shanghai')).toBeTruthy()
    expect(within(window).getByText('IPP-TB-2026-0173').getAttribute('href')).toContain(filed.id)
    expect(within(list).getByText(/counter-notice 1: Art\. 43/)).toBeTruthy()
    expect(within(list).queryByText(/counter-notice 2/)).toBeNull()
    expect(within(list).queryByTestId('deadline-estimated')).toBeNull()
    // "Open" lists the later ones too; the 2027 reply is marked estimated.
    await userEvent.click(screen.getByTestId('dashboard-count-open'))
    const reply = (await within(list).findByText(/counter-notice 2: Reply to the counter-notice/)).closest('tr')!
    expect(within(reply).getByText('2027-01-01 · Asia/Shanghai')).toBeTruthy()
    expect(within(reply).getByTestId('deadline-estimated').textContent).toBe('Estimated: 2027')
  })

  it('filters the list by assignee when a row is clicked', async () => {
    await createTask()
    const user = userEvent.setup()
    renderApp('/dashboard')
    const list = await screen.findByTestId('deadline-list')
    expect(await within(list).findByText(WINDOW)).toBeTruthy()
    expect(screen.getByTestId('dashboard-assignee-').textContent).toContain('Unassigned')
    await user.click(screen.getByTestId('dashboard-assignee-Li Na 李娜'))
    await waitFor(() => expect(within(list).queryByText(WINDOW)).toBeNull())
    expect(await within(list).findByText('Call the appraiser')).toBeTruthy()
    const filter = callsTo('open_deadlines').at(-1)!.filter
    expect(filter).toMatchObject({ bucket: 'open', assignee: 'Li Na 李娜', platform: null } satisfies Partial<DeadlineFilter>)
  })

  it('warns when an account nears a good-faith line', async () => {
    // The sample's IPP account has 2 of 3 decided listings removed (66.7 %,
    // under the 90 % line); eight more removed bring it to 10 of 11: 90.9 %.
    const { filed } = await sampleComplaints()
    const c = await callBackend<{ id: string }>('create_complaint', {
      draft: {
        account_id: filed.account_id,
        platform: 'taobao',
        right_id: filed.right_id,
        target: 'listings',
        reason: 'counterfeit',
        explanation_en: filed.explanation_en,
        explanation_zh: filed.explanation_zh,
        external_number: '',
        assignee: '',
        notes: '',
      },
    })
    const text = Array.from({ length: 8 }, (_, i) => `https://item.taobao.com/item.htm?id=81000000000${i}`).join('\n')
    await callBackend('import_listings', { request: { source: { kind: 'paste', text }, complaint_id: c.id }, commit: true })
    await callBackend('file_complaint', { id: c.id, input: { filed_on: '2026-06-10', external_number: 'IPP-TB-2026-0200' } })
    const { listings } = await callBackend<ComplaintDetail>('get_complaint', { id: c.id })
    await callBackend('set_listing_outcomes', {
      id: c.id,
      input: { listing_ids: listings.map((l) => l.listing.id), outcome: 'removed', on: '2026-06-12' },
    })

    renderApp('/dashboard')
    const panel = await screen.findByTestId('good-faith-panel')
    const account = within(panel).getByText('ipp-login@aurora-electronics.example').closest('[data-level]')!
    expect(account.getAttribute('data-level')).toBe('warning')
    expect(within(panel).getByText('Near the line')).toBeTruthy()
    expect(within(account as HTMLElement).getByTestId('good-faith-sentence').textContent).toBe(
      'Takedown success is 90.9 %, within 2 points of the 90 % line.',
    )
  })

  it('ticks a deadline off, with an Undo', async () => {
    const task = await createTask()
    const isOpen = async () => (await openDeadlines()).some((d) => d.id === task.id)
    const user = userEvent.setup()
    renderApp('/dashboard')
    await screen.findByTestId('deadline-list')
    await user.click(await screen.findByTestId(`deadline-done-${task.id}`))
    await waitFor(async () => expect(await isOpen()).toBe(false))
    await user.click(await screen.findByTestId('deadline-undo'))
    await waitFor(async () => expect(await isOpen()).toBe(true))
  })
})

describe('counter-notices', () => {
  it('records one typed in China time, sent as UTC, and shows its deadlines', async () => {
    const { filed } = await sampleComplaints()
    const user = userEvent.setup()
    renderApp(`/complaints/${filed.id}`)
    const section = await screen.findByTestId('counter-notices')
    await user.click(within(section).getByTestId('counter-notice-add'))
    const dialog = await screen.findByRole('dialog')
    const received = within(dialog).getByTestId('cn-received-at') as HTMLInputElement
    // Defaults to now in China time.
    expect(received.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    fireEvent.change(received, { target: { value: '2026-09-28 10:00' } })
    fireEvent.change(within(dialog).getByTestId('cn-statement'), { target: { value: '我们是授权经销商。' } })
    await user.click(within(dialog).getByTestId('cn-submit'))

    await waitFor(() => expect(callsTo('record_counter_notice')).toHaveLength(1))
    const draft = callsTo('record_counter_notice')[0].draft as CounterNoticeDraft
    // The sample's complaint has had one counter-notice already.
    expect(draft).toMatchObject({ complaint_id: filed.id, round: 2, listing_ids: [], statement: '我们是授权经销商。' })
    expect(new Date(draft.received_at).toISOString()).toBe('2026-09-28T02:00:00.000Z')

    const card = await screen.findByTestId('counter-notice-2')
    // Three working days on the China calendar: 29 and 30 September, then
    // the National Day holiday (1-7 October) is skipped: due 8 October.
    expect(await within(card).findByText('2026-10-08 · Asia/Shanghai')).toBeTruthy()
  })

  it('extends art. 43 by working days lost to notarization, asking why', async () => {
    const { filed } = await sampleComplaints()
    const user = userEvent.setup()
    renderApp(`/complaints/${filed.id}`)
    const section = await screen.findByTestId('counter-notices')
    await user.click(within(section).getByTestId('counter-notice-add'))
    const dialog = await screen.findByRole('dialog')
    // Forwarded Thursday 5 November: art. 43's 15th day is Friday 20 November.
    fireEvent.change(within(dialog).getByTestId('cn-received-at'), { target: { value: '2026-11-05 10:00' } })
    const extension = within(dialog).getByTestId('cn-extension-days')
    await user.clear(extension)
    await user.type(extension, '5')
    await user.click(within(dialog).getByTestId('cn-submit'))
    // The reason is required: the backend refuses, and says so under the field (by its code).
    const reason = within(dialog).getByTestId('cn-extension-reason')
    expect(await within(reason.closest('.ant-form-item') as HTMLElement).findByText('Required')).toBeTruthy()
    fireEvent.change(within(dialog).getByTestId('cn-extension-reason'), { target: { value: '深圳公证处，11月6日至12日' } })
    await user.click(within(dialog).getByTestId('cn-submit'))
    const card = await screen.findByTestId('counter-notice-2')
    // Five working days after 20 November: 27 November.
    expect(await within(card).findByText('2026-11-27 · Asia/Shanghai')).toBeTruthy()
    expect(within(card).getByText('5 · 深圳公证处，11月6日至12日')).toBeTruthy()
  })

  it('counts the seller window from the notification day, and marks it estimated from filing until recorded', async () => {
    const { filed } = await sampleComplaints()
    renderApp(`/complaints/${filed.id}`)
    const picker = await screen.findByTestId('seller-notified')
    // The sample records the day IPP forwarded the complaint: nothing estimated.
    expect((picker as HTMLInputElement).value).not.toBe('')
    expect(screen.queryByTestId('seller-notified-missing')).toBeNull()
    // Cleared: the window is counted from filing, and says so.
    // The clear icon shows on hover (pointer-events: none until then in jsdom's eyes).
    fireEvent.mouseEnter(picker.closest('.ant-picker') as HTMLElement)
    const clear = picker.closest('.ant-picker')!.querySelector('.ant-picker-clear') as HTMLElement
    fireEvent.mouseDown(clear)
    fireEvent.mouseUp(clear)
    fireEvent.click(clear)
    await waitFor(() => expect(callsTo('set_seller_notified')).toEqual([{ id: filed.id, on: null }]))
    expect(await screen.findByTestId('seller-notified-missing')).toBeTruthy()
    const deadlines = await screen.findByTestId('complaint-deadlines')
    expect(await within(deadlines).findByText('Estimated: from filing')).toBeTruthy()
  })

  it('refuses a time that is not in the form asked for, and sends nothing', async () => {
    const { filed } = await sampleComplaints()
    const user = userEvent.setup()
    renderApp(`/complaints/${filed.id}`)
    await user.click(await screen.findByTestId('counter-notice-add'))
    const dialog = await screen.findByRole('dialog')
    fireEvent.change(within(dialog).getByTestId('cn-received-at'), { target: { value: '28.09.2026 10:00' } })
    await user.click(within(dialog).getByTestId('cn-submit'))
    expect(await within(dialog).findByText('Enter a China time as YYYY-MM-DD HH:mm')).toBeTruthy()
    expect(callsTo('record_counter_notice')).toHaveLength(0)
  })

  it('is not offered on a complaint that is not filed', async () => {
    const { draft } = await sampleComplaints()
    renderApp(`/complaints/${draft.id}`)
    await screen.findByTestId('complaint-label')
    expect(screen.queryByTestId('counter-notices')).toBeNull()
    expect(screen.getByTestId('complaint-deadlines')).toBeTruthy()
  })
})

describe('task form', () => {
  it('takes Enter in the date picker as picking the date, not as saving the form', async () => {
    await sampleComplaints()
    const user = userEvent.setup()
    renderApp('/dashboard')
    await user.click(await screen.findByTestId('dashboard-add-task'))
    const dialog = await screen.findByRole('dialog')
    await user.type(within(dialog).getByTestId('task-title'), 'Call the notary')
    const due = within(dialog).getByTestId('task-due')
    await user.click(due)
    await user.clear(due)
    await user.type(due, '2026-12-10 10:00{Enter}')
    // The date is taken, the form is not sent, the dialog stays open.
    await waitFor(() => expect((due as HTMLInputElement).value).toBe('2026-12-10 10:00'))
    await new Promise((r) => setTimeout(r, 300))
    expect(callsTo('create_task')).toHaveLength(0)
    expect(screen.getByRole('dialog')).toBeTruthy()
    // Saving is the Save button's (or Enter in a text field's) job.
    await user.type(within(dialog).getByTestId('task-title'), '{Enter}')
    await waitFor(() => expect(callsTo('create_task')).toHaveLength(1))
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
    // The backend refuses the zone; its field error sits under the field.
    expect(await within(dialog).findByText('Invalid value')).toBeTruthy()

    await user.clear(zone)
    await user.type(zone, 'Asia/Shanghai')
    const offset = within(dialog).getByTestId('rule-offset')
    await user.clear(offset)
    await user.type(offset, '5')
    await user.click(within(dialog).getByTestId('rule-save'))
    await waitFor(() => expect(callsTo('save_deadline_rule')).toHaveLength(2))
    const saved = callsTo('save_deadline_rule').at(-1)!.rule as DeadlineRule
    expect(saved).toMatchObject({ key: 'ipp_reply_counter_notice', offset: 5, time_zone: 'Asia/Shanghai', unit: 'working_days' })
    expect(await within(table).findByText('5 working days after')).toBeTruthy()
    expect(within(table).getByText('Edited')).toBeTruthy()

    await user.click(within(table).getByTestId('rule-reset-ipp_reply_counter_notice'))
    await user.click(await screen.findByRole('button', { name: 'OK' }))
    await waitFor(() => expect(within(table).queryByText('Edited')).toBeNull())
    const history = await callBackend<VersionedRule[]>('deadline_rule_history', { key: 'ipp_reply_counter_notice' })
    expect(history.map((r) => r.version).sort()).toEqual([1, 2, 3])
    expect(history.find((r) => r.version === 3)).toMatchObject({ offset: 3 })
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
