/**
 * The quiz source of this build (see `services/core/source-holder.ts`): remote over the HTTP API
 * when built with `TARO_APP_DATA_SOURCE=remote`, else the in-process mock over the embedded
 * question bank. Reached only from the quiz's subpackage pages, so the bank and the rules never
 * load in the weapp main package or the H5 first screen.
 */
import { apiBase, createSourceHolder } from '../core/source-holder'
import type { QuizSource } from './source'

export type { QuizSource } from './source'

/** The quiz source every quiz store reads through (mock mode: demo participants seeded on first use). */
export const quizSource = createSourceHolder<QuizSource>(() => {
  // The condition must be written out here (not a function call) for webpack to drop the other arm.
  if (process.env.TARO_APP_DATA_SOURCE === 'remote') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createRemoteQuizSource } = require('./remote') as typeof import('./remote')
    return createRemoteQuizSource({ baseUrl: apiBase() })
  } else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createMockQuizSource } = require('./mock') as typeof import('./mock')
    return createMockQuizSource()
  }
})
