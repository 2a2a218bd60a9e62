/// <reference types="node" />
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import i18n from '../i18n'
import { bundlePathFor } from '../lib/fileDialogs'
import type { ComplaintDetail, ComplaintRow, PacketRequest, PacketResult } from '../lib/ipc/bindings'
import { answerDialogs, answersTo, callBackend, callsTo, holdCalls, resetBackend } from './realBackend'
import { renderApp } from './renderApp'
import { sampleBrand, sampleCnMark, sampleComplaints } from './sample'

// The sample's filed complaint (IPP-TB-2026-0173) has one counter-notice.
let filed: ComplaintRow
// Packets are really written: into a new temp folder per test.
let dir: string

beforeEach(async () => {
  await act(async () => {
    await i18n.changeLanguage('en')
  })
  await resetBackend({ sample: true })
  filed = (await sampleComplaints()).filed
  dir = mkdtempSync(join(tmpdir(), 'ippdesk-ui-packets-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const requests = () => callsTo('generate_packet').map((a) => a.request as PacketRequest)
const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en')} KB`

describe('evidence packets', () => {
  it('generates a complaint packet with its bundle, shows the manifest SHA-256 and opens the PDF', async () => {
    const pdf = join(dir, 'complaint-IPP-TB-2026-0173.pdf')
    const zip = join(dir, 'complaint-IPP-TB-2026-0173.zip')
    answerDialogs({ savePath: pdf })
    const user = userEvent.setup()
    renderApp(`/complaints/${filed.id}`)
    await user.click(await screen.findByTestId('packet-complaint'))
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByText('Evidence packet — complaint')).toBeTruthy()
    const bundle = within(dialog).getByRole('checkbox', { name: 'Also save a bundle (.zip) with the original files and manifest' })
    expect((bundle as HTMLInputElement).checked).toBe(true)
    await user.click(within(dialog).getByTestId('packet-generate'))

    const sha = await within(dialog).findByTestId('packet-sha256')
    // The save dialog suggested a file name from the complaint's platform number.
    expect(callsTo('choose_save_path')[0].defaultName).toBe('complaint-IPP-TB-2026-0173.pdf')
    expect(requests()).toEqual([{ kind: 'complaint', id: filed.id, pdf_path: pdf, bundle_path: zip }])
    const [result] = answersTo<PacketResult>('generate_packet')
    expect(sha.textContent).toBe(result.manifest_sha256)
    expect(result.manifest_sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(within(dialog).getByText(result.packet_id)).toBeTruthy()
    expect(within(dialog).getByText(zip)).toBeTruthy()
    expect(within(dialog).getByText(kb(result.pdf_size))).toBeTruthy()
    expect(within(dialog).getByText(result.files === 1 ? '1 file' : `${result.files} files`)).toBeTruthy()
    // The backend wrote both files, as large as it says.
    expect(statSync(pdf).size).toBe(result.pdf_size)
    expect(statSync(zip).size).toBe(result.bundle_size)

    await user.click(within(dialog).getByTestId('packet-open'))
    await waitFor(() => expect(callsTo('open_packet')).toEqual([{ path: pdf }]))
  })

  it('a counter-notice packet without the bundle sends no bundle path', async () => {
    const [notice] = (await callBackend<ComplaintDetail>('get_complaint', { id: filed.id })).counter_notices
    const pdf = join(dir, 'cn.pdf')
    answerDialogs({ savePath: pdf })
    const user = userEvent.setup()
    renderApp(`/complaints/${filed.id}`)
    const card = await screen.findByTestId('counter-notice-1')
    await user.click(within(card).getByTestId('packet-counter_notice'))
    const dialog = await screen.findByRole('dialog')
    await user.click(within(dialog).getByText('Also save a bundle (.zip) with the original files and manifest'))
    await user.click(within(dialog).getByTestId('packet-generate'))
    await within(dialog).findByTestId('packet-sha256')
    expect(requests()).toEqual([{ kind: 'counter_notice', id: notice.id, pdf_path: pdf, bundle_path: null }])
    expect(within(dialog).queryByText('Bundle (.zip)')).toBeNull()
    expect(existsSync(pdf)).toBe(true)
    expect(existsSync(bundlePathFor(pdf))).toBe(false)
  })

  it('shows progress and disables the buttons while generating', async () => {
    answerDialogs({ savePath: join(dir, 'slow.pdf') })
    // The request waits here until released, so the test sees the busy dialog.
    const release = holdCalls('generate_packet')
    const user = userEvent.setup()
    renderApp(`/complaints/${filed.id}`)
    await user.click(await screen.findByTestId('packet-complaint'))
    const dialog = await screen.findByRole('dialog')
    await user.click(within(dialog).getByTestId('packet-generate'))
    const progress = await within(dialog).findByTestId('packet-progress')
    expect(progress.textContent).toContain('Generating the packet… large packets take a few seconds')
    expect((within(dialog).getByTestId('packet-generate') as HTMLButtonElement).disabled).toBe(true)
    expect((within(dialog).getByText('Cancel').closest('button') as HTMLButtonElement).disabled).toBe(true)
    expect((within(dialog).getByRole('checkbox') as HTMLInputElement).disabled).toBe(true)
    await act(async () => release())
    await within(dialog).findByTestId('packet-sha256')
    expect(within(dialog).queryByTestId('packet-progress')).toBeNull()
  })

  it('a registration packet is for a programme account, from the holder page', async () => {
    const brand = await sampleBrand()
    const pdf = join(dir, 'reg.pdf')
    answerDialogs({ savePath: pdf })
    const user = userEvent.setup()
    renderApp(`/holders/${brand.holder.id}`)
    // One button per programme account of the holder.
    const buttons = await screen.findAllByTestId('packet-registration')
    expect(buttons).toHaveLength(brand.accounts.length)
    await user.click(buttons[0])
    await user.click(within(await screen.findByRole('dialog')).getByTestId('packet-generate'))
    await screen.findByTestId('packet-sha256')
    const [request] = requests()
    expect(request).toMatchObject({ kind: 'registration', pdf_path: pdf, bundle_path: join(dir, 'reg.zip') })
    expect(brand.accounts.map((a) => a.id)).toContain(request.id)
  })

  it('an IP right packet from the right page; cancelling the save dialog generates nothing', async () => {
    const right = await sampleCnMark()
    const user = userEvent.setup()
    renderApp(`/rights/${right.id}`)
    await user.click(await screen.findByTestId('packet-ip_right'))
    const dialog = await screen.findByRole('dialog')
    // The save dialog answers null: cancelled.
    await user.click(within(dialog).getByTestId('packet-generate'))
    await waitFor(() => expect(callsTo('choose_save_path')).toHaveLength(1))
    expect(callsTo('choose_save_path')[0].defaultName).toBe('right-12345678.pdf')
    expect(requests()).toEqual([])
    expect(within(dialog).queryByTestId('packet-result')).toBeNull()

    const pdf = join(dir, 'right.pdf')
    answerDialogs({ savePath: pdf })
    await user.click(within(dialog).getByTestId('packet-generate'))
    await within(dialog).findByTestId('packet-sha256')
    expect(requests()).toEqual([{ kind: 'ip_right', id: right.id, pdf_path: pdf, bundle_path: join(dir, 'right.zip') }])
  })

  it('reports a refused packet like any other error', async () => {
    const { draft } = await sampleComplaints()
    answerDialogs({ savePath: join(dir, 'gone.pdf') })
    const user = userEvent.setup()
    renderApp(`/complaints/${draft.id}`)
    await user.click(await screen.findByTestId('packet-complaint'))
    const dialog = await screen.findByRole('dialog')
    // Someone deletes the complaint while the dialog is open.
    await callBackend('delete_complaint', { id: draft.id })
    await user.click(within(dialog).getByTestId('packet-generate'))
    expect(await screen.findByText(`Not found: complaint ${draft.id}`)).toBeTruthy()
    expect(screen.queryByTestId('packet-result')).toBeNull()
    expect(existsSync(join(dir, 'gone.pdf'))).toBe(false)
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
    const right = await sampleCnMark()
    renderApp(`/rights/${right.id}`)
    expect((await screen.findByTestId('packet-ip_right')).textContent).toContain('证据包（PDF）')
  })
})
