/**
 * The heritage detail source of this build: full site and route records, remote over the HTTP API
 * when built with `TARO_APP_DATA_SOURCE=remote`, else the in-process mock over the embedded dataset.
 * Imported only by `features/heritage/detail-store.ts`, which only the heritage subpackage's pages
 * import, so the full dataset stays out of the weapp main package and the H5 first load.
 */
import { apiBase, createSourceHolder } from '../core/source-holder'
import type { HeritageDetailSource } from './source'

/** The heritage detail source the detail store reads through. */
export const heritageDetailSource = createSourceHolder<HeritageDetailSource>(() => {
  // The condition must be written out here (not a function call) for webpack to drop the other arm.
  if (process.env.TARO_APP_DATA_SOURCE === 'remote') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createRemoteHeritageSource } = require('./remote') as typeof import('./remote')
    return createRemoteHeritageSource({ baseUrl: apiBase() })
  } else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createMockHeritageDetailSource } = require('./mock-detail') as typeof import('./mock-detail')
    return createMockHeritageDetailSource()
  }
})
