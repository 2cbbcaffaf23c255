/** Hooks other features' pages use to show heritage data by id. */
import { useEffect, useState } from 'react'
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
