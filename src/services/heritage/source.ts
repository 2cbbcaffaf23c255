/**
 * The heritage feature's source: sites and routes (public reads), in two parts so the tab pages
 * never carry the full dataset: the lists ({@link HeritageListSource}, `index.ts`) and the full
 * records ({@link HeritageDetailSource}, `detail.ts`, reached only from the heritage subpackage).
 * Implementations: `mock.ts` (lists, in-process over the summary index `mock/data/heritage-index.json`),
 * `mock-detail.ts` (details over `mock/data/sites.json` and `routes.json`) and `remote.ts` (both,
 * over the HTTP API, every answer validated, offline copies).
 */
import type { Loaded } from '../core/offline-cache'
import type { Route, RouteList, RouteQuery, Site, SitePage, SiteQuery } from './contract'

export type { Loaded } from '../core/offline-cache'

/** Site and route lists. Every method rejects with a DataError (`services/core/errors.ts`), never with anything else. */
export interface HeritageListSource {
  /** `mock` or `remote`, for the settings page and diagnostics. */
  readonly kind: 'mock' | 'remote'
  /** Lists sites matching the query, one page at a time. Throws `INVALID_INPUT` on a bad filter value. */
  listSites(query: SiteQuery): Promise<Loaded<SitePage>>
  /** All routes matching the query (16 at most, unpaged). */
  listRoutes(query?: RouteQuery): Promise<Loaded<RouteList>>
}

/** Full site and route records. Every method rejects with a DataError, never with anything else. */
export interface HeritageDetailSource {
  readonly kind: 'mock' | 'remote'
  /** One site. Throws `NOT_FOUND` for an unknown id. */
  getSite(id: string): Promise<Loaded<Site>>
  /** One route with its ordered stops. Throws `NOT_FOUND` for an unknown id. */
  getRoute(id: string): Promise<Loaded<Route>>
}

/** Both parts: what the remote source implements and the contract suite checks. */
export type HeritageSource = HeritageListSource & HeritageDetailSource
