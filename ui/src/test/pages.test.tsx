import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import i18n from '../i18n'
import type { PoaDraft, RightDetail } from '../lib/ipc/bindings'
import { callBackend, resetBackend } from './realBackend'
import { renderApp } from './renderApp'
import { sampleBrand, sampleCnMark } from './sample'

beforeEach(async () => {
  await act(async () => {
    await i18n.changeLanguage('en')
  })
  await resetBackend({ sample: true })
})

describe('detail pages render', () => {
  it('holder detail shows fields, POA state and the audit trail', async () => {
    const user = userEvent.setup()
    const { holder: h, poas } = await sampleBrand()
    // The sample's power of attorney, made to end 19 days after "today" (2026-06-15).
    const [poa] = poas
    const draft: PoaDraft = {
      holder_id: poa.holder_id,
      agent_id: poa.agent_id,
      scope: poa.scope,
      valid_from: poa.valid_from,
      valid_until: '2026-07-04',
      signatory_title: poa.signatory_title,
      notes: poa.notes,
    }
    await callBackend('update_poa', { id: poa.id, draft })
    renderApp(`/holders/${h.id}`)
    expect(await screen.findByText('91440300MA5F3XXX1K')).toBeTruthy()
    await user.click(screen.getByRole('tab', { name: 'Powers of attorney' }))
    expect(await screen.findByText('Expiring in 19 days')).toBeTruthy()
    await user.click(screen.getByRole('tab', { name: 'Audit trail' }))
    const audit = await screen.findByRole('tabpanel', { name: 'Audit trail' })
    // The holder's creation and the business licence attached to it.
    expect(await within(audit).findByText('Created')).toBeTruthy()
    expect(within(audit).getByText('Attached')).toBeTruthy()
  })

  it('right detail shows registrations and complaint backing', async () => {
    const cn = await sampleCnMark()
    const detail = await callBackend<RightDetail>('get_right', { id: cn.id })
    renderApp(`/rights/${cn.id}`)
    expect(await screen.findByText('Can back a complaint today?')).toBeTruthy()
    expect(screen.getByText('Alibaba IPP')).toBeTruthy()
    expect(screen.getByText('IPR-CN-778201')).toBeTruthy()
    // Approved on Alibaba IPP: it backs complaints on Taobao, as the backend says.
    expect(detail.backing.find((b) => b.platform === 'taobao')).toMatchObject({ refused: null })
    const taobao = screen.getByText('Taobao').closest('.ant-space') as HTMLElement
    expect(within(taobao).getByText('Yes')).toBeTruthy()
  })

  it('agents page lists agents and POAs', async () => {
    renderApp('/agents')
    expect((await screen.findAllByText('北京和信知识产权律师事务所 (Hexin IP Law Firm)')).length).toBeGreaterThan(0)
    expect(await screen.findByText('深圳市极光电子有限公司')).toBeTruthy()
  })

  it('settings verifies integrity', async () => {
    const user = userEvent.setup()
    renderApp('/settings')
    await user.click(await screen.findByTestId('verify'))
    expect(await screen.findByText('Everything checks out')).toBeTruthy()
  })
})
