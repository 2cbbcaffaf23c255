/**
 * The signed-in connection every remote source shares.
 *
 * - Identity: signs in with a code (weapp: `Taro.login()`; H5: a device id generated once and
 *   kept in storage under `rcc:device-id`), keeps the bearer token and its expiry in storage
 *   (`rcc:auth`), and signs in again when the token has expired or the server answers 401.
 *   Every feature's remote source over the same API origin shares one sign-in through storage.
 * - Every answer is validated against the route's schema (see `request.ts`).
 * - {@link callRoute} sends one request described by a feature's route table.
 */
import Taro from '@tarojs/taro'
import * as v from 'valibot'
import { DataError } from './errors'
import { CORE_ROUTES } from './identity'
import { secureRandomId, storedId } from './ids'
import { createRequestClient, type RequestFn } from './request'
import { fillPath, type RouteSpec } from './routes'
import { readStorage, removeStorage, writeStorage } from './storage'

/**
 * Storage key of the sign-in state `{ token, expiresAt, renewAt, participantId, baseUrl }`
 * (times in ms since the epoch; `renewAt` is a little before `expiresAt`).
 */
export const AUTH_KEY = 'rcc:auth'
/** Storage key of the H5 device id used as the sign-in code. */
export const DEVICE_ID_KEY = 'rcc:device-id'
/** A token is renewed this many milliseconds before it expires (at most a tenth of its lifetime), so it does not lapse in flight. */
export const TOKEN_RENEW_MARGIN_MS = 30_000

/**
 * Options of {@link createSession}: the sign-in and request part shared by every remote source
 * (every feature's `remote.ts`).
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

/**
 * The H5 device id: generated once (`h5-` + 24 random characters), then read from storage.
 * Used as the sign-in code on H5, where there is no `Taro.login`.
 */
export function deviceId(): string {
  return storedId(DEVICE_ID_KEY, /^h5-[0-9a-z]{24}$/, () => `h5-${secureRandomId(24)}`)
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
        const result = await request({ method: 'POST', path: CORE_ROUTES.login.path, body: { code }, schema: CORE_ROUTES.login.response })
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


/** What one {@link callRoute} call sends besides the route itself. */
export interface RouteCall {
  /** Values of the path's `:name` placeholders. */
  params?: Record<string, string>
  /** Query parameters (see `toQueryString`). */
  query?: Record<string, unknown>
  /** JSON body. */
  body?: unknown
  /** Sent as the `Idempotency-Key` header (only for `idempotent` routes). */
  idempotencyKey?: string
}

/**
 * Sends one request described by a route table entry and resolves with its validated answer.
 * @throws DataError as {@link RequestFn} does.
 */
export async function callRoute<R extends v.GenericSchema>(request: RequestFn, route: RouteSpec<R>, call: RouteCall = {}): Promise<v.InferOutput<R>> {
  return request({
    method: route.method,
    path: call.params ? fillPath(route.path, call.params) : route.path,
    query: call.query,
    body: call.body,
    idempotencyKey: route.idempotent ? call.idempotencyKey : undefined,
    auth: route.auth,
    schema: route.response
  })
}
