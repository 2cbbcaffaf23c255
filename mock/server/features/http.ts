/**
 * What every feature's server handlers share: the handler shape, and the small HTTP-to-rules
 * adaptations (whitelisting body fields, the `Idempotency-Key` header, decimal query numbers).
 */
import type { FastifyRequest } from 'fastify'
import type { HeritageDataset } from '../../../src/services/heritage/rules'
import type { KeyValueStore } from '../../../src/services/core/kv'
import type { RouteTable } from '../../../src/services/core/routes'
import { invalid } from '../../../src/services/core/errors'
import type { QuizServerOptions } from './quiz'

/** A route handler; `pid` is the signed-in participant for routes with `auth: true`, else ''. */
export type Handler = (req: FastifyRequest, pid: string) => unknown

/** What the server hands every feature when it starts. */
export interface ServerContext {
  /** The server's clock, ms since the epoch. */
  now: () => number
  /** The heritage dataset (other features check site and route ids against it). */
  dataset: HeritageDataset
  siteExists(id: string): boolean
  routeExists(id: string): boolean
  /** Where the me feature keeps its records; default a fresh in-memory store. */
  store?: KeyValueStore
  /** The quiz's options (bank, demo participants, clock, store). */
  quiz?: QuizServerOptions
}

/** One feature on the server: its route table and a handler for each route (a missing one is a compile error). */
export interface ServerFeature<T extends RouteTable = RouteTable> {
  routes: T
  handlers: { [K in keyof T]: Handler }
}

/** Declares a feature's server part (keeps the table's literal keys for the handler check). */
export function serverFeature<T extends RouteTable>(routes: T, handlers: { [K in keyof T]: Handler }): ServerFeature<T> {
  return { routes, handlers }
}

/** Path parameters of a request. */
export const params = (req: FastifyRequest) => req.params as Record<string, string>
/** Query parameters of a request. */
export const query = (req: FastifyRequest) => (req.query ?? {}) as Record<string, unknown>

/** Whether a value is a plain (non-array) object. */
export const isPlainObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x)

/**
 * The contract fields of a body, nothing else. No body counts as `{}`; a body that is not an
 * object is passed on unchanged, for the rules to refuse with their own message.
 */
export function pickFields(body: unknown, fields: readonly string[]): unknown {
  if (body === undefined) return {}
  if (!isPlainObject(body)) return body
  const out: Record<string, unknown> = {}
  for (const f of fields) if (Object.prototype.hasOwnProperty.call(body, f) && body[f] !== undefined) out[f] = body[f]
  return out
}

/**
 * Fills the body's idempotency key `field` from the `Idempotency-Key` header; refuses a body key
 * that differs from it (400 `INVALID_INPUT` naming `field`).
 */
export function withIdempotencyHeader(req: FastifyRequest, body: unknown, field = 'idempotencyKey'): unknown {
  const header = req.headers['idempotency-key']
  if (typeof header !== 'string' || header === '' || !isPlainObject(body)) return body
  if (body[field] === undefined) return { ...body, [field]: header }
  if (body[field] !== header) throw invalid(field, `请求头 Idempotency-Key 与提交编号 ${field} 不一致`)
  return body
}

/** A query value of decimal digits as a number; anything else unchanged (the rules check it). */
export function intParam(raw: unknown): unknown {
  return typeof raw === 'string' && /^-?\d{1,9}$/.test(raw) ? Number(raw) : raw
}
