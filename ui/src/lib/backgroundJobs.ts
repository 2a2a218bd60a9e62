// Long work that goes on while the user does something else (an import sent
// to the background): shown in the header with its progress and a Stop button.
import { useSyncExternalStore } from 'react'

export type BackgroundJob = {
  /** The job id the backend knows (for cancel). */
  id: string
  label: string
  stage: string
  done: number
  total: number
}

let jobs: readonly BackgroundJob[] = []
const listeners = new Set<() => void>()

function emit() {
  for (const l of listeners) l()
}

/** Adds the job, or updates its progress. */
export function updateJob(job: BackgroundJob) {
  jobs = [...jobs.filter((j) => j.id !== job.id), job]
  emit()
}

export function endJob(id: string) {
  if (!jobs.some((j) => j.id === id)) return
  jobs = jobs.filter((j) => j.id !== id)
  emit()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

export function useBackgroundJobs(): readonly BackgroundJob[] {
  return useSyncExternalStore(subscribe, () => jobs)
}
