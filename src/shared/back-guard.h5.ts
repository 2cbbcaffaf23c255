/**
 * H5: asks before the browser's back button leaves a page, as the page's own 返回 does. Taro's
 * hash router runs on the `history` library, whose `block` holds a back step and lets us ask; a
 * confirmed leave goes where the browser was going (the held step is retried). Taro's own
 * navigation (navigateTo, redirectTo to the result) is never held.
 *
 * Known gap: an address typed in the same tab creates a history entry the library did not make;
 * `block` then holds it silently (no question, the page stays). Not solved yet.
 *
 * `history.block` also asks the browser to prompt before any reload or close; that is not wanted
 * (a reload resumes the round), so its `beforeunload` listener is not installed.
 * weapp: see back-guard.ts.
 */
import { history } from '@tarojs/router'

/**
 * Holds the browser's own steps away from this page until `ask` says yes.
 * @param ask resolves true to leave; the held step itself is then retried
 * @returns a function that stops guarding
 */
export function guardBrowserBack(ask: () => Promise<boolean>): () => void {
  if (typeof window === 'undefined' || !history) return () => undefined
  let asking = false
  const addEventListener = window.addEventListener
  let unblock: () => void = () => undefined
  window.addEventListener = function (this: Window, ...args: Parameters<Window['addEventListener']>) {
    if (args[0] === 'beforeunload') return
    return addEventListener.apply(this, args)
  } as Window['addEventListener']
  try {
    unblock = history.block((tx) => {
      if (tx.action !== 'POP') {
        // the app's own navigation: let it through, and stop guarding (the page is leaving)
        unblock()
        tx.retry()
        return
      }
      if (asking) return
      asking = true
      void ask()
        .then((ok) => {
          if (!ok) return
          unblock()
          tx.retry()
        })
        .finally(() => {
          asking = false
        })
    })
  } finally {
    window.addEventListener = addEventListener
  }
  return () => unblock()
}
