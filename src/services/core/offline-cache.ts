/**
 * The offline copy of public reads in remote mode: a successful answer is saved, and when the
 * network fails or times out the saved copy is returned with `staleSince`, so lists and details
 * stay readable under a banner that says they may be out of date.
 */
import * as v from 'valibot'
import { DataError } from './errors'
import type { KeyValueStore } from './kv'
import type { RequestFn } from './request'
import { toQueryString } from './routes'
import { createTaroKeyValue } from './storage'

/**
 * A read result. `staleSince` is set (ms since the epoch when the copy was saved) when the
 * network failed and the remote source answered from its last good copy instead.
 */
export interface Loaded<T> {
  data: T
  staleSince?: number
}

/** Storage key prefix of the offline cache of public reads. */
export const CACHE_PREFIX = 'rcc:cache:'
/** Most responses kept in the offline cache; the least recently saved are dropped first. */
export const MAX_CACHE_ENTRIES = 100

const CACHE_INDEX_KEY = '__index__'

const CacheEntrySchema = v.object({ savedAt: v.number(), data: v.unknown() })

/** The default offline cache: Taro storage, keys prefixed {@link CACHE_PREFIX}; writes storage refuses are dropped (best effort). */
export function createStorageCache(prefix = CACHE_PREFIX): KeyValueStore {
  return createTaroKeyValue(prefix, 'ignore')
}

/** Query parameters in a stable order, so equal queries share one cache entry. */
function sortedQuery(query: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(query).sort()) out[k] = query[k]
  return out
}

/** Reads a GET answer through the offline cache: see {@link createCachedReader}. */
export type CachedRead = <S extends v.GenericSchema>(schema: S, path: string, query?: Record<string, unknown>) => Promise<Loaded<v.InferOutput<S>>>

/**
 * The last-good-copy cache of public reads: a successful answer is saved (at most
 * {@link MAX_CACHE_ENTRIES}, least recently saved dropped first); when the network fails or times
 * out, the saved copy is returned with `staleSince`. Corrupt copies are dropped; error answers
 * are never cached.
 */
export function createCachedReader(request: RequestFn, cache: KeyValueStore, now: () => number): CachedRead {
  const safe = <T,>(fn: () => T): T | undefined => {
    try {
      return fn()
    } catch {
      return undefined
    }
  }

  function saveCache(key: string, data: unknown): void {
    safe(() => {
      const index = (cache.get<unknown>(CACHE_INDEX_KEY) ?? []) as unknown
      const keys = (Array.isArray(index) ? index : []).filter((k): k is string => typeof k === 'string' && k !== key)
      keys.unshift(key)
      for (const old of keys.splice(MAX_CACHE_ENTRIES)) cache.remove(old)
      cache.set(key, { savedAt: now(), data })
      cache.set(CACHE_INDEX_KEY, keys)
    })
  }

  function readCache<S extends v.GenericSchema>(key: string, schema: S): { data: v.InferOutput<S>; savedAt: number } | undefined {
    const entry = v.safeParse(CacheEntrySchema, safe(() => cache.get<unknown>(key)))
    if (entry.success) {
      const data = v.safeParse(schema, entry.output.data)
      if (data.success) return { data: data.output, savedAt: entry.output.savedAt }
    }
    safe(() => cache.remove(key)) // absent or corrupt: drop it
    return undefined
  }

  return async function cachedRead<S extends v.GenericSchema>(schema: S, path: string, query?: Record<string, unknown>): Promise<Loaded<v.InferOutput<S>>> {
    const q = query ? sortedQuery(query) : undefined
    const key = `GET ${path}${q ? toQueryString(q) : ''}`
    try {
      const data = await request({ method: 'GET', path, query: q, schema })
      saveCache(key, data)
      return { data }
    } catch (err) {
      if (err instanceof DataError && (err.code === 'NETWORK' || err.code === 'TIMEOUT')) {
        const hit = readCache(key, schema)
        if (hit) return { data: hit.data, staleSince: hit.savedAt }
      }
      throw err
    }
  }
}

