import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { QueryKey } from '@tanstack/react-query'
import * as api from './ipc/backend'

export const keys = {
  appInfo: ['app_info'] as const,
  holders: ['holders'] as const,
  holder: (id: string) => ['holder', id] as const,
  holderAll: ['holder'] as const,
  agents: ['agents'] as const,
  poas: ['poas'] as const,
  rights: ['rights'] as const,
  right: (id: string) => ['right', id] as const,
  rightAll: ['right'] as const,
  audit: ['audit'] as const,
  auditOf: (id: string) => ['audit', id] as const,
}

export const useAppInfo = () => useQuery({ queryKey: keys.appInfo, queryFn: api.appInfo, retry: false })
export const useHolders = () => useQuery({ queryKey: keys.holders, queryFn: api.listHolders })
export const useHolder = (id: string) =>
  useQuery({ queryKey: keys.holder(id), queryFn: () => api.getHolder(id) })
export const useAgents = () => useQuery({ queryKey: keys.agents, queryFn: api.listAgents })
export const usePoas = () => useQuery({ queryKey: keys.poas, queryFn: api.listPoas })
export const useRights = () => useQuery({ queryKey: keys.rights, queryFn: api.listRights })
export const useRight = (id: string) =>
  useQuery({ queryKey: keys.right(id), queryFn: () => api.getRight(id) })
export const useAudit = (id: string) =>
  useQuery({ queryKey: keys.auditOf(id), queryFn: () => api.auditTrail(id) })

/** A mutation that invalidates the given query keys (and every audit trail) on success. */
function useDeskMutation<V, R>(fn: (v: V) => Promise<R>, invalidate: readonly QueryKey[]) {
  const qc = useQueryClient()
  return useMutation<R, unknown, V>({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all(
        [...invalidate, keys.audit].map((queryKey) => qc.invalidateQueries({ queryKey })),
      )
    },
  })
}

// Holders appear in holder lists/details and as registrant names on rights.
const HOLDER_KEYS = [keys.holders, keys.holderAll, keys.rights, keys.rightAll, keys.poas]
const AGENT_KEYS = [keys.agents, keys.poas, keys.holderAll]
const POA_KEYS = [keys.poas, keys.agents, keys.holderAll]
const ACCOUNT_KEYS = [keys.holders, keys.holderAll]
const RIGHT_KEYS = [keys.rights, keys.rightAll, keys.holders, keys.holderAll]
const DOC_KEYS = [keys.holderAll, keys.rightAll]
const ALL_KEYS = [
  keys.holders,
  keys.holderAll,
  keys.agents,
  keys.poas,
  keys.rights,
  keys.rightAll,
]

export const useCreateHolder = () => useDeskMutation(api.createHolder, HOLDER_KEYS)
export const useUpdateHolder = () =>
  useDeskMutation((v: { id: string; draft: Parameters<typeof api.updateHolder>[1] }) =>
    api.updateHolder(v.id, v.draft), HOLDER_KEYS)
export const useDeleteHolder = () => useDeskMutation(api.deleteHolder, HOLDER_KEYS)

export const useCreateAgent = () => useDeskMutation(api.createAgent, AGENT_KEYS)
export const useUpdateAgent = () =>
  useDeskMutation((v: { id: string; draft: Parameters<typeof api.updateAgent>[1] }) =>
    api.updateAgent(v.id, v.draft), AGENT_KEYS)
export const useDeleteAgent = () => useDeskMutation(api.deleteAgent, AGENT_KEYS)

export const useCreatePoa = () => useDeskMutation(api.createPoa, POA_KEYS)
export const useUpdatePoa = () =>
  useDeskMutation((v: { id: string; draft: Parameters<typeof api.updatePoa>[1] }) =>
    api.updatePoa(v.id, v.draft), POA_KEYS)
export const useDeletePoa = () => useDeskMutation(api.deletePoa, POA_KEYS)

export const useCreateAccount = () => useDeskMutation(api.createAccount, ACCOUNT_KEYS)
export const useUpdateAccount = () =>
  useDeskMutation((v: { id: string; draft: Parameters<typeof api.updateAccount>[1] }) =>
    api.updateAccount(v.id, v.draft), ACCOUNT_KEYS)
export const useDeleteAccount = () => useDeskMutation(api.deleteAccount, ACCOUNT_KEYS)
export const useChangeAccountStatus = () =>
  useDeskMutation(
    (v: { id: string; input: Parameters<typeof api.changeAccountStatus>[1] }) =>
      api.changeAccountStatus(v.id, v.input),
    ACCOUNT_KEYS,
  )

export const useCreateRight = () => useDeskMutation(api.createRight, RIGHT_KEYS)
export const useUpdateRight = () =>
  useDeskMutation((v: { id: string; draft: Parameters<typeof api.updateRight>[1] }) =>
    api.updateRight(v.id, v.draft), RIGHT_KEYS)
export const useDeleteRight = () => useDeskMutation(api.deleteRight, RIGHT_KEYS)
export const useSetRegistration = () => useDeskMutation(api.setRegistration, RIGHT_KEYS)

export const useAttachDocuments = () => useDeskMutation(api.attachDocuments, DOC_KEYS)
export const useDetachDocument = () => useDeskMutation(api.detachDocument, DOC_KEYS)
export const useOpenDocument = () => useMutation<null, unknown, string>({ mutationFn: api.openDocument })

export const useVerifyIntegrity = () => useMutation({ mutationFn: api.verifyIntegrity })
export const useLoadSample = () => useDeskMutation(() => api.loadSample(), ALL_KEYS)
