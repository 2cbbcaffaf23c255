/**
 * The one contract harness: every feature's contract suite runs against both of its sources,
 * (a) the in-process mock source and (b) the remote source over real HTTP to the mock server on a
 * loopback port, so the two cannot drift apart.
 *
 * A feature registers a {@link FeatureContract} in `contracts.test.ts` (one line).
 */
import { buildServer, type ServerOptions } from '@mock/server/app'
import { installFetchRequest, listenFastify, type Listening } from './http'

/** Starts a mock server on a loopback port for this test and returns its origin (closed after the test). */
export type Listen = (opts?: ServerOptions) => Promise<string>

/** How a feature's contract suite runs on both sources. `T` is whatever its suite takes per test. */
export interface FeatureContract<T> {
  /** The feature's name, in test titles. */
  feature: string
  /** A fresh target on the in-process mock source (a fresh participant and store). */
  mock(): T | Promise<T>
  /** A fresh target on the remote source, against a server started with `listen`. */
  remote(listen: Listen): T | Promise<T>
  /**
   * Registers the suite: `describe` blocks whose tests call `makeTarget` (in a `beforeEach`) and
   * `cleanup` (in an `afterEach`).
   */
  suite(label: string, makeTarget: () => Promise<T>, cleanup: () => Promise<void>): void
}

/** Registers a feature's suite twice: on the mock source and on the remote source over HTTP. */
export function runContractOnBothSources<T>(c: FeatureContract<T>): void {
  c.suite('mock (in-process)', async () => c.mock(), async () => undefined)

  describe(`${c.feature} over HTTP`, () => {
    const servers: Listening[] = []
    const listen: Listen = async (opts) => {
      const s = await listenFastify(buildServer(opts))
      servers.push(s)
      return s.baseUrl
    }
    c.suite(
      'remote (HTTP mock server)',
      async () => {
        installFetchRequest()
        return c.remote(listen)
      },
      async () => {
        await Promise.all(servers.splice(0).map((s) => s.close()))
      }
    )
  })
}
