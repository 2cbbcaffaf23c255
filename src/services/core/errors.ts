/**
 * Typed errors every data source throws, so the UI can say what happened and what to do.
 *
 * - `NETWORK`: no connection or the host could not be reached (retry later; cached data may be shown).
 * - `TIMEOUT`: no answer within the request timeout.
 * - `HTTP`: the server answered with a non-2xx status not covered below.
 * - `NOT_FOUND`: the requested record does not exist (unknown id).
 * - `BAD_RESPONSE`: the server's body did not match the contract (validated at the boundary).
 * - `INVALID_INPUT`: the caller's input was rejected (a form field, a query parameter).
 * - `UNAUTHORIZED`: the sign-in token is missing or expired.
 * - `CONFLICT`: the request clashes with stored state.
 * - `LOCAL_DATA`: data kept on this device (the mock build's records, local storage) is corrupt
 *   or could not be written; no server is involved, so retrying the same step cannot help.
 */
export type DataErrorCode =
  | 'NETWORK'
  | 'TIMEOUT'
  | 'HTTP'
  | 'NOT_FOUND'
  | 'BAD_RESPONSE'
  | 'INVALID_INPUT'
  | 'UNAUTHORIZED'
  | 'CONFLICT'
  | 'LOCAL_DATA'

/** Chinese messages for each code: what happened and what to do. */
const DEFAULT_MESSAGES: Record<DataErrorCode, string> = {
  NETWORK: '网络不可用，请检查网络后重试',
  TIMEOUT: '网络较慢，请求超时，请稍后重试',
  HTTP: '服务器暂时无法处理请求，请稍后重试',
  NOT_FOUND: '没有找到这条内容，它可能已被删除或链接有误',
  BAD_RESPONSE: '服务器返回的数据有误，请稍后重试',
  INVALID_INPUT: '输入的内容有误，请检查后再提交',
  UNAUTHORIZED: '登录已过期，请重新进入后再试',
  CONFLICT: '内容已被更改，请刷新后再试',
  LOCAL_DATA: '本机保存的数据有误，这一步没有完成；已保存的内容没有改动'
}

/** An error from a data source. `message` is Simplified Chinese, fit to show to the user. */
export class DataError extends Error {
  readonly code: DataErrorCode
  /** HTTP status where there was one. */
  readonly status?: number
  /** For `INVALID_INPUT`: messages per field name, e.g. `{ nickname: '昵称不能为空' }`. */
  readonly fields?: Record<string, string>

  constructor(code: DataErrorCode, message?: string, opts: { status?: number; fields?: Record<string, string>; cause?: unknown } = {}) {
    super(message || DEFAULT_MESSAGES[code])
    this.name = 'DataError'
    this.code = code
    this.status = opts.status
    this.fields = opts.fields
    if (opts.cause !== undefined) (this as { cause?: unknown }).cause = opts.cause
  }

  /** Whether retrying the same request later may succeed. */
  get retryable(): boolean {
    return this.code === 'NETWORK' || this.code === 'TIMEOUT' || this.code === 'HTTP' || this.code === 'BAD_RESPONSE'
  }
}

/** Turns anything thrown into a {@link DataError} (unknown errors become `HTTP` with the default message). */
export function toDataError(err: unknown): DataError {
  if (err instanceof DataError) return err
  return new DataError('HTTP', undefined, { cause: err })
}

/** The HTTP API's error body: `{ "error": { "code", "message", "fields"? } }`. */
export interface ApiErrorBody {
  error: { code: DataErrorCode; message: string; fields?: Record<string, string> }
}

/** Maps an error code to the HTTP status the API answers with. */
export const STATUS_BY_CODE: Record<DataErrorCode, number> = {
  NETWORK: 503,
  TIMEOUT: 504,
  HTTP: 500,
  NOT_FOUND: 404,
  BAD_RESPONSE: 502,
  INVALID_INPUT: 400,
  UNAUTHORIZED: 401,
  CONFLICT: 409,
  LOCAL_DATA: 500
}

/**
 * An `INVALID_INPUT` error for one field: `message` is shown to the user and filed under `field`
 * in {@link DataError.fields}.
 */
export function invalid(field: string, message: string): DataError {
  return new DataError('INVALID_INPUT', message, { fields: { [field]: message } })
}

/**
 * Runs a synchronous rule call as a promise that rejects only with a {@link DataError} (the
 * in-process mock sources' wrapper around the rules). The rules run on this device over its own
 * storage: anything they throw that is not a DataError comes from what is stored here (a value
 * the reads did not catch), so it becomes `LOCAL_DATA`, never a "server" error with 重试.
 */
export function callRule<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn())
  } catch (err) {
    return Promise.reject(err instanceof DataError ? err : new DataError('LOCAL_DATA', undefined, { cause: err }))
  }
}

/**
 * Runs an async call and turns anything it throws (a bad argument that fails before the request
 * is sent, say) into a {@link DataError}, so a source never rejects with anything else.
 */
export async function guardAsync<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    throw toDataError(err)
  }
}
