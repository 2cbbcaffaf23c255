/**
 * The heritage source of this build (see `services/core/source-holder.ts`): remote over the HTTP
 * API when built with `TARO_APP_DATA_SOURCE=remote`, else the in-process mock.
 */
import { apiBase, createSourceHolder } from '../core/source-holder'
import type { HeritageSource } from './source'

export type { HeritageSource, Loaded } from './source'

/** The heritage source every heritage store reads through. */
export const heritageSource = createSourceHolder<HeritageSource>(() => {
  // The condition must be written out here (not a function call) for webpack to drop the other arm.
  if (process.env.TARO_APP_DATA_SOURCE === 'remote') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createRemoteHeritageSource } = require('./remote') as typeof import('./remote')
    return createRemoteHeritageSource({ baseUrl: apiBase() })
  } else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createMockHeritageSource } = require('./mock') as typeof import('./mock')
    return createMockHeritageSource()
  }
})
