/** Hooks other features' pages use to show heritage data by id. */
import { useEffect, useState } from 'react'
import { errorState, IDLE, LOADING, type LoadState } from '../../shared/load-state'
import type { SiteSummary } from './model'
import { useHeritageStore } from './store'

/**
 * Names of the given sites, keyed by id; empty until loaded (callers show the id meanwhile or a
 * neutral label). Failures leave the map empty: a missing name never breaks the page.
 */
export function useSiteNames(ids: readonly string[]): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({})
  const key = [...new Set(ids)].sort().join(',')
  useEffect(() => {
    if (!key) return
    let live = true
    useHeritageStore
      .getState()
      .lookupSites(key.split(','))
      .then((list) => {
        if (live) setNames(Object.fromEntries(list.map((s) => [s.id, s.name])))
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [key])
  return names
}

/**
 * Summaries of the given sites, in the order given (another feature's list of site ids, e.g. the
 * favourites on 我的), as a load state with a `retry`. While a new list loads, the previous
 * summaries stay shown (filtered to the new ids), so removing a favourite never blanks the list.
 */
export function useSiteSummaries(ids: readonly string[] | null): { state: LoadState<SiteSummary[]>; retry: () => void } {
  const [state, setState] = useState<LoadState<SiteSummary[]>>(IDLE)
  const [attempt, setAttempt] = useState(0)
  const key = ids ? ids.join(',') : null
  useEffect(() => {
    if (key === null) return
    const wanted = key ? key.split(',') : []
    let live = true
    setState((prev) => (prev.status === 'ready' ? { ...prev, data: prev.data.filter((s) => wanted.includes(s.id)), refreshing: true } : LOADING))
    useHeritageStore
      .getState()
      .lookupSites(wanted)
      .then(
        (list) => live && setState({ status: 'ready', refreshing: false, data: list }),
        (err: unknown) => live && setState((prev) => (prev.status === 'ready' ? { ...prev, refreshing: false, refreshError: errorState(err).message } : errorState(err)))
      )
    return () => {
      live = false
    }
  }, [key, attempt])
  return { state, retry: () => setAttempt((n) => n + 1) }
}
