/**
 * The heritage detail store: full site and route records, loaded by id through the heritage detail
 * source (`services/heritage/detail.ts`). Imported only by the heritage subpackage's pages
 * (`src/packages/heritage/**`): the full dataset then stays in that subpackage (weapp) or its async
 * chunk (H5), out of the tab pages' first load. Every slot loads through shared/loader's `loadSlot`.
 */
import { create } from 'zustand'
import { heritageDetailSource } from '../../services/heritage/detail'
import { keyedSlot, loadSlot } from '../../shared/loader'
import type { LoadState } from '../../shared/load-state'
import type { Route, Site } from './model'

export interface HeritageDetailState {
  sites: Record<string, LoadState<Site>>
  routes: Record<string, LoadState<Route>>
  loadSite(id: string, opts?: { refresh?: boolean }): Promise<void>
  loadRoute(id: string, opts?: { refresh?: boolean }): Promise<void>
}

export const useHeritageDetailStore = create<HeritageDetailState>()((set, get) => {
  const siteSlot = (id: string) => keyedSlot(() => get().sites, (sites) => set({ sites }), id)
  const routeSlot = (id: string) => keyedSlot(() => get().routes, (routes) => set({ routes }), id)
  return {
    sites: {},
    routes: {},
    // A detail opened again shows what is loaded; pull-down refresh reloads it.
    loadSite: (id, opts = {}) => loadSlot(...siteSlot(id), () => heritageDetailSource.get().getSite(id), { reuse: true, refresh: opts.refresh }),
    loadRoute: (id, opts = {}) => loadSlot(...routeSlot(id), () => heritageDetailSource.get().getRoute(id), { reuse: true, refresh: opts.refresh })
  }
})
