/**
 * The HTTP client of the remote data source: the only module that calls `Taro.request`.
 *
 * Every answer is validated against a valibot schema before it is returned, and every failure
 * becomes a {@link DataError}: the caller never sees a raw Taro error, an unvalidated body or a
 * crash on a malformed one.
 */
import Taro from '@tarojs/taro'
import * as v from 'valibot'
import { toQueryString, type HttpMethod } from './routes'
import { DataError, STATUS_BY_CODE, type DataErrorCode } from './errors'

/** Default request timeout, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 10_000

/** Options of {@link createRequestClient}. */
export interface RequestClientOptions {
  /** API origin without a trailing slash, e.g. `http://127.0.0.1:10086`; paths from the API table are appended. */
  baseUrl: string
  /** Time allowed for one request, in milliseconds (default {@link DEFAULT_TIMEOUT_MS}). */
  timeoutMs?: number
  /** The current bearer token for `auth` requests (null: none yet). May sign in; may throw a DataError. */
  getToken?: () => Promise<string | null>
  /**
   * Called once when an `auth` request answers 401: sign in again and return the new token
   * (null: give up, the 401 becomes an `UNAUTHORIZED` error). May throw a DataError.
   */
  onUnauthorized?: () => Promise<string | null>
}

/** One request. `S` is the valibot schema the 2xx body must match. */
export interface RequestOptions<S extends v.GenericSchema> {
  method: HttpMethod
  /** Path starting with `/`, placeholders already filled (see `fillPath`). */
  path: string
  /** Query parameters; undefined, null and '' values are left out, arrays joined with commas. */
  query?: Record<string, unknown>
  /** JSON body (PUT / POST). */
  body?: unknown
  /** Sent as the `Idempotency-Key` header. */
  idempotencyKey?: string
  /** Send `Authorization: Bearer <token>` and re-sign-in once on 401. */
  auth?: boolean
  /** Schema of the successful body. */
  schema: S
}

/**
 * Sends one request and resolves with the validated body.
 * @throws DataError `TIMEOUT` (no answer within the timeout), `NETWORK` (could not connect),
 *   the server's own code (`NOT_FOUND`, `INVALID_INPUT` with `fields`, `UNAUTHORIZED`, …) when a
 *   non-2xx answer carries a valid error body, `HTTP` for other non-2xx answers, and
 *   `BAD_RESPONSE` when a 2xx body does not match `schema` (or is not JSON).
 */
export type RequestFn = <S extends v.GenericSchema>(opts: RequestOptions<S>) => Promise<v.InferOutput<S>>

const ERROR_CODES = Object.keys(STATUS_BY_CODE) as [DataErrorCode, ...DataErrorCode[]]

/** The API's error body `{ error: { code, message, fields? } }`, as the client accepts it. */
export const ApiErrorBodySchema = v.object({
  error: v.object({
    code: v.picklist(ERROR_CODES),
    message: v.pipe(v.string(), v.minLength(1)),
    fields: v.optional(v.record(v.string(), v.string()))
  })
})

interface RawResponse {
  statusCode: number
  data: unknown
}

/** Whether a Taro request failure was a timeout (wx: "request:fail timeout"; others word it differently). */
function looksLikeTimeout(err: unknown): boolean {
  const e = err as { errMsg?: unknown; message?: unknown } | null
  const text = `${typeof e?.errMsg === 'string' ? e.errMsg : ''} ${typeof e?.message === 'string' ? e.message : ''}`
  return /time\s?out|timed out|超时/i.test(text)
}

/** A string body is JSON text the platform did not parse, or not JSON at all (→ undefined). */
function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data
  try {
    return JSON.parse(data) as unknown
  } catch {
    return undefined
  }
}

/**
 * One `Taro.request` with our own timeout: resolves with the status and body of any HTTP answer,
 * rejects with a DataError `TIMEOUT` (no answer within `timeoutMs`, the request is aborted) or
 * `NETWORK` (could not connect).
 */
function send(url: string, method: HttpMethod, body: unknown, header: Record<string, string>, timeoutMs: number): Promise<RawResponse> {
  return new Promise<RawResponse>((resolve, reject) => {
    let settled = false
    let task: (Promise<unknown> & { abort?: () => void }) | undefined
    const timer = setTimeout(() => {
      if (settled) return
      settled = true
      try {
        task?.abort?.()
      } catch {
        /* the task may already be finished */
      }
      reject(new DataError('TIMEOUT'))
    }, timeoutMs)
    const finish = (fn: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      fn()
    }
    try {
      task = Taro.request({
        url,
        method,
        data: body as Record<string, unknown> | undefined,
        header,
        // Our own timer decides (H5 reports its abort without the word "timeout"); Taro's is a backstop.
        timeout: timeoutMs + 1000,
        dataType: 'json',
        responseType: 'text'
      }) as unknown as Promise<unknown> & { abort?: () => void }
    } catch (err) {
      finish(() => reject(new DataError('NETWORK', undefined, { cause: err })))
      return
    }
    Promise.resolve(task).then(
      (res) => {
        const r = res as { statusCode?: unknown; data?: unknown } | undefined
        if (!r || typeof r.statusCode !== 'number') {
          finish(() => reject(new DataError('NETWORK', undefined, { cause: res })))
          return
        }
        finish(() => resolve({ statusCode: r.statusCode as number, data: r.data }))
      },
      (err: unknown) => finish(() => reject(new DataError(looksLikeTimeout(err) ? 'TIMEOUT' : 'NETWORK', undefined, { cause: err })))
    )
  })
}

/**
 * Creates the request function over `Taro.request`.
 * @returns a {@link RequestFn}; it never rejects with anything but a {@link DataError}.
 */
export function createRequestClient(opts: RequestClientOptions): RequestFn {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const baseUrl = opts.baseUrl.replace(/\/+$/, '')

  async function attempt<S extends v.GenericSchema>(req: RequestOptions<S>, token: string | null, mayRetry: boolean): Promise<v.InferOutput<S>> {
    const header: Record<string, string> = { Accept: 'application/json' }
    if (req.body !== undefined) header['Content-Type'] = 'application/json'
    if (req.idempotencyKey) header['Idempotency-Key'] = req.idempotencyKey
    if (req.auth && token) header.Authorization = `Bearer ${token}`

    const url = `${baseUrl}${req.path}${req.query ? toQueryString(req.query) : ''}`
    const res = await send(url, req.method, req.body, header, timeoutMs)
    const status = res.statusCode

    if (status >= 200 && status < 300) {
      const parsed = v.safeParse(req.schema, parseBody(res.data))
      if (!parsed.success) throw new DataError('BAD_RESPONSE', undefined, { status, cause: parsed.issues })
      return parsed.output
    }

    if (status === 401 && req.auth && mayRetry && opts.onUnauthorized) {
      const fresh = await opts.onUnauthorized()
      if (fresh) return attempt(req, fresh, false)
    }

    const err = v.safeParse(ApiErrorBodySchema, parseBody(res.data))
    if (err.success) {
      const { code, message, fields } = err.output.error
      throw new DataError(code, message, { status, fields })
    }
    throw new DataError('HTTP', undefined, { status })
  }

  return async function request<S extends v.GenericSchema>(req: RequestOptions<S>): Promise<v.InferOutput<S>> {
    try {
      const token = req.auth && opts.getToken ? await opts.getToken() : null
      return await attempt(req, token, true)
    } catch (err) {
      if (err instanceof DataError) throw err
      throw new DataError('HTTP', undefined, { cause: err })
    }
  }
}
