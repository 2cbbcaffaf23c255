/**
 * The heritage store: route and site lists (with filters, search and paging) and the 探索 tab
 * choice (kept across launches). Reads through the heritage list source (the summary index in a
 * mock build); site and route details are in `detail-store.ts`, which only the heritage
 * subpackage imports. Pages only select slices and call actions. Every slot loads through
 * shared/loader's `loadSlot`.
 */
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { heritageSource } from '../../services/heritage'
import { persistStorage } from '../../services/core/storage'
import { MAX_PAGE_SIZE } from '../../services/heritage/constants'
import { loadSlot, type LoadOptions } from '../../shared/loader'
import { errorState, IDLE, type LoadState } from '../../shared/load-state'
import { isRecord, persistOptions } from '../../shared/persist'
import { EMPTY_FILTERS, hasActiveFilters, type RouteSummary, type SiteFilters, type SiteSummary } from './model'

/** Sites fetched per page of the list. */
const SITE_PAGE_SIZE = 20

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

  /** Changes filters and reloads the first page. */
  setSiteFilters(patch: Partial<SiteFilters>): Promise<void>
  clearSiteFilters(): Promise<void>
  /** Loads page 1 for the current filters (a skeleton); `refresh` keeps the shown list while reloading. */
  loadSites(opts?: { refresh?: boolean }): Promise<void>
  /** Appends the next page if there is one. */
  loadMoreSites(): Promise<void>
  /** Loads the routes; `reuse` returns at once when they are shown. */
  loadRoutes(opts?: LoadOptions): Promise<void>
  /** Loads the lists a tab page shows, unless they are shown already (a failed one is retried). */
  loadLists(): void
  /** Summaries of the given sites (other features' pages show site names), in the order asked. */
  lookupSites(ids: string[]): Promise<SiteSummary[]>
}

/** What is kept across launches: the 探索 tab. */
type HeritagePrefs = Pick<HeritageState, 'exploreTab'>
const EXPLORE_TABS: readonly ExploreTab[] = ['routes', 'sites']

/** Valid preferences from storage (version 1; version 0 had no stored state, read the same way). */
function readHeritagePrefs(stored: unknown): Partial<HeritagePrefs> {
  if (!isRecord(stored)) return {}
  const tab = stored.exploreTab
  return typeof tab === 'string' && (EXPLORE_TABS as readonly string[]).includes(tab) ? { exploreTab: tab as ExploreTab } : {}
}

export const HERITAGE_PREFS_KEY = 'rcc:prefs:heritage'

export const useHeritageStore = create<HeritageState>()(
  persist(
    (set, get) => {
      /** The latest site-list request: an older answer (filters changed since) is dropped. */
      let siteListRequest = 0

      const listQuery = (page: number) => {
        const f = get().siteFilters
        return { district: f.district, category: f.category, period: f.period, q: f.q.trim() || undefined, page, pageSize: SITE_PAGE_SIZE }
      }

      return {
        exploreTab: 'routes',
        setExploreTab: (tab) => set({ exploreTab: tab }),
        siteFilters: EMPTY_FILTERS,
        siteList: IDLE,
        siteTotal: null,
        routeList: IDLE,

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
          const current = () => req === siteListRequest
          // New filters (not a refresh): the old list does not answer them; show the skeleton.
          if (!opts.refresh) set({ siteList: IDLE })
          try {
            await loadSlot(
              () => get().siteList,
              (siteList) => current() && set({ siteList }),
              async () => {
                const unfiltered = !hasActiveFilters(get().siteFilters)
                const res = await heritageSource.get().listSites(listQuery(1))
                if (unfiltered && current()) set({ siteTotal: res.data.total })
                return { staleSince: res.staleSince, data: { items: res.data.items, total: res.data.total, page: 1, loadingMore: false, moreError: null } }
              },
              { refresh: opts.refresh }
            )
          } catch (err) {
            if (current()) throw err
          }
        },

        async loadMoreSites() {
          const s = get().siteList
          if (s.status !== 'ready' || s.data.loadingMore || s.data.items.length >= s.data.total) return
          const req = siteListRequest
          set({ siteList: { ...s, data: { ...s.data, loadingMore: true, moreError: null } } })
          try {
            const res = await heritageSource.get().listSites(listQuery(s.data.page + 1))
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

        loadRoutes: (opts) =>
          loadSlot(
            () => get().routeList,
            (routeList) => set({ routeList }),
            async () => {
              const res = await heritageSource.get().listRoutes()
              return { staleSince: res.staleSince, data: res.data.items }
            },
            opts
          ),

        loadLists() {
          const st = get()
          if (st.routeList.status === 'idle' || st.routeList.status === 'error') void st.loadRoutes()
          if (st.siteList.status === 'idle' || st.siteList.status === 'error') void st.loadSites()
        },

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
    },
    persistOptions<HeritageState, HeritagePrefs>({
      name: HERITAGE_PREFS_KEY,
      version: 1,
      storage: persistStorage,
      pick: (s) => ({ exploreTab: s.exploreTab }),
      read: readHeritagePrefs
    })
  )
)
