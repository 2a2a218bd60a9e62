import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import i18n from '../i18n'
import type { HolderRow, RightDraft, RightRow } from '../lib/ipc/bindings'
import { callBackend, callsTo, resetBackend } from './realBackend'
import { renderApp } from './renderApp'

beforeEach(async () => {
  await act(async () => {
    await i18n.changeLanguage('en')
  })
  await resetBackend({ sample: true })
})

const holders = () => callBackend<HolderRow[]>('list_holders')

describe('rights holders', () => {
  it('lists holders, including a Chinese legal name', async () => {
    renderApp('/holders')
    expect(await screen.findByText('深圳市极光电子有限公司', { selector: 'a' })).toBeTruthy()
    expect(screen.getByText('林晓雯', { selector: 'a' })).toBeTruthy()
  })

  it('bad input shows field errors and saves nothing', async () => {
    const user = userEvent.setup()
    renderApp('/holders')
    await screen.findByText('深圳市极光电子有限公司')
    const before = (await holders()).length

    await user.click(screen.getByTestId('holder-new'))
    const dialog = await screen.findByRole('dialog')
    // What the backend requires is marked before Save, the contact e-mail included.
    const marked = [...dialog.querySelectorAll('.ant-form-item-required')].map((l) => l.getAttribute('for'))
    expect(marked).toEqual(['holder_legal_name', 'holder_country', 'holder_contact_email'])
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

    // The backend was asked, refused, and saved nothing.
    expect(callsTo('create_holder')).toHaveLength(1)
    expect((await holders()).length).toBe(before)
    expect(screen.getByRole('dialog')).toBeTruthy()
  })

  it('shows an empty state with next steps, and loads sample data', async () => {
    await resetBackend({ sample: false })
    const user = userEvent.setup()
    renderApp('/holders')
    expect(await screen.findByText('Add your first rights holder, or load sample data')).toBeTruthy()
    await user.click(screen.getByTestId('load-sample'))
    expect(await screen.findByText('深圳市极光电子有限公司')).toBeTruthy()
    expect((await holders()).map((h) => h.legal_name)).toContain('林晓雯')
  })
})

describe('language', () => {
  it('switching to zh-CN changes the navigation labels', async () => {
    const user = userEvent.setup()
    renderApp('/settings')
    const nav = await screen.findByRole('navigation')
    expect(within(nav).getByText('Rights holders')).toBeTruthy()
    // The page loads on first visit (each page is its own chunk).
    await user.click(await screen.findByTestId('lang-zh'))
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
    await screen.findByText('极光 AURORA', { selector: 'a' })
    await user.click(screen.getByTestId('right-new'))
    const dialog = await screen.findByRole('dialog')

    await user.type(within(dialog).getByLabelText(/^Title/), 'NORDLICHT')
    await user.type(within(dialog).getByLabelText(/^Jurisdiction/), 'de')
    // The backend requires a registration number.
    await user.type(within(dialog).getByLabelText(/^Registration number/), '30 2026 012 345')

    // Registrant: open the select and pick the holder.
    const registrant = document.getElementById('right_registrant_id')!
    fireEvent.mouseDown(registrant)
    await user.click(await screen.findByText('林晓雯 (LIN Xiaowen)', { selector: '.ant-select-item-option-content' }))

    // Nice classes: type and confirm with Enter, or separate with a comma.
    const nice = document.getElementById('right_nice_classes')!
    await user.click(nice)
    await user.type(nice, '25')
    fireEvent.keyDown(nice, { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 })
    // Typing with a token separator adds the class too.
    await user.type(nice, '9,')

    await user.click(within(dialog).getByTestId('right-save'))
    await waitFor(() => expect(callsTo('create_right')).toHaveLength(1))
    const draft = callsTo('create_right')[0].draft as RightDraft
    expect(draft.nice_classes).toEqual([9, 25])
    expect(draft.nice_classes.every((n) => typeof n === 'number')).toBe(true)
    expect(draft.jurisdiction).toBe('DE')
    expect(draft.mark_type).toBe('word')
    expect(draft.registrant_id).toBe((await holders()).find((h) => h.legal_name === '林晓雯')!.id)
    await waitFor(async () => {
      const saved = (await callBackend<RightRow[]>('list_rights')).find((r) => r.title === 'NORDLICHT')
      expect(saved).toMatchObject({ jurisdiction: 'DE', nice_classes: [9, 25] })
    })
  })
})

describe('startup', () => {
  it('shows a full-page error when the database cannot be opened', async () => {
    await resetBackend({ sample: false, open: 'not_a_database' })
    // What the backend answers for a file that is not a database.
    const refusal = await callBackend('app_info').then(
      () => null,
      (e: { code: string; message: string }) => e,
    )
    expect(refusal?.code).toBe('not_a_database')
    renderApp('/holders')
    expect(await screen.findByText('The database could not be opened')).toBeTruthy()
    expect(screen.getByText(refusal!.message)).toBeTruthy()
  })
})
