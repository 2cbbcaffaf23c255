/**
 * Asks before the browser's back button leaves a page (H5: back-guard.h5.ts, which Taro's build
 * picks for H5). On weapp there is no browser back: pages use enableAlertBeforeUnload instead, so
 * this does nothing.
 */
export function guardBrowserBack(_ask: () => Promise<boolean>): () => void {
  return () => undefined
}
