/**
 * The typed route-table helper every feature's contract uses. A feature writes its HTTP API down
 * once, in `services/<feature>/contract.ts`, as a table made with {@link defineRoutes}; the remote
 * source calls it through `callRoute` (see `session.ts`) and the mock server maps each entry to a
 * handler (`mock/server/features/<feature>.ts`), so client and server cannot disagree on a path,
 * a method, whether a route needs sign-in, or the shape of the answer.
 *
 * Conventions of the API: versioned under {@link API_PREFIX}, JSON bodies, errors as
 * `{ "error": { "code", "message", "fields"? } }` (see `errors.ts`); routes with `auth: true`
 * carry `Authorization: Bearer <token>`; `idempotent: true` writes carry an `Idempotency-Key`.
 */
import type * as v from 'valibot'

/** Every path starts with this (the API's version). */
export const API_PREFIX = '/api/v1'

/** HTTP methods the API uses. */
export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE'

/**
 * One route of a table.
 * - `path`: starts with {@link API_PREFIX}; `:name` placeholders are filled by {@link fillPath}.
 * - `auth`: the caller must be signed in (the server answers 401 `UNAUTHORIZED` otherwise).
 * - `idempotent`: a write that takes an idempotency key (header `Idempotency-Key` and/or body);
 *   a retried request with the same key returns the first answer and changes nothing.
 * - `response`: the valibot schema a 2xx body must match (the client validates it).
 * - `body`: the schema of the JSON body, where the route takes one (documentation and tests; the
 *   rules validate the body themselves and answer `INVALID_INPUT` naming the field).
 */
export interface RouteSpec<R extends v.GenericSchema = v.GenericSchema> {
  readonly method: HttpMethod
  readonly path: string
  readonly auth: boolean
  readonly idempotent: boolean
  readonly response: R
  readonly body?: v.GenericSchema
}

/** A feature's route table: route name → {@link RouteSpec}. */
export type RouteTable = Readonly<Record<string, RouteSpec>>

/**
 * Declares a route table, keeping each entry's literal types (so `callRoute(table.x, …)` knows
 * the answer's type and a server handler map can be checked for completeness).
 * @throws Error at module load when a path does not start with {@link API_PREFIX}.
 */
export function defineRoutes<T extends RouteTable>(table: T): T {
  for (const [name, spec] of Object.entries(table)) {
    if (!spec.path.startsWith(`${API_PREFIX}/`)) throw new Error(`route ${name}: path must start with ${API_PREFIX}/`)
  }
  return table
}

/** Fills `:name` placeholders in a path, URL-encoding each value. @throws Error when a value is missing. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/:([A-Za-z]+)/g, (_, k: string) => {
    const val = params[k]
    if (val === undefined) throw new Error(`missing path parameter ${k}`)
    return encodeURIComponent(val)
  })
}

/** Builds a query string from defined, non-empty values (arrays joined by commas). */
export function toQueryString(params: Record<string, unknown>): string {
  const parts: string[] = []
  for (const [k, val] of Object.entries(params)) {
    if (val === undefined || val === null || val === '') continue
    const s = Array.isArray(val) ? val.join(',') : String(val)
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(s)}`)
  }
  return parts.length ? `?${parts.join('&')}` : ''
}
