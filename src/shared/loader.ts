/**
 * The one loader every store uses to fill a {@link LoadState} slot, so every list and detail
 * behaves alike:
 * - first load: `loading` (the page shows a skeleton), then `ready` or `error`;
 * - a reload of a slot that is `ready` keeps the shown data (`refreshing: true` meanwhile); when it
 *   fails, the data stays, `refreshError` says why, and the error is rethrown when the reload was
 *   asked for by the user (`refresh: true`, e.g. pull-down refresh) so the page can say so too;
 * - `reuse: true` returns at once when the slot is already `ready` (a detail opened again).
 */
import { errorState, IDLE, LOADING, type LoadState } from './load-state'

/** A fetch answer: either the data itself, or `{ data, staleSince }` from a source with an offline copy. */
export type Fetched<T> = { data: T; staleSince?: number }

/** Options of {@link loadSlot}. */
export interface LoadOptions {
  /** The user asked for this reload: a failure is rethrown (after the shown data is kept). */
  refresh?: boolean
  /** Return at once when the slot is already `ready`. */
  reuse?: boolean
}

/**
 * Loads `fetch` into a slot read by `get` and written by `put`.
 * @returns resolves when done; rejects only on a failed `refresh` of shown data (with the source's DataError)
 */
export async function loadSlot<T>(get: () => LoadState<T>, put: (s: LoadState<T>) => void, fetch: () => Promise<Fetched<T>>, opts: LoadOptions = {}): Promise<void> {
  const current = get()
  if (current.status === 'ready' && opts.reuse && !opts.refresh) return
  put(current.status === 'ready' ? { ...current, refreshing: true } : LOADING)
  try {
    const res = await fetch()
    put({ status: 'ready', refreshing: false, staleSince: res.staleSince, data: res.data })
  } catch (err) {
    const prev = get()
    if (prev.status === 'ready') {
      put({ ...prev, refreshing: false, refreshError: errorState(err).message })
      if (opts.refresh) throw err
      return
    }
    put(errorState(err))
  }
}

/** Wraps a plain answer as {@link Fetched} (sources without an offline copy). */
export const fetched = async <T,>(p: Promise<T>): Promise<Fetched<T>> => ({ data: await p })

/**
 * The `get`/`put` pair of {@link loadSlot} for one entry of a map of slots (a record by id, a
 * board by period): a missing entry reads as `idle`; a write replaces only that entry.
 */
export function keyedSlot<T>(read: () => Record<string, LoadState<T>>, write: (map: Record<string, LoadState<T>>) => void, key: string): [() => LoadState<T>, (s: LoadState<T>) => void] {
  return [() => read()[key] ?? IDLE, (s) => write({ ...read(), [key]: s })]
}
