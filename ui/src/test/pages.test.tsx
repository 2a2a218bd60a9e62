import { act, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import i18n from '../i18n'
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

describe('detail pages render', () => {
  it('holder detail shows fields, POA state and the audit trail', async () => {
    const user = userEvent.setup()
    const h = mock.holders[0]
    renderApp(`/holders/${h.id}`)
    expect(await screen.findByText('91440300MA5XXXXXX1')).toBeTruthy()
    await user.click(screen.getByRole('tab', { name: 'Powers of attorney' }))
    expect(await screen.findByText('Expiring in 19 days')).toBeTruthy()
    await user.click(screen.getByRole('tab', { name: 'Audit trail' }))
    expect(await screen.findByText('No history recorded.')).toBeTruthy()
  })

  it('right detail shows registrations and complaint backing', async () => {
    renderApp(`/rights/${mock.rights[0].id}`)
    expect(await screen.findByText('Can back a complaint today?')).toBeTruthy()
    expect(screen.getByText('Alibaba IPP')).toBeTruthy()
    expect(screen.getByText('Taobao')).toBeTruthy()
  })

  it('agents page lists agents and POAs', async () => {
    renderApp('/agents')
    expect((await screen.findAllByText('Lin & Partners')).length).toBeGreaterThan(0)
    expect(await screen.findByText('深圳市星河科技有限公司')).toBeTruthy()
  })

  it('settings verifies integrity', async () => {
    const user = userEvent.setup()
    renderApp('/settings')
    await user.click(await screen.findByTestId('verify'))
    expect(await screen.findByText('Everything checks out')).toBeTruthy()
  })
})
