/**
 * The explicit load states every store uses for a list or a record, instead of booleans:
 * `idle` (never asked), `loading` (first load; show a skeleton), `ready` (with data; may be
 * refreshing or stale), `error` (no data to show; show the message and 重试).
 */
export type LoadState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; data: T; refreshing: boolean; staleSince?: number; refreshError?: string }
  | { status: 'error'; message: string; code: string; retryable: boolean }

export const IDLE = { status: 'idle' } as const
export const LOADING = { status: 'loading' } as const

/** The error state for a thrown value (a DataError-like object with code/message/retryable). */
export function errorState(err: unknown): { status: 'error'; message: string; code: string; retryable: boolean } {
  const e = err as { code?: string; message?: string; retryable?: boolean }
  return {
    status: 'error',
    code: typeof e?.code === 'string' ? e.code : 'HTTP',
    message: typeof e?.message === 'string' && e.message ? e.message : '加载失败，请稍后重试',
    retryable: e?.retryable !== false
  }
}
