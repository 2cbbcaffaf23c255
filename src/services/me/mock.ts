/**
 * The in-process me source: the me rules over Taro storage (keys `rcc:mock:` + the repository's
 * own), for the locally generated participant id. Works with no network at all.
 */
import indexJson from '@mock/data/heritage-index.json'
import { callRule } from '../core/errors'
import { localParticipantId } from '../core/ids'
import type { KeyValueStore } from '../core/kv'
import { createTaroKeyValue } from '../core/storage'
import { createMeRepository } from './repository'
import { createMeRules } from './rules'
import type { MeSource } from './source'

/** Prefix of the mock sources' records in Taro storage. */
export const MOCK_STORAGE_PREFIX = 'rcc:mock:'

/**
 * Creates the mock me source.
 * @param opts.store override Taro storage (tests)
 * @param opts.participantId override the local id (tests)
 * @param opts.siteExists / opts.routeExists override the embedded index's ids (tests)
 */
export function createMockMeSource(
  opts: { store?: KeyValueStore; participantId?: string; siteExists?: (id: string) => boolean; routeExists?: (id: string) => boolean } = {}
): MeSource {
  // The ids from the heritage list index (the full records are not needed to know what exists).
  const siteIds = new Set((indexJson.sites as Array<{ id: string }>).map((s) => s.id))
  const routeIds = new Set((indexJson.routes as Array<{ id: string }>).map((r) => r.id))
  const repo = createMeRepository(opts.store ?? createTaroKeyValue(MOCK_STORAGE_PREFIX, 'throw'))
  const rules = createMeRules(repo, { siteExists: opts.siteExists ?? ((id) => siteIds.has(id)), routeExists: opts.routeExists ?? ((id) => routeIds.has(id)) })
  let pid = opts.participantId
  const me = () => (pid ??= localParticipantId())
  return {
    kind: 'mock',
    getProfile: () => callRule(() => rules.getProfile(me())),
    saveProfile: (input) => callRule(() => rules.saveProfile(me(), input)),
    listFavourites: () => callRule(() => rules.listFavourites(me())),
    setFavourite: (siteId, on) => callRule(() => rules.setFavourite(me(), siteId, on)),
    submitReport: (input) => callRule(() => rules.submitReport(me(), input))
  }
}
