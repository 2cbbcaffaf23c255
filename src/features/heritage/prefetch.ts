/**
 * H5 only: once the first screen has loaded and the browser is idle, fetches the heritage detail
 * chunk (detail store and source, the full dataset; `heritage-detail` in `config/index.ts`), so a
 * route or site opens without waiting for it. Started a few seconds after `load`, at idle, so it
 * never competes with the first screen (nor counts in its first-load bytes). On weapp the same job
 * is done by `preloadRule` in `app.config.ts`; this function then does nothing.
 */

/** Time after `load` before the prefetch is queued for idle time. */
const PREFETCH_DELAY_MS = 3000

let started = false

/** Queues the prefetch (once per app run); safe to call on every show of a tab page. */
export function prefetchHeritageDetail(): void {
  // An `if` block (not an early return) so that webpack drops the import() from the weapp build.
  if (process.env.TARO_ENV === 'h5') {
    if (started || typeof window === 'undefined') return
    started = true
    const load = () => {
      import(/* webpackChunkName: "heritage-prefetch" */ './detail-store').catch(() => {
        started = false // offline or a failed fetch: the page loads the chunk itself when opened
      })
    }
    const whenIdle = () => {
      const ric = (window as Window & { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number }).requestIdleCallback
      if (ric) ric(load, { timeout: 10_000 })
      else load()
    }
    const queue = () => window.setTimeout(whenIdle, PREFETCH_DELAY_MS)
    if (document.readyState === 'complete') queue()
    else window.addEventListener('load', queue, { once: true })
  }
}
