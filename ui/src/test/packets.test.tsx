import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import i18n from '../i18n'
import { bundlePathFor } from '../lib/fileDialogs'
import type { PacketRequest } from '../lib/ipc/bindings'
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

// The seeded filed complaint (platform number IPP-2025-0417), which has one counter-notice.
const FILED_ID = '00000000-0000-4000-8000-c00000000a03'

const requests = () => mock.calls.filter((c) => c.cmd === 'generate_packet').map((c) => c.args.request as PacketRequest)

describe('evidence packets', () => {
  it('generates a complaint packet with its bundle, shows the manifest SHA-256 and opens the PDF', async () => {
    mock.dialogPaths = ['/home/li/packets/complaint-IPP-2025-0417.pdf']
    const user = userEvent.setup()
    renderApp(`/complaints/${FILED_ID}`)
    await user.click(await screen.findByTestId('packet-complaint'))
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByText('Evidence packet — complaint')).toBeTruthy()
    const bundle = within(dialog).getByRole('checkbox', { name: 'Also save a bundle (.zip) with the original files and manifest' })
    expect((bundle as HTMLInputElement).checked).toBe(true)
    await user.click(within(dialog).getByTestId('packet-generate'))

    const sha = await within(dialog).findByTestId('packet-sha256')
    // The save dialog suggested a file name from the complaint's platform number.
    const save = mock.calls.find((c) => c.cmd === 'plugin:dialog|save')!
    expect((save.args.options as { defaultPath: string }).defaultPath).toBe('complaint-IPP-2025-0417.pdf')
    expect(requests()).toEqual([
      {
        kind: 'complaint',
        id: FILED_ID,
        pdf_path: '/home/li/packets/complaint-IPP-2025-0417.pdf',
        bundle_path: '/home/li/packets/complaint-IPP-2025-0417.zip',
      },
    ])
    const result = mock.packets[0]
    expect(sha.textContent).toBe(result.manifest_sha256)
    expect(result.manifest_sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(within(dialog).getByText(result.packet_id)).toBeTruthy()
    expect(within(dialog).getByText('/home/li/packets/complaint-IPP-2025-0417.zip')).toBeTruthy()
    expect(within(dialog).getByText(`${Math.round(result.pdf_size / 1024)} KB`)).toBeTruthy()
    expect(within(dialog).getByText(result.files === 1 ? '1 file' : `${result.files} files`)).toBeTruthy()

    await user.click(within(dialog).getByTestId('packet-open'))
    await waitFor(() => expect(mock.calls.some((c) => c.cmd === 'open_packet')).toBe(true))
    expect(mock.calls.find((c) => c.cmd === 'open_packet')!.args).toEqual({ path: '/home/li/packets/complaint-IPP-2025-0417.pdf' })
  })

  it('a counter-notice packet without the bundle sends no bundle path', async () => {
    mock.dialogPaths = ['/tmp/cn.pdf']
    const user = userEvent.setup()
    renderApp(`/complaints/${FILED_ID}`)
    const card = await screen.findByTestId('counter-notice-1')
    await user.click(within(card).getByTestId('packet-counter_notice'))
    const dialog = await screen.findByRole('dialog')
    await user.click(within(dialog).getByText('Also save a bundle (.zip) with the original files and manifest'))
    await user.click(within(dialog).getByTestId('packet-generate'))
    await within(dialog).findByTestId('packet-sha256')
    expect(requests()).toEqual([{ kind: 'counter_notice', id: mock.counterNotices[0].id, pdf_path: '/tmp/cn.pdf', bundle_path: null }])
    expect(within(dialog).queryByText('Bundle (.zip)')).toBeNull()
  })

  it('shows progress and disables the buttons while generating', async () => {
    mock.dialogPaths = ['/tmp/slow.pdf']
    let finish = () => {}
    mock.packetGate = new Promise<void>((resolve) => {
      finish = resolve
    })
    const user = userEvent.setup()
    renderApp(`/complaints/${FILED_ID}`)
    await user.click(await screen.findByTestId('packet-complaint'))
    const dialog = await screen.findByRole('dialog')
    await user.click(within(dialog).getByTestId('packet-generate'))
    const progress = await within(dialog).findByTestId('packet-progress')
    expect(progress.textContent).toContain('Generating the packet… large packets take a few seconds')
    expect((within(dialog).getByTestId('packet-generate') as HTMLButtonElement).disabled).toBe(true)
    expect((within(dialog).getByText('Cancel').closest('button') as HTMLButtonElement).disabled).toBe(true)
    expect((within(dialog).getByRole('checkbox') as HTMLInputElement).disabled).toBe(true)
    await act(async () => finish())
    await within(dialog).findByTestId('packet-sha256')
    expect(within(dialog).queryByTestId('packet-progress')).toBeNull()
  })

  it('a registration packet is for a programme account, from the holder page', async () => {
    mock.dialogPaths = ['/tmp/reg.pdf']
    const user = userEvent.setup()
    const account = mock.accounts[0]
    renderApp(`/holders/${account.holder_id}`)
    const buttons = await screen.findAllByTestId('packet-registration')
    expect(buttons).toHaveLength(mock.accounts.filter((a) => a.holder_id === account.holder_id).length)
    await user.click(buttons[0])
    await user.click(within(await screen.findByRole('dialog')).getByTestId('packet-generate'))
    await screen.findByTestId('packet-sha256')
    expect(requests()).toEqual([{ kind: 'registration', id: account.id, pdf_path: '/tmp/reg.pdf', bundle_path: '/tmp/reg.zip' }])
  })

  it('an IP right packet from the right page; cancelling the save dialog generates nothing', async () => {
    const user = userEvent.setup()
    const right = mock.rights[0]
    renderApp(`/rights/${right.id}`)
    await user.click(await screen.findByTestId('packet-ip_right'))
    const dialog = await screen.findByRole('dialog')
    await user.click(within(dialog).getByTestId('packet-generate'))
    await waitFor(() => expect(mock.calls.some((c) => c.cmd === 'plugin:dialog|save')).toBe(true))
    expect(requests()).toEqual([])
    expect(within(dialog).queryByTestId('packet-result')).toBeNull()

    mock.dialogPaths = ['/tmp/right.pdf']
    await user.click(within(dialog).getByTestId('packet-generate'))
    await within(dialog).findByTestId('packet-sha256')
    expect(requests()).toEqual([{ kind: 'ip_right', id: right.id, pdf_path: '/tmp/right.pdf', bundle_path: '/tmp/right.zip' }])
  })

  it('reports a refused packet like any other error', async () => {
    mock.dialogPaths = ['/tmp/gone.pdf']
    const user = userEvent.setup()
    renderApp(`/complaints/${FILED_ID}`)
    await user.click(await screen.findByTestId('packet-complaint'))
    mock.complaints = mock.complaints.filter((c) => c.id !== FILED_ID)
    await user.click(within(await screen.findByRole('dialog')).getByTestId('packet-generate'))
    expect(await screen.findByText(`No complaint with id ${FILED_ID}.`)).toBeTruthy()
    expect(screen.queryByTestId('packet-result')).toBeNull()
  })

  it('the bundle goes next to the PDF', () => {
    expect(bundlePathFor('/a/b/packet.pdf')).toBe('/a/b/packet.zip')
    expect(bundlePathFor('C:\\x\\Packet.PDF')).toBe('C:\\x\\Packet.zip')
    expect(bundlePathFor('/a/b/packet')).toBe('/a/b/packet.zip')
  })

  it('labels the button in Chinese', async () => {
    await act(async () => {
      await i18n.changeLanguage('zh-CN')
    })
    renderApp(`/rights/${mock.rights[0].id}`)
    expect((await screen.findByTestId('packet-ip_right')).textContent).toContain('证据包（PDF）')
  })
})
