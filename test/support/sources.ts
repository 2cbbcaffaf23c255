/**
 * The heritage and me sources of one kind side by side, as the app's pages use them together
 * (a site page reads the site and toggles a favourite). Tests that exercise both through one
 * object use these.
 */
import type { KeyValueStore } from '@/services/core/kv'
import type { SessionOptions } from '@/services/core/session'
import type { HeritageDataset } from '@/services/heritage/rules'
import { createMockHeritageSource } from '@/services/heritage/mock-detail'
import { createRemoteHeritageSource } from '@/services/heritage/remote'
import type { HeritageSource } from '@/services/heritage/source'
import { createMockMeSource } from '@/services/me/mock'
import { createRemoteMeSource } from '@/services/me/remote'
import type { MeSource } from '@/services/me/source'

/** A heritage source and a me source of the same kind, as one object. */
export type AppSources = HeritageSource & MeSource

/** The remote heritage and me sources over one API origin (they share the sign-in through storage). */
export function createRemoteSource(opts: SessionOptions & { cache?: KeyValueStore }): AppSources {
  const heritage = createRemoteHeritageSource(opts)
  const me = createRemoteMeSource(opts)
  return { ...heritage, ...me, kind: 'remote' }
}

/** The mock heritage and me sources. */
export function createMockSource(opts: { dataset?: HeritageDataset; store?: KeyValueStore; participantId?: string } = {}): AppSources {
  const heritage = createMockHeritageSource({ dataset: opts.dataset })
  const ids = opts.dataset ? { sites: new Set(opts.dataset.sites.map((s) => s.id)), routes: new Set(opts.dataset.routes.map((r) => r.id)) } : null
  const me = createMockMeSource({
    store: opts.store,
    participantId: opts.participantId,
    siteExists: ids ? (id) => ids.sites.has(id) : undefined,
    routeExists: ids ? (id) => ids.routes.has(id) : undefined
  })
  return { ...heritage, ...me, kind: 'mock' }
}
