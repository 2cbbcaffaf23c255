/**
 * Test plumbing for the remote source: a real-HTTP implementation of the jest Taro mock's
 * `request` (Node 20 global fetch), loopback servers, and error assertions.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import Taro from '@tarojs/taro'
import type { FastifyInstance } from 'fastify'
import { DataError, type DataErrorCode } from '@/services/core/errors'

/** What one call of the fake `Taro.request` saw and answered. */
export interface RequestRecord {
  url: string
  method: string
  header: Record<string, string>
  data: unknown
  /** Status code, or undefined when the call failed (network error or timeout). */
  statusCode?: number
}

/** Options of a Taro.request call, as the request client passes them. */
interface TaroRequestOptions {
  url: string
  method?: string
  data?: unknown
  header?: Record<string, string>
  timeout?: number
  dataType?: string
}

/**
 * How the platform hands over a body that is not JSON: `weapp` (wx.request) gives the raw string,
 * `h5` (Taro's fetch-based request) gives null.
 */
export type PlatformFlavour = 'weapp' | 'h5'

/**
 * Makes the Taro mock's `request` really cross the network with `fetch`, like `wx.request`:
 * resolves `{ statusCode, data, header }` for any HTTP status, rejects `{ errMsg }` on a
 * connection failure (`request:fail …`) or after `timeout` ms (`request:fail timeout`).
 * The returned promise has `abort()`. Returns the list of calls it records.
 */
export function installFetchRequest(flavour: PlatformFlavour = 'weapp'): RequestRecord[] {
  const calls: RequestRecord[] = []
  ;(Taro.request as unknown as jest.Mock).mockImplementation((options: TaroRequestOptions) => {
    const { url, method = 'GET', data, header = {}, timeout = 60_000, dataType } = options
    const record: RequestRecord = { url, method, header: { ...header }, data }
    calls.push(record)
    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, timeout)
    if (method === 'GET' && data !== undefined) throw new Error('test transport: GET with data is not expected')
    const body = data === undefined ? undefined : typeof data === 'string' ? data : JSON.stringify(data)
    const p = (async () => {
      try {
        const res = await fetch(url, { method, headers: header, body, signal: controller.signal })
        const text = await res.text()
        let parsed: unknown = text
        if (dataType === 'json') {
          try {
            parsed = JSON.parse(text)
          } catch {
            parsed = flavour === 'h5' ? null : text
          }
        }
        record.statusCode = res.status
        return { statusCode: res.status, data: parsed, header: Object.fromEntries(res.headers), errMsg: 'request:ok' }
      } catch (err) {
        const cause = (err as { cause?: { code?: string } }).cause
        throw { errMsg: timedOut ? 'request:fail timeout' : `request:fail ${cause?.code ?? (err as Error).message}` }
      } finally {
        clearTimeout(timer)
      }
    })()
    return Object.assign(p, { abort: () => controller.abort() })
  })
  return calls
}

/** A server listening on a loopback port. */
export interface Listening {
  /** e.g. `http://127.0.0.1:41234` (no trailing slash). */
  baseUrl: string
  port: number
  close(): Promise<void>
}

/** Starts a Fastify app (e.g. from `buildServer()`) on 127.0.0.1, port chosen by the OS. */
export async function listenFastify(app: FastifyInstance): Promise<Listening> {
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo
  return { baseUrl: `http://127.0.0.1:${port}`, port, close: () => app.close() }
}

/** A bare node:http stub server for malformed and failing answers; records request headers. */
export async function listenStub(handler: http.RequestListener): Promise<Listening & { seen: http.IncomingHttpHeaders[] }> {
  const seen: http.IncomingHttpHeaders[] = []
  const server = http.createServer((req, res) => {
    seen.push(req.headers)
    handler(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** A loopback port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/**
 * Awaits a promise that must reject with a {@link DataError} of `code` (and, if given, a
 * `fields[field]` message). Returns the error for further checks.
 */
export async function expectDataError(p: Promise<unknown>, code: DataErrorCode, field?: string): Promise<DataError> {
  let caught: unknown
  try {
    await p
  } catch (err) {
    caught = err
  }
  if (caught === undefined) throw new Error(`expected DataError ${code}, but the call succeeded`)
  expect(caught).toBeInstanceOf(DataError)
  const err = caught as DataError
  expect(err.code).toBe(code)
  expect(err.message).toMatch(/[\u4e00-\u9fff]/) // a Chinese message for the user
  if (field) expect(err.fields?.[field]).toEqual(expect.stringMatching(/[\u4e00-\u9fff]/))
  return err
}
