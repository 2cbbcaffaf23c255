/**
 * The remote heritage source: the heritage routes of the HTTP API, every answer validated, with
 * the last good copy of each read kept for offline use (`staleSince` set when it is shown).
 */
import type { KeyValueStore } from '../core/kv'
import { createCachedReader, createStorageCache } from '../core/offline-cache'
import { fillPath } from '../core/routes'
import { createSession, type SessionOptions } from '../core/session'
import { HERITAGE_ROUTES as R, type SiteQuery } from './contract'
import type { HeritageSource } from './source'

/** Options of {@link createRemoteHeritageSource}. */
export interface RemoteHeritageOptions extends SessionOptions {
  /** Offline cache of the reads. Default: Taro storage (`rcc:cache:`). */
  cache?: KeyValueStore
}

/** Query values of a site list: an empty id list means "none of them", which a lone separator says (the rules drop empty ids). */
function siteQueryParams(query: SiteQuery): Record<string, unknown> {
  const { ids, ...rest } = query
  return { ...rest, ids: ids === undefined ? undefined : ids.length === 0 ? ',' : ids }
}

/**
 * Creates the remote heritage source. Every method rejects only with a DataError: `NETWORK` /
 * `TIMEOUT` (after falling back to the offline copy), `HTTP`, `BAD_RESPONSE`, `NOT_FOUND`, `INVALID_INPUT`.
 */
export function createRemoteHeritageSource(opts: RemoteHeritageOptions): HeritageSource {
  const { request, now } = createSession(opts)
  const read = createCachedReader(request, opts.cache ?? createStorageCache(), now)
  return {
    kind: 'remote',
    listSites: (query) => read(R.listSites.response, R.listSites.path, siteQueryParams(query)),
    getSite: (id) => read(R.getSite.response, fillPath(R.getSite.path, { id })),
    listRoutes: (query = {}) => read(R.listRoutes.response, R.listRoutes.path, { q: query.q, curated: query.curated }),
    getRoute: (id) => read(R.getRoute.response, fillPath(R.getRoute.path, { id }))
  }
}
