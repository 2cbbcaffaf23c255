/**
 * The source holder every feature's `index.ts` uses: one source per feature per app run, created
 * on first use, replaceable in tests.
 *
 * The choice between a feature's mock and remote source is made at build time
 * (`TARO_APP_DATA_SOURCE=mock|remote`, `TARO_APP_API_BASE=https://…`). Each feature's `index.ts`
 * passes a factory that loads its two implementations with `require` in the two arms of an
 * if/else on `process.env.TARO_APP_DATA_SOURCE === 'remote'`, written out in place: webpack
 * replaces the constant and drops the unused arm, so a remote build carries no mock data and a
 * mock build no HTTP code. (A function call as the condition, or a `require` after an early
 * `return`, is not recognised as dead and would be bundled.)
 */

/** API origin used in remote mode when `TARO_APP_API_BASE` is not set (the local mock server). */
export const DEFAULT_API_BASE = 'http://127.0.0.1:10086'

/** The API origin of a remote build (`TARO_APP_API_BASE`, else {@link DEFAULT_API_BASE}). */
export function apiBase(): string {
  return process.env.TARO_APP_API_BASE || DEFAULT_API_BASE
}

/** A feature's source, created on first use. */
export interface SourceHolder<S> {
  /** The source (created by the factory on the first call). */
  get(): S
  /** Replaces the source (tests only); `null` makes the next {@link SourceHolder.get} create the build-time default again. */
  setForTests(source: S | null): void
}

/** Creates a {@link SourceHolder} over a factory. */
export function createSourceHolder<S>(create: () => S): SourceHolder<S> {
  let instance: S | null = null
  return {
    get: () => (instance ??= create()),
    setForTests: (source) => {
      instance = source
    }
  }
}
