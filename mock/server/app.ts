/**
 * The HTTP mock server: a thin Fastify adapter over the shared rules modules, serving every
 * route of the API table (`src/services/contract/api.ts`). It holds no business logic of its
 * own: queries, validation, favourites and reports are decided by `rules/heritage.ts` and
 * `rules/participant.ts`, exactly as the in-process mock source decides them.
 *
 * What the adapter itself does: sign-in (`POST /auth/login` → bearer token), the bearer check
 * on `/me/*`, `POST /reports` and the quiz's participant routes, the `Idempotency-Key` header
 * check, CORS for the H5 app, the error body `{ error: { code, message, fields? } }`, and
 * optionally serving the built H5 app.
 *
 * The quiz routes (`/quiz/*`) live in `quiz-routes.ts`: one `createQuizRules` instance per server,
 * over its own in-memory store, with demo participants seeded at start-up.
 */
import { createHash, randomBytes } from 'node:crypto'
import path from 'node:path'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import cors from '@fastify/cors'
import fastifyStatic from '@fastify/static'
import { API, type ApiRouteName } from '../../src/services/contract/api'
import type { RouteQuery } from '../../src/services/contract/heritage'
import type { LoginResult } from '../../src/services/contract/profile'
import { DataError, STATUS_BY_CODE, type ApiErrorBody, type DataErrorCode } from '../../src/services/errors'
import * as heritage from '../../src/services/rules/heritage'
import { createParticipantRules } from '../../src/services/rules/participant'
import { createMemoryStore, type KeyValueStore } from '../../src/services/rules/store'
import { loadDataset } from './dataset'
import { createQuizRoutes, type QuizRouteName, type QuizServerOptions, type RouteDef } from './quiz-routes'

/** Default token lifetime, in seconds (2 hours, like a WeChat session). */
export const DEFAULT_TOKEN_TTL_SECONDS = 7200
/** Longest sign-in code accepted, in characters. */
export const LOGIN_CODE_MAX = 128
/** Largest request body accepted, in bytes. */
export const BODY_LIMIT_BYTES = 64 * 1024

/** Options of {@link buildServer}. */
export interface ServerOptions {
  /** The heritage dataset; default: `mock/data/*.json`, validated by {@link loadDataset}. Injected datasets are used as given. */
  dataset?: heritage.HeritageDataset
  /** Where profiles, favourites and reports are kept; default: a fresh in-memory store per server. */
  store?: KeyValueStore
  /** Lifetime of a sign-in token, in seconds (default {@link DEFAULT_TOKEN_TTL_SECONDS}). */
  tokenTtlSeconds?: number
  /** Clock in ms since the epoch (token expiry, report receipts). Tests pass a fake. */
  now?: () => number
  /** When set, this directory (the built H5 app, e.g. `dist/h5`) is served at `/`; API routes take precedence. */
  staticDir?: string
  /** Log warnings and unexpected errors (pino, to stdout). Default false. */
  logger?: boolean
  /** The quiz: question bank, demo participants, clock (default: `now`), store. See {@link QuizServerOptions}. */
  quiz?: QuizServerOptions
}

/** Generic message for unexpected server failures (the details go to the log only). */
const INTERNAL_MESSAGE = '服务器出了点问题，请稍后重试'

interface Session {
  participantId: string
  /** ms since the epoch. */
  expiresAt: number
}

function invalid(field: string, message: string): DataError {
  return new DataError('INVALID_INPUT', message, { fields: { [field]: message } })
}

function isDataError(err: unknown): err is DataError {
  if (err instanceof DataError) return true
  const e = err as { name?: unknown; code?: unknown } | null
  return !!e && e.name === 'DataError' && typeof e.code === 'string' && e.code in STATUS_BY_CODE
}

function errorBody(code: DataErrorCode, message: string, fields?: Record<string, string>): ApiErrorBody {
  return { error: fields ? { code, message, fields } : { code, message } }
}

/** The participant id for a sign-in code: stable (same code, same participant), not reversible. */
export function participantIdForCode(code: string): string {
  return `p-${createHash('sha256').update(code, 'utf8').digest('hex').slice(0, 16)}`
}

/** Converts the `curated` query value (`true`/`false`) of the route list. */
function parseRouteQuery(raw: Record<string, unknown>): RouteQuery {
  const out: RouteQuery = {}
  const q = raw.q
  if (q !== undefined && q !== '') {
    if (typeof q !== 'string') throw invalid('q', '参数 q 格式有误')
    out.q = q
  }
  const curated = raw.curated
  if (curated !== undefined && curated !== '') {
    if (curated === 'true' || curated === '1') out.curated = true
    else if (curated === 'false' || curated === '0') out.curated = false
    else throw invalid('curated', '参数 curated 应为 true 或 false')
  }
  return out
}

/**
 * Builds the mock API server (not listening: call `listen({ host: '127.0.0.1', port })`, or
 * use `inject` in tests).
 *
 * Routes: every entry of `API`. Errors: a `DataError` thrown by the rules → its code's status
 * from `STATUS_BY_CODE` with `{ error: { code, message, fields? } }`; an unknown route → 404
 * `NOT_FOUND`; a malformed JSON body → 400 `INVALID_INPUT`; anything else → 500 `HTTP` with a
 * generic Chinese message (details logged when `logger` is on).
 *
 * @throws Error when no dataset (or question bank) is given and `mock/data/*.json` is missing or invalid.
 */
export function buildServer(opts: ServerOptions = {}): FastifyInstance {
  const data = opts.dataset ?? loadDataset()
  const now = opts.now ?? (() => Date.now())
  const ttlSeconds = opts.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS
  const store = opts.store ?? createMemoryStore()
  const rules = createParticipantRules(store, {
    siteExists: (id) => data.sites.some((s) => s.id === id),
    routeExists: (id) => data.routes.some((r) => r.id === id),
    now
  })
  const sessions = new Map<string, Session>()
  const quiz = createQuizRoutes(opts.quiz ?? {}, { now, siteExists: (id) => data.sites.some((s) => s.id === id) })

  const app = Fastify({
    // Level 'warn': per-request lines (info) stay quiet; unexpected errors are logged.
    logger: opts.logger ? { level: 'warn' } : false,
    bodyLimit: BODY_LIMIT_BYTES
  })

  // JSON bodies: an empty body counts as none (wx.request sends `Content-Type: application/json`
  // even on a DELETE without data); otherwise Fastify's own parser (with prototype-poisoning guard).
  // No other body types are accepted (→ 415).
  const jsonParser = app.getDefaultJsonParser('error', 'error')
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8')
    if (text.trim() === '') {
      done(null, undefined)
      return
    }
    jsonParser(req, text, done)
  })

  void app.register(cors, {
    origin: true,
    methods: ['GET', 'PUT', 'POST', 'DELETE'],
    allowedHeaders: ['Authorization', 'Idempotency-Key', 'Content-Type'],
    maxAge: 600
  })

  function requireParticipant(req: FastifyRequest): string {
    const header = req.headers.authorization
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header.trim()) : null
    if (!match) throw new DataError('UNAUTHORIZED', '请先登录')
    const session = sessions.get(match[1])
    if (!session) throw new DataError('UNAUTHORIZED', '登录已失效，请重新登录')
    if (now() >= session.expiresAt) {
      sessions.delete(match[1])
      throw new DataError('UNAUTHORIZED', '登录已过期，请重新登录')
    }
    return session.participantId
  }

  function login(body: unknown): LoginResult {
    const code = body && typeof body === 'object' ? (body as Record<string, unknown>).code : undefined
    if (typeof code !== 'string' || code.length < 1 || code.length > LOGIN_CODE_MAX) {
      throw invalid('code', `登录凭证 code 应为 1–${LOGIN_CODE_MAX} 个字符`)
    }
    const t = now()
    for (const [token, s] of sessions) if (t >= s.expiresAt) sessions.delete(token)
    const token = randomBytes(24).toString('base64url')
    const participantId = participantIdForCode(code)
    sessions.set(token, { participantId, expiresAt: t + ttlSeconds * 1000 })
    return { token, expiresIn: ttlSeconds, participantId }
  }

  const params = (req: FastifyRequest) => req.params as Record<string, string>
  const query = (req: FastifyRequest) => (req.query ?? {}) as Record<string, unknown>

  // One handler per API table entry; the Record types make a missing one a compile error.
  const heritageRoutes: Record<Exclude<ApiRouteName, QuizRouteName>, RouteDef> = {
    health: { handle: () => ({ ok: true }) },
    login: { handle: (req) => login(req.body) },
    listSites: { handle: (req) => heritage.listSites(data, query(req)) },
    getSite: { handle: (req) => heritage.getSite(data, params(req).id) },
    listRoutes: { handle: (req) => heritage.listRoutes(data, parseRouteQuery(query(req))) },
    getRoute: { handle: (req) => heritage.getRoute(data, params(req).id) },
    getProfile: { auth: true, handle: (_req, pid) => rules.getProfile(pid) },
    saveProfile: { auth: true, handle: (req, pid) => rules.saveProfile(pid, req.body) },
    listFavourites: { auth: true, handle: (_req, pid) => ({ siteIds: rules.listFavourites(pid) }) },
    favourite: { auth: true, handle: (req, pid) => ({ siteIds: rules.setFavourite(pid, params(req).siteId, true) }) },
    unfavourite: { auth: true, handle: (req, pid) => ({ siteIds: rules.setFavourite(pid, params(req).siteId, false) }) },
    submitReport: {
      auth: true,
      handle: (req, pid) => {
        const header = req.headers['idempotency-key']
        let body = req.body
        if (typeof header === 'string' && header !== '' && body && typeof body === 'object') {
          const key = (body as Record<string, unknown>).key
          if (key === undefined) body = { ...(body as object), key: header }
          else if (key !== header) throw invalid('key', '请求头 Idempotency-Key 与提交编号 key 不一致')
        }
        return rules.submitReport(pid, body)
      }
    }
  }
  const routes: Record<ApiRouteName, RouteDef> = { ...heritageRoutes, ...quiz.routes }

  for (const name of Object.keys(API) as ApiRouteName[]) {
    const { method, path: url } = API[name]
    const def = routes[name]
    app.route({
      method,
      url,
      handler: async (req: FastifyRequest, reply: FastifyReply) => {
        const pid = def.auth ? requireParticipant(req) : ''
        const result = def.handle(req, pid)
        return reply.code(200).send(result)
      }
    })
  }

  if (opts.staticDir) {
    void app.register(fastifyStatic, { root: path.resolve(opts.staticDir), prefix: '/', index: ['index.html'] })
  }

  app.setNotFoundHandler((req, reply) => {
    const pathOnly = req.url.split('?')[0]
    void reply.code(404).send(errorBody('NOT_FOUND', `没有找到：${req.method} ${pathOnly}`))
  })

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    if (isDataError(err)) {
      return reply.code(STATUS_BY_CODE[err.code]).send(errorBody(err.code, err.message, err.fields))
    }
    if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err instanceof SyntaxError) {
      return reply.code(400).send(errorBody('INVALID_INPUT', '请求内容不是有效的 JSON'))
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send(errorBody('INVALID_INPUT', '提交的内容太大'))
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.code(415).send(errorBody('INVALID_INPUT', '请以 JSON 格式提交（Content-Type: application/json）'))
    }
    const status = err.statusCode
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return reply.code(status).send(errorBody('INVALID_INPUT', '请求有误，请检查后重试'))
    }
    req.log.error({ err }, 'unexpected error')
    return reply.code(500).send(errorBody('HTTP', INTERNAL_MESSAGE))
  })

  return app
}
