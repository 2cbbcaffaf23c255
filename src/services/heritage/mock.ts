/**
 * The in-process heritage list source: the list rules over the summary index
 * (`mock/data/heritage-index.json`, built by `npm run data`), small enough for the tab pages. The
 * full records are served by `mock-detail.ts`, which only the heritage subpackage reaches. Works
 * with no network at all, in the mini-program and in H5.
 */
import indexJson from '@mock/data/heritage-index.json'
import { callRule } from '../core/errors'
import * as heritage from './rules'
import type { HeritageListSource } from './source'

/** The embedded list index (validated against the full dataset by the data tests). */
export function embeddedIndex(): heritage.HeritageIndex {
  return indexJson as heritage.HeritageIndex
}

/**
 * Creates the mock heritage list source.
 * @param opts.index override the embedded index (tests)
 */
export function createMockHeritageListSource(opts: { index?: heritage.HeritageIndex } = {}): HeritageListSource {
  const index = opts.index ?? embeddedIndex()
  return {
    kind: 'mock',
    listSites: (query) => callRule(() => ({ data: heritage.listSites(index, query) })),
    listRoutes: (query) => callRule(() => ({ data: heritage.listRoutes(index, query) }))
  }
}
