/**
 * The heritage feature's source: sites and routes (public reads). Two implementations:
 * `mock.ts` (in-process over `mock/data/`, no network) and `remote.ts` (the HTTP API, every answer
 * validated, offline copies). `index.ts` picks one at build time.
 */
import type { Loaded } from '../core/offline-cache'
import type { Route, RouteList, RouteQuery, Site, SitePage, SiteQuery } from './contract'

export type { Loaded } from '../core/offline-cache'

/** Sites and routes. Every method rejects with a DataError (`services/core/errors.ts`), never with anything else. */
export interface HeritageSource {
  /** `mock` or `remote`, for the settings page and diagnostics. */
  readonly kind: 'mock' | 'remote'
  /** Lists sites matching the query, one page at a time. Throws `INVALID_INPUT` on a bad filter value. */
  listSites(query: SiteQuery): Promise<Loaded<SitePage>>
  /** One site. Throws `NOT_FOUND` for an unknown id. */
  getSite(id: string): Promise<Loaded<Site>>
  /** All routes matching the query (16 at most, unpaged). */
  listRoutes(query?: RouteQuery): Promise<Loaded<RouteList>>
  /** One route with its ordered stops. Throws `NOT_FOUND` for an unknown id. */
  getRoute(id: string): Promise<Loaded<Route>>
}
