import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import i18n from '../i18n'
import type { RightDraft } from '../lib/ipc/bindings'
import { clearMocks, emptyState, installMockBackend } from '../testing/mockBackend'
import type { MockState } from '../testing/mockBackend'
import { renderApp } from './renderApp'

let mock: MockState

beforeEach(async () => {
  await act(async () => {
    await i18n.changeLanguage('en')
  })
  mock = installMockBackend()
})

afterEach(() => {
  clearMocks()
})

describe('rights holders', () => {
  it('lists holders, including a Chinese legal name', async () => {
    renderApp('/holders')
    expect(await screen.findByText('深圳市星河科技有限公司')).toBeTruthy()
    expect(screen.getByText('Anna Berg', { selector: 'a' })).toBeTruthy()
  })

  it('bad input shows field errors and saves nothing', async () => {
    const user = userEvent.setup()
    renderApp('/holders')
    await screen.findByText('深圳市星河科技有限公司')
    const before = mock.holders.length

    await user.click(screen.getByTestId('holder-new'))
    const dialog = await screen.findByRole('dialog')
    await user.type(within(dialog).getByLabelText(/^Country/), 'cn')
    await user.type(within(dialog).getByLabelText(/^Contact e-mail/), 'not-an-email')
    await user.click(within(dialog).getByTestId('holder-save'))

    await waitFor(() => {
      const errors = [...document.querySelectorAll('.ant-form-item-explain-error')].map((e) => e.textContent)
      expect(errors).toContain('Required')
      expect(errors).toContain('Not a valid e-mail address')
    })
    // The errors sit under the matching fields.
    const legal = document.getElementById('holder_legal_name')!.closest('.ant-form-item')!
    expect(legal.querySelector('.ant-form-item-explain-error')?.textContent).toBe('Required')
    const email = document.getElementById('holder_contact_email')!.closest('.ant-form-item')!
    expect(email.querySelector('.ant-form-item-explain-error')?.textContent).toBe('Not a valid e-mail address')

    expect(mock.calls.some((c) => c.cmd === 'create_holder')).toBe(true)
    expect(mock.holders.length).toBe(before)
    expect(screen.getByRole('dialog')).toBeTruthy()
  })

  it('shows an empty state with next steps, and loads sample data', async () => {
    mock = installMockBackend(emptyState())
    const user = userEvent.setup()
    renderApp('/holders')
    expect(await screen.findByText('Add your first rights holder, or load sample data')).toBeTruthy()
    await user.click(screen.getByTestId('load-sample'))
    expect(await screen.findByText('深圳市星河科技有限公司')).toBeTruthy()
  })
})

describe('language', () => {
  it('switching to zh-CN changes the navigation labels', async () => {
    const user = userEvent.setup()
    renderApp('/settings')
    const nav = await screen.findByRole('navigation')
    expect(within(nav).getByText('Rights holders')).toBeTruthy()
    await user.click(screen.getByTestId('lang-zh'))
    await waitFor(() => expect(within(nav).getByText('权利人')).toBeTruthy())
    expect(within(nav).queryByText('Rights holders')).toBeNull()
    expect(localStorage.getItem('ippdesk.lang')).toBe('zh-CN')
    await user.click(screen.getByTestId('lang-en'))
    await waitFor(() => expect(within(nav).getByText('Rights holders')).toBeTruthy())
  })
})

describe('IP rights', () => {
  it('the right form sends Nice classes as numbers', async () => {
    const user = userEvent.setup()
    renderApp('/rights')
    await screen.findByText('星河', { selector: 'a' })
    await user.click(screen.getByTestId('right-new'))
    const dialog = await screen.findByRole('dialog')

    await user.type(within(dialog).getByLabelText(/^Title/), 'NORDLICHT')
    await user.type(within(dialog).getByLabelText(/^Jurisdiction/), 'de')

    // Registrant: open the select and pick the holder.
    const registrant = document.getElementById('right_registrant_id')!
    fireEvent.mouseDown(registrant)
    await user.click(await screen.findByText('Anna Berg', { selector: '.ant-select-item-option-content' }))

    // Nice classes: type and confirm with Enter, or separate with a comma.
    const nice = document.getElementById('right_nice_classes')!
    await user.click(nice)
    await user.type(nice, '25')
    fireEvent.keyDown(nice, { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 })
    // Typing with a token separator adds the class too.
    await user.type(nice, '9,')

    await user.click(within(dialog).getByTestId('right-save'))
    await waitFor(() => expect(mock.calls.some((c) => c.cmd === 'create_right')).toBe(true))
    const call = mock.calls.find((c) => c.cmd === 'create_right')!
    const draft = call.args.draft as RightDraft
    expect(draft.nice_classes).toEqual([9, 25])
    expect(draft.nice_classes.every((n) => typeof n === 'number')).toBe(true)
    expect(draft.jurisdiction).toBe('DE')
    expect(draft.mark_type).toBe('word')
    expect(draft.registrant_id).toBe(mock.holders.find((h) => h.legal_name === 'Anna Berg')!.id)
    expect(mock.rights.some((r) => r.title === 'NORDLICHT')).toBe(true)
  })
})

describe('startup', () => {
  it('shows a full-page error when the database cannot be opened', async () => {
    const s = emptyState()
    s.openError = { code: 'database_too_new', message: 'Schema 9 is newer than this app (1).', fields: [] }
    installMockBackend(s)
    renderApp('/holders')
    expect(await screen.findByText('The database could not be opened')).toBeTruthy()
    expect(screen.getByText('Schema 9 is newer than this app (1).')).toBeTruthy()
  })
})
