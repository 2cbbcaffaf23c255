/**
 * The app's data source, chosen at build time:
 * `TARO_APP_DATA_SOURCE=remote` → the HTTP API at `TARO_APP_API_BASE`; anything else → the
 * in-process mock over the embedded dataset.
 *
 * The two implementations are loaded with `require` in the two arms of an if/else on the
 * build-time constant, so webpack drops the unused one (a `require` after an early `return` is
 * not recognised as dead and would be bundled): a remote build does not carry the mock dataset.
 */
import type { DataSource } from './datasource'

export type { DataSource, Loaded } from './datasource'
export { DataError } from './errors'
export type { DataErrorCode } from './errors'

/** API origin used in remote mode when `TARO_APP_API_BASE` is not set (the local mock server). */
export const DEFAULT_API_BASE = 'http://127.0.0.1:10086'

let instance: DataSource | null = null

function create(): DataSource {
  if (process.env.TARO_APP_DATA_SOURCE === 'remote') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createRemoteSource } = require('./remote-source') as typeof import('./remote-source')
    return createRemoteSource({ baseUrl: process.env.TARO_APP_API_BASE || DEFAULT_API_BASE })
  } else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createMockSource } = require('./mock-source') as typeof import('./mock-source')
    return createMockSource()
  }
}

/**
 * The data source every store reads through (one per app run, created on first use).
 * @returns the remote source when built with `TARO_APP_DATA_SOURCE=remote`, else the mock source
 */
export function getDataSource(): DataSource {
  instance ??= create()
  return instance
}

/**
 * Replaces the data source (tests only); `null` makes the next {@link getDataSource} call create
 * the build-time default again.
 */
export function setDataSourceForTests(ds: DataSource | null): void {
  instance = ds
}
