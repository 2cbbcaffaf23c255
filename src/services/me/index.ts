/**
 * The me source of this build (see `services/core/source-holder.ts`): remote over the HTTP API
 * when built with `TARO_APP_DATA_SOURCE=remote`, else the in-process mock.
 */
import { apiBase, createSourceHolder } from '../core/source-holder'
import type { MeSource } from './source'

export type { MeSource } from './source'

/** The me source every me store reads through. */
export const meSource = createSourceHolder<MeSource>(() => {
  // The condition must be written out here (not a function call) for webpack to drop the other arm.
  if (process.env.TARO_APP_DATA_SOURCE === 'remote') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createRemoteMeSource } = require('./remote') as typeof import('./remote')
    return createRemoteMeSource({ baseUrl: apiBase() })
  } else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createMockMeSource } = require('./mock') as typeof import('./mock')
    return createMockMeSource()
  }
})
