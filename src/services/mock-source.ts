/**
 * The in-process mock data source: the embedded dataset under `mock/data/`, with the
 * participant's writes (profile, favourites, reports) kept in Taro storage. Works with no
 * network at all, in the mini-program and in H5.
 */
import sitesJson from '@mock/data/sites.json'
import routesJson from '@mock/data/routes.json'
import type { Route, Site } from './contract/heritage'
import type { DataSource } from './datasource'
import { DataError, toDataError } from './errors'
import * as heritage from './rules/heritage'
import { createParticipantRules } from './rules/participant'
import type { KeyValueStore } from './rules/store'
import { randomId } from '../shared/id'
import { readStorage, removeStorage, writeStorage } from '../shared/storage'

/** Storage key of the locally generated participant id. */
export const LOCAL_ID_KEY = 'rcc:participant-id'

/** A {@link KeyValueStore} over Taro storage, keys prefixed with `rcc:mock:`. */
export function createTaroStore(prefix = 'rcc:mock:'): KeyValueStore {
  return {
    get: <T,>(key: string) => readStorage<T>(prefix + key),
    set: (key, value) => {
      if (!writeStorage(prefix + key, value)) throw new DataError('CONFLICT', '手机存储空间不足，未能保存，请清理后重试')
    },
    remove: (key) => removeStorage(prefix + key)
  }
}

/** The participant id for mock mode: generated once, then kept in storage. */
export function localParticipantId(): string {
  const stored = readStorage<string>(LOCAL_ID_KEY)
  if (typeof stored === 'string' && /^local-[0-9a-z]{12}$/.test(stored)) return stored
  const id = `local-${randomId(12)}`
  writeStorage(LOCAL_ID_KEY, id)
  return id
}

/**
 * Creates the mock source.
 * @param opts.dataset override the embedded dataset (tests)
 * @param opts.store override Taro storage (tests)
 * @param opts.participantId override the local id (tests)
 */
export function createMockSource(opts: { dataset?: heritage.HeritageDataset; store?: KeyValueStore; participantId?: string } = {}): DataSource {
  const data: heritage.HeritageDataset = opts.dataset ?? { sites: sitesJson as Site[], routes: routesJson as Route[] }
  const siteIds = new Set(data.sites.map((s) => s.id))
  const routeIds = new Set(data.routes.map((r) => r.id))
  const store = opts.store ?? createTaroStore()
  const rules = createParticipantRules(store, { siteExists: (id) => siteIds.has(id), routeExists: (id) => routeIds.has(id) })
  let pid = opts.participantId
  const me = () => (pid ??= localParticipantId())

  // Run synchronously-computed rules as a promise that rejects only with DataError.
  const run = <T,>(fn: () => T): Promise<T> => {
    try {
      return Promise.resolve(fn())
    } catch (err) {
      return Promise.reject(toDataError(err))
    }
  }

  return {
    kind: 'mock',
    listSites: (query) => run(() => ({ data: heritage.listSites(data, query) })),
    getSite: (id) => run(() => ({ data: heritage.getSite(data, id) })),
    listRoutes: (query) => run(() => ({ data: heritage.listRoutes(data, query) })),
    getRoute: (id) => run(() => ({ data: heritage.getRoute(data, id) })),
    getProfile: () => run(() => rules.getProfile(me())),
    saveProfile: (input) => run(() => rules.saveProfile(me(), input)),
    listFavourites: () => run(() => rules.listFavourites(me())),
    setFavourite: (siteId, on) => run(() => rules.setFavourite(me(), siteId, on)),
    submitReport: (input) => run(() => rules.submitReport(me(), input))
  }
}
