/**
 * The remote data source: the HTTP API (`contract/api.ts`) over the request client.
 *
 * - Identity: signs in with a code (weapp: `Taro.login()`; H5: a device id generated once and
 *   kept in storage under `rcc:device-id`), keeps the bearer token and its expiry in storage
 *   (`rcc:auth`), and signs in again when the token has expired or the server answers 401.
 * - Offline: the four public reads keep their last good answer in a cache; when the network
 *   fails or times out, the cached copy is returned with `staleSince` set.
 * - Every answer is validated against the contract schemas (see `request.ts`).
 * - {@link createSession} (sign-in, token, request client) and {@link createCachedReader} (the
 *   offline cache) are exported for the quiz's remote source (`quiz-remote-source.ts`), which
 *   shares the sign-in through the stored token.
 */
import Taro from '@tarojs/taro'
import * as v from 'valibot'
import { API, fillPath, toQueryString } from './contract/api'
import { RouteListSchema, RouteSchema, SitePageSchema, SiteSchema, type SiteQuery } from './contract/heritage'
import { FavouritesSchema, LoginResultSchema, ProfileSchema, ReportReceiptSchema } from './contract/profile'
import type { DataSource, Loaded } from './datasource'
import { DataError } from './errors'
import { createRequestClient, type RequestFn } from './request'
import type { KeyValueStore } from './rules/store'
import { randomId } from '../shared/id'
import { readStorage, removeStorage, writeStorage } from '../shared/storage'

/**
 * Storage key of the sign-in state `{ token, expiresAt, renewAt, participantId, baseUrl }`
 * (times in ms since the epoch; `renewAt` is a little before `expiresAt`).
 */
export const AUTH_KEY = 'rcc:auth'
/** Storage key of the H5 device id used as the sign-in code. */
export const DEVICE_ID_KEY = 'rcc:device-id'
/** Storage key prefix of the offline cache of public reads. */
export const CACHE_PREFIX = 'rcc:cache:'
/** Most responses kept in the offline cache; the least recently saved are dropped first. */
export const MAX_CACHE_ENTRIES = 100
/** A token is renewed this many milliseconds before it expires (at most a tenth of its lifetime), so it does not lapse in flight. */
export const TOKEN_RENEW_MARGIN_MS = 30_000

const CACHE_INDEX_KEY = '__index__'

/**
 * Options of {@link createSession}: the sign-in and request part shared by every remote source
 * (heritage here, the quiz in `quiz-remote-source.ts`).
 */
export interface SessionOptions {
  /** API origin without a trailing slash, e.g. `https://api.example.cn` (paths start with `/api/v1`). */
  baseUrl: string
  /** Time allowed for one request, in milliseconds (default 10 000). */
  timeoutMs?: number
  /** Returns the sign-in code. Default: `Taro.login()`'s code on weapp, the stored device id on H5. */
  login?: () => Promise<string>
  /** Clock in ms since the epoch (token expiry, cache timestamps). Tests pass a fake. */
  now?: () => number
  /** Storage key of the sign-in state; default {@link AUTH_KEY}. Tests give each simulated device its own. */
  authKey?: string
}

/** Options of {@link createRemoteSource}. */
export interface RemoteSourceOptions extends SessionOptions {
  /** Offline cache of public reads. Default: Taro storage with keys prefixed {@link CACHE_PREFIX}. */
  cache?: KeyValueStore
}

/**
 * A signed-in connection to the API: the request client with the bearer token attached to `auth`
 * requests. Sessions of the same `baseUrl` share one sign-in through storage ({@link AUTH_KEY}):
 * a token one of them obtained or renewed is picked up by the others.
 */
export interface Session {
  /** API origin, trailing slashes removed. */
  readonly baseUrl: string
  /** The session's clock. */
  readonly now: () => number
  /** Sends one request (see `request.ts`); `auth` requests sign in first when needed, and once more on a 401. */
  readonly request: RequestFn
}

const StoredAuthSchema = v.object({
  token: v.pipe(v.string(), v.minLength(1)),
  expiresAt: v.number(),
  renewAt: v.number(),
  participantId: v.string(),
  baseUrl: v.string()
})
type StoredAuth = v.InferOutput<typeof StoredAuthSchema>

const CacheEntrySchema = v.object({ savedAt: v.number(), data: v.unknown() })

/** A random id of `length` characters from [0-9a-z], from `crypto.getRandomValues` where the platform has it. */
function secureRandomId(length: number): string {
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto
  if (!c?.getRandomValues) return randomId(length)
  const chars = '0123456789abcdefghijklmnopqrstuvwxyz'
  const bytes = c.getRandomValues(new Uint8Array(length))
  let out = ''
  for (let i = 0; i < length; i++) out += chars[bytes[i] % chars.length]
  return out
}

/**
 * The H5 device id: generated once (`h5-` + 24 random characters), then read from storage.
 * Used as the sign-in code on H5, where there is no `Taro.login`.
 */
export function deviceId(): string {
  const stored = readStorage<string>(DEVICE_ID_KEY)
  if (typeof stored === 'string' && /^h5-[0-9a-z]{24}$/.test(stored)) return stored
  const id = `h5-${secureRandomId(24)}`
  writeStorage(DEVICE_ID_KEY, id)
  return id
}

/** The default sign-in code: the device id on H5, `Taro.login()`'s code elsewhere. @throws DataError `NETWORK` when `Taro.login` fails. */
async function platformLoginCode(): Promise<string> {
  if (process.env.TARO_ENV === 'h5') return deviceId()
  let code: unknown
  try {
    code = (await Taro.login())?.code
  } catch (err) {
    throw new DataError('NETWORK', '微信登录失败，请检查网络后重试', { cause: err })
  }
  if (typeof code !== 'string' || !code) throw new DataError('UNAUTHORIZED', '微信登录失败，请稍后重试')
  return code
}

/**
 * The default offline cache: Taro storage, keys prefixed {@link CACHE_PREFIX}. (Kept here rather
 * than reusing mock-source's store, so a remote build does not bundle the mock dataset.)
 * Writes that storage refuses (quota) are ignored: the cache is best effort.
 */
export function createStorageCache(prefix = CACHE_PREFIX): KeyValueStore {
  return {
    get: <T,>(key: string) => readStorage<T>(prefix + key),
    set: (key, value) => {
      writeStorage(prefix + key, value)
    },
    remove: (key) => removeStorage(prefix + key)
  }
}

/** Query parameters in a stable order, so equal queries share one cache entry. */
function sortedQuery(query: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(query).sort()) out[k] = query[k]
  return out
}

/**
 * Creates a session: sign-in (one at a time, shared by concurrent callers), the stored token and
 * its renewal before expiry, and a second sign-in when the server answers 401.
 */
export function createSession(opts: SessionOptions): Session {
  const now = opts.now ?? (() => Date.now())
  const baseUrl = opts.baseUrl.replace(/\/+$/, '')
  const getCode = opts.login ?? platformLoginCode
  const authKey = opts.authKey ?? AUTH_KEY

  let auth: StoredAuth | null = null
  let signingIn: Promise<string> | null = null

  const readStored = (): StoredAuth | null => {
    const parsed = v.safeParse(StoredAuthSchema, readStorage<unknown>(authKey))
    return parsed.success && parsed.output.baseUrl === baseUrl ? parsed.output : null
  }
  const forgetAuth = () => {
    auth = null
    removeStorage(authKey)
  }

  /** Signs in (one sign-in at a time, shared by concurrent callers) and returns the new token. */
  function signIn(): Promise<string> {
    signingIn ??= (async () => {
      try {
        const code = await getCode()
        const result = await request({ method: 'POST', path: API.login.path, body: { code }, schema: LoginResultSchema })
        const t = now()
        const lifeMs = result.expiresIn * 1000
        auth = {
          token: result.token,
          expiresAt: t + lifeMs,
          renewAt: t + lifeMs - Math.min(TOKEN_RENEW_MARGIN_MS, lifeMs / 10),
          participantId: result.participantId,
          baseUrl
        }
        writeStorage(authKey, auth)
        return result.token
      } finally {
        signingIn = null
      }
    })()
    return signingIn
  }

  async function currentToken(): Promise<string> {
    if (auth && now() < auth.renewAt) return auth.token
    // Another session of this app may have signed in or renewed meanwhile: take its token.
    const stored = readStored()
    if (stored && now() < stored.renewAt) {
      auth = stored
      return stored.token
    }
    forgetAuth()
    return signIn()
  }

  const request: RequestFn = createRequestClient({
    baseUrl,
    timeoutMs: opts.timeoutMs,
    getToken: currentToken,
    onUnauthorized: async () => {
      forgetAuth()
      return signIn()
    }
  })

  return { baseUrl, now, request }
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

/**
 * Creates the remote source.
 * Every method rejects only with a {@link DataError}: `NETWORK` / `TIMEOUT` (reads fall back to
 * the cache first), `HTTP`, `BAD_RESPONSE`, or the server's `NOT_FOUND` / `INVALID_INPUT` /
 * `UNAUTHORIZED` / `CONFLICT`.
 */
export function createRemoteSource(opts: RemoteSourceOptions): DataSource {
  const { request, now } = createSession(opts)
  const cachedRead = createCachedReader(request, opts.cache ?? createStorageCache(), now)

  function siteQueryParams(query: SiteQuery): Record<string, unknown> {
    const { ids, ...rest } = query
    // An empty id list means "none of them"; a lone separator says so (the rules drop empty ids).
    return { ...rest, ids: ids === undefined ? undefined : ids.length === 0 ? ',' : ids }
  }

  return {
    kind: 'remote',
    listSites: (query) => cachedRead(SitePageSchema, API.listSites.path, siteQueryParams(query)),
    getSite: (id) => cachedRead(SiteSchema, fillPath(API.getSite.path, { id })),
    listRoutes: (query = {}) => cachedRead(RouteListSchema, API.listRoutes.path, { q: query.q, curated: query.curated }),
    getRoute: (id) => cachedRead(RouteSchema, fillPath(API.getRoute.path, { id })),

    getProfile: () => request({ method: 'GET', path: API.getProfile.path, auth: true, schema: ProfileSchema }),
    saveProfile: (input) =>
      request({ method: 'PUT', path: API.saveProfile.path, auth: true, body: { nickname: input.nickname, unit: input.unit }, schema: ProfileSchema }),

    listFavourites: async () => (await request({ method: 'GET', path: API.listFavourites.path, auth: true, schema: FavouritesSchema })).siteIds,
    setFavourite: async (siteId, favourite) => {
      const route = favourite ? API.favourite : API.unfavourite
      const res = await request({ method: route.method, path: fillPath(route.path, { siteId }), auth: true, schema: FavouritesSchema })
      return res.siteIds
    },

    submitReport: (input) =>
      request({ method: 'POST', path: API.submitReport.path, auth: true, body: input, idempotencyKey: input.key, schema: ReportReceiptSchema })
  }
}
