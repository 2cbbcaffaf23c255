/**
 * A stand-in for Fastify's `inject` over a real loopback connection. (Fastify's own `inject`
 * loads light-my-request, whose ESM-only `cookie` dependency Jest cannot require on Node 20.)
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'

/** One request: `payload` objects are sent as JSON (with `Content-Type: application/json`). */
export interface InjectOptions {
  method: string
  /** Path and query, sent as written (no normalisation of `..`). */
  url: string
  headers?: Record<string, string>
  payload?: string | object
}

/** The answer, shaped like light-my-request's response. */
export interface InjectResponse {
  statusCode: number
  headers: http.IncomingHttpHeaders
  body: string
  json(): any
}

/** A Fastify app listening on 127.0.0.1 (OS-chosen port) with an `inject`-like client. */
export interface Served {
  inject(opts: InjectOptions): Promise<InjectResponse>
  close(): Promise<void>
}

/** Starts `app` on a loopback port; `close()` stops it. */
export async function serve(app: FastifyInstance): Promise<Served> {
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo
  const agent = new http.Agent({ keepAlive: false })
  return {
    inject: (opts) =>
      new Promise<InjectResponse>((resolve, reject) => {
        const headers: Record<string, string> = { ...(opts.headers ?? {}) }
        let body: string | undefined
        if (opts.payload !== undefined) {
          body = typeof opts.payload === 'string' ? opts.payload : JSON.stringify(opts.payload)
          if (typeof opts.payload !== 'string' && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
            headers['content-type'] = 'application/json'
          }
          headers['content-length'] = String(Buffer.byteLength(body))
        }
        const req = http.request({ host: '127.0.0.1', port, method: opts.method, path: opts.url, headers, agent }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8')
            resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body: text, json: () => JSON.parse(text) })
          })
        })
        req.on('error', reject)
        req.end(body)
      }),
    close: async () => {
      agent.destroy()
      await app.close()
    }
  }
}
