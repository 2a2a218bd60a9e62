// Finds the records of the backend's sample data (crates/desk/src/sample.rs)
// that the tests use. Ids and complaint labels come from the backend: ids are
// new on every reset and labels carry the day the complaint was created.
import type { ComplaintFilter, ComplaintPage, ComplaintRow, HolderDetail, HolderRow, RightRow } from '../lib/ipc/bindings'
import { callBackend } from './realBackend'

/** Every complaint, newest first (what the list page asks for first). */
export const ALL_COMPLAINTS: ComplaintFilter = {
  status: null,
  platform: null,
  right_id: null,
  assignee: null,
  sort: 'created',
  descending: true,
  offset: 0,
  limit: 100,
}

export async function complaints(filter: Partial<ComplaintFilter> = {}): Promise<ComplaintRow[]> {
  return (await callBackend<ComplaintPage>('list_complaints', { filter: { ...ALL_COMPLAINTS, ...filter } })).rows
}

/**
 * The sample's three complaints: filed on Taobao (IPP-TB-2026-0173, with
 * outcomes, evidence and a counter-notice), a draft on 1688 and a ready one on
 * AliExpress.
 */
export async function sampleComplaints(): Promise<{ filed: ComplaintRow; draft: ComplaintRow; ready: ComplaintRow }> {
  const rows = await complaints()
  const on = (platform: string) => rows.find((c) => c.platform === platform)!
  return { filed: on('taobao'), draft: on('1688'), ready: on('aliexpress') }
}

/** The brand owner, 深圳市极光电子有限公司, with its accounts, POA and rights. */
export async function sampleBrand(): Promise<HolderDetail> {
  const rows = await callBackend<HolderRow[]>('list_holders')
  const brand = rows.find((h) => h.legal_name === '深圳市极光电子有限公司')!
  return callBackend<HolderDetail>('get_holder', { id: brand.id })
}

/** The CN trademark 极光 AURORA (CN 12345678), approved on Alibaba IPP. */
export async function sampleCnMark(): Promise<RightRow> {
  return (await callBackend<RightRow[]>('list_rights')).find((r) => r.registration_number === '12345678')!
}
