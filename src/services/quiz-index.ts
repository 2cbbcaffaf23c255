/**
 * The app's quiz source, chosen at build time like the data source (`index.ts`):
 * `TARO_APP_DATA_SOURCE=remote` → the HTTP API at `TARO_APP_API_BASE`; anything else → the
 * in-process mock over the embedded question bank.
 *
 * Kept apart from `index.ts` so the question bank and the quiz rules load only where the quiz is
 * used (its subpackage), never in the weapp main package. The two implementations are loaded with
 * `require` inside a branch on the build-time constant, so webpack drops the unused one: a remote
 * build carries neither the bank nor the rules.
 */
import { DEFAULT_API_BASE } from './index'
import type { QuizSource } from './quiz-source'

export type { QuizSource } from './quiz-source'

let instance: QuizSource | null = null

function create(): QuizSource {
  if (process.env.TARO_APP_DATA_SOURCE === 'remote') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createRemoteQuizSource } = require('./quiz-remote-source') as typeof import('./quiz-remote-source')
    return createRemoteQuizSource({ baseUrl: process.env.TARO_APP_API_BASE || DEFAULT_API_BASE })
  } else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createMockQuizSource } = require('./quiz-mock-source') as typeof import('./quiz-mock-source')
    return createMockQuizSource()
  }
}

/**
 * The quiz source every quiz store reads through (one per app run, created on first use; in mock
 * mode the demo participants are seeded then, once).
 * @returns the remote quiz source when built with `TARO_APP_DATA_SOURCE=remote`, else the mock one
 */
export function getQuizSource(): QuizSource {
  instance ??= create()
  return instance
}

/**
 * Replaces the quiz source (tests only); `null` makes the next {@link getQuizSource} call create
 * the build-time default again.
 */
export function setQuizSourceForTests(qs: QuizSource | null): void {
  instance = qs
}
