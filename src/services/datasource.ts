/**
 * The one interface every store reads through. Two implementations:
 * `mock-source.ts` (in-process, over `mock/data/`, writes in Taro storage, no network) and
 * `remote-source.ts` (HTTP to `TARO_APP_API_BASE`, every response validated).
 * `index.ts` picks one at build time from `TARO_APP_DATA_SOURCE`.
 */
import type { Route, RouteList, RouteQuery, Site, SitePage, SiteQuery } from './contract/heritage'
import type { Profile, ProfileInput, ReportInput, ReportReceipt } from './contract/profile'

/**
 * A read result. `staleSince` is set (ms since the epoch when the copy was saved) when the
 * network failed and the remote source answered from its last good copy instead.
 */
export interface Loaded<T> {
  data: T
  staleSince?: number
}

/**
 * Everything the app reads and writes. Every method rejects with a {@link DataError}
 * (see `errors.ts`), never with anything else.
 */
export interface DataSource {
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

  /** The signed-in participant's profile (mock: a locally generated id). */
  getProfile(): Promise<Profile>
  /** Saves nickname and unit. Throws `INVALID_INPUT` with `fields` on a bad value; nothing is stored then. */
  saveProfile(input: ProfileInput): Promise<Profile>

  /** Ids of the participant's favourite sites, most recent first. */
  listFavourites(): Promise<string[]>
  /** Adds or removes a favourite; returns the new list. Throws `NOT_FOUND` for an unknown site. */
  setFavourite(siteId: string, favourite: boolean): Promise<string[]>

  /** Files a 纠错 report. Submitting the same `key` twice stores it once and returns the same receipt. */
  submitReport(input: ReportInput): Promise<ReportReceipt>
}
