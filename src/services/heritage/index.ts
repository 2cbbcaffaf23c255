/**
 * The heritage list source of this build (see `services/core/source-holder.ts`): remote over the
 * HTTP API when built with `TARO_APP_DATA_SOURCE=remote`, else the in-process mock over the summary
 * index. Full records come from `./detail` (the heritage subpackage only).
 */
import { apiBase, createSourceHolder } from '../core/source-holder'
import type { HeritageListSource } from './source'

export type { HeritageDetailSource, HeritageListSource, HeritageSource, Loaded } from './source'

/** The heritage list source the tab pages' heritage store reads through. */
export const heritageSource = createSourceHolder<HeritageListSource>(() => {
  // The condition must be written out here (not a function call) for webpack to drop the other arm.
  if (process.env.TARO_APP_DATA_SOURCE === 'remote') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createRemoteHeritageSource } = require('./remote') as typeof import('./remote')
    return createRemoteHeritageSource({ baseUrl: apiBase() })
  } else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createMockHeritageListSource } = require('./mock') as typeof import('./mock')
    return createMockHeritageListSource()
  }
})
