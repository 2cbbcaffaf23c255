/**
 * The heritage store: route and site lists (with filters, search and paging), site and route
 * details. Reads through the heritage source; pages only select slices and call actions.
 */
import { create } from 'zustand'
import { heritageSource, type Loaded } from '../../services/heritage'
import { errorState, IDLE, LOADING, type LoadState } from '../../shared/load-state'
import { MAX_PAGE_SIZE } from '../../services/heritage/contract'
import { EMPTY_FILTERS, hasActiveFilters, type Route, type RouteSummary, type Site, type SiteFilters, type SiteSummary } from './model'

/** Sites fetched per page of the list. */
export const SITE_PAGE_SIZE = 20

export interface SiteListData {
  items: SiteSummary[]
  total: number
  /** Last page loaded (1-based). */
  page: number
  loadingMore: boolean
  /** Message when loading the next page failed (the loaded items stay). */
  moreError: string | null
}

/** Which list the 探索 tab shows. */
export type ExploreTab = 'routes' | 'sites'

export interface HeritageState {
  exploreTab: ExploreTab
  setExploreTab(tab: ExploreTab): void
  siteFilters: SiteFilters
  siteList: LoadState<SiteListData>
  /** Number of sites with no filter applied (首页 shows it even while 探索 is filtered); null until known. */
  siteTotal: number | null
  routeList: LoadState<RouteSummary[]>
  sites: Record<string, LoadState<Site>>
  routes: Record<string, LoadState<Route>>

  /** Changes filters and reloads the first page. */
  setSiteFilters(patch: Partial<SiteFilters>): Promise<void>
  clearSiteFilters(): Promise<void>
  /** Loads page 1 for the current filters; `refresh` keeps the shown list while reloading. */
  loadSites(opts?: { refresh?: boolean }): Promise<void>
  /** Appends the next page if there is one. */
  loadMoreSites(): Promise<void>
  loadRoutes(opts?: { refresh?: boolean }): Promise<void>
  loadSite(id: string, opts?: { refresh?: boolean }): Promise<void>
  loadRoute(id: string, opts?: { refresh?: boolean }): Promise<void>
  /** Summaries of the given sites (other features' pages show site names), in the order asked. */
  lookupSites(ids: string[]): Promise<SiteSummary[]>
}

let siteListRequest = 0

type RecordOf<K extends 'sites' | 'routes'> = K extends 'sites' ? Site : Route

export const useHeritageStore = create<HeritageState>()((set, get) => {
  /**
   * Loads one site or route into its map. A skeleton only on the first load; a failed refresh
   * keeps what is shown and rejects (the page says why); a failed first load becomes the error state.
   */
  async function loadRecord<K extends 'sites' | 'routes'>(key: K, id: string, fetch: () => Promise<Loaded<RecordOf<K>>>, refresh?: boolean): Promise<void> {
    const put = (state: LoadState<RecordOf<K>>) => set({ [key]: { ...get()[key], [id]: state } } as Partial<HeritageState>)
    const current = get()[key][id] as LoadState<RecordOf<K>> | undefined
    if (current?.status === 'ready' && !refresh) return
    put(current?.status === 'ready' ? { ...current, refreshing: true } : LOADING)
    try {
      const res = await fetch()
      put({ status: 'ready', refreshing: false, staleSince: res.staleSince, data: res.data })
    } catch (err) {
      const prev = get()[key][id] as LoadState<RecordOf<K>> | undefined
      if (prev?.status === 'ready') {
        put({ ...prev, refreshing: false })
        throw err
      }
      put(errorState(err))
    }
  }

  return {
    exploreTab: 'routes',
    setExploreTab: (tab) => set({ exploreTab: tab }),
    siteFilters: EMPTY_FILTERS,
    siteList: IDLE,
    siteTotal: null,
    routeList: IDLE,
    sites: {},
    routes: {},

    async setSiteFilters(patch) {
      set({ siteFilters: { ...get().siteFilters, ...patch } })
      await get().loadSites()
    },

    async clearSiteFilters() {
      set({ siteFilters: EMPTY_FILTERS })
      await get().loadSites()
    },

    async loadSites(opts = {}) {
      const req = ++siteListRequest
      const current = get().siteList
      if (opts.refresh && current.status === 'ready') set({ siteList: { ...current, refreshing: true } })
      else set({ siteList: LOADING })
      const f = get().siteFilters
      try {
        const res = await heritageSource.get().listSites({ district: f.district, category: f.category, period: f.period, q: f.q.trim() || undefined, page: 1, pageSize: SITE_PAGE_SIZE })
        if (req !== siteListRequest) return
        set({ siteList: { status: 'ready', refreshing: false, staleSince: res.staleSince, data: { items: res.data.items, total: res.data.total, page: 1, loadingMore: false, moreError: null } } })
        if (!hasActiveFilters(f)) set({ siteTotal: res.data.total })
      } catch (err) {
        if (req !== siteListRequest) return
        const prev = get().siteList
        // A failed refresh keeps what is on screen.
        if (opts.refresh && prev.status === 'ready') set({ siteList: { ...prev, refreshing: false } })
        else set({ siteList: errorState(err) })
        if (opts.refresh && prev.status === 'ready') throw err
      }
    },

    async loadMoreSites() {
      const s = get().siteList
      if (s.status !== 'ready' || s.data.loadingMore || s.data.items.length >= s.data.total) return
      const req = siteListRequest
      set({ siteList: { ...s, data: { ...s.data, loadingMore: true, moreError: null } } })
      const f = get().siteFilters
      try {
        const res = await heritageSource.get().listSites({ district: f.district, category: f.category, period: f.period, q: f.q.trim() || undefined, page: s.data.page + 1, pageSize: SITE_PAGE_SIZE })
        if (req !== siteListRequest) return
        const cur = get().siteList
        if (cur.status !== 'ready') return
        const seen = new Set(cur.data.items.map((i) => i.id))
        const items = [...cur.data.items, ...res.data.items.filter((i) => !seen.has(i.id))]
        set({ siteList: { ...cur, staleSince: res.staleSince ?? cur.staleSince, data: { items, total: res.data.total, page: res.data.page, loadingMore: false, moreError: null } } })
      } catch (err) {
        const cur = get().siteList
        if (cur.status !== 'ready') return
        set({ siteList: { ...cur, data: { ...cur.data, loadingMore: false, moreError: errorState(err).message } } })
      }
    },

    async loadRoutes(opts = {}) {
      const current = get().routeList
      if (opts.refresh && current.status === 'ready') set({ routeList: { ...current, refreshing: true } })
      else if (current.status !== 'ready') set({ routeList: LOADING })
      try {
        const res = await heritageSource.get().listRoutes()
        set({ routeList: { status: 'ready', refreshing: false, staleSince: res.staleSince, data: res.data.items } })
      } catch (err) {
        const prev = get().routeList
        if (prev.status === 'ready') {
          set({ routeList: { ...prev, refreshing: false } })
          if (opts.refresh) throw err
        } else set({ routeList: errorState(err) })
      }
    },

    loadSite: (id, opts = {}) => loadRecord('sites', id, () => heritageSource.get().getSite(id), opts.refresh),
    loadRoute: (id, opts = {}) => loadRecord('routes', id, () => heritageSource.get().getRoute(id), opts.refresh),

    async lookupSites(ids) {
      const out: SiteSummary[] = []
      for (let i = 0; i < ids.length; i += MAX_PAGE_SIZE) {
        const slice = ids.slice(i, i + MAX_PAGE_SIZE)
        const res = await heritageSource.get().listSites({ ids: slice, pageSize: slice.length })
        out.push(...res.data.items)
      }
      return out
    }
  }
})
