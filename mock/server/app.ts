/**
 * The HTTP mock server: a thin Fastify adapter over the features' rules. Each feature maps its
 * route table onto its rules in `features/<feature>.ts` (registered in `features/index.ts`); this
 * file holds what every feature shares:
 *
 * - sign-in (`POST /auth/login` → bearer token) and the bearer check on routes with `auth: true`;
 * - CORS for the H5 app, the JSON body parser and its limits;
 * - the error body `{ error: { code, message, fields? } }` for every failure;
 * - optionally serving the built H5 app (`npm start`).
 */
import { createHash, randomBytes } from 'node:crypto'
import path from 'node:path'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import compress from '@fastify/compress'
import cors from '@fastify/cors'
import fastifyStatic from '@fastify/static'
import { DataError, invalid, STATUS_BY_CODE, type ApiErrorBody, type DataErrorCode } from '../../src/services/core/errors'
import { CORE_ROUTES, type LoginResult } from '../../src/services/core/identity'
import type { KeyValueStore } from '../../src/services/core/kv'
import type { HeritageDataset } from '../../src/services/heritage/rules'
import { loadDataset } from './dataset'
import { SERVER_FEATURES } from './features'
import type { Handler } from './features/http'
import type { QuizServerOptions } from './features/quiz'

/** Default token lifetime, in seconds (2 hours, like a WeChat session). */
export const DEFAULT_TOKEN_TTL_SECONDS = 7200
/** Longest sign-in code accepted, in characters. */
export const LOGIN_CODE_MAX = 128
/** Largest request body accepted, in bytes. */
export const BODY_LIMIT_BYTES = 64 * 1024

/** Options of {@link buildServer}. */
export interface ServerOptions {
  /** The heritage dataset; default: `mock/data/*.json`, validated by {@link loadDataset}. Injected datasets are used as given. */
  dataset?: HeritageDataset
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

function isDataError(err: unknown): err is DataError {
  if (err instanceof DataError) return true
  const e = err as { name?: unknown; code?: unknown } | null
  return !!e && e.name === 'DataError' && typeof e.code === 'string' && e.code in STATUS_BY_CODE
}

function errorBody(code: DataErrorCode, message: string, fields?: Record<string, string>): ApiErrorBody {
  return { error: fields ? { code, message, fields } : { code, message } }
}

/**
 * `Cache-Control` of a file of the built app: a year and `immutable` for content-hashed names
 * (`name.1a2b3c4d.js`, as the H5 build writes them), `no-cache` (revalidate) for everything else.
 */
export function cacheControlFor(file: string): string {
  return /\.[0-9a-f]{8}\.(js|css|png|jpe?g|svg|webp|woff2?)$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache'
}

/** The participant id for a sign-in code: stable (same code, same participant), not reversible. */
export function participantIdForCode(code: string): string {
  return `p-${createHash('sha256').update(code, 'utf8').digest('hex').slice(0, 16)}`
}

/**
 * The server's sign-ins: bearer token → participant, each valid for `ttlSeconds`. Tokens all live
 * as long, so the Map's insertion order is expiry order: expired ones are dropped from the oldest,
 * and each sign-in stops at the first live one (amortised O(1), never a scan of every session).
 */
function createSessions(now: () => number, ttlSeconds: number) {
  const sessions = new Map<string, Session>()
  return {
    /** The signed-in participant of a request. @throws DataError `UNAUTHORIZED` without a live token */
    requireParticipant(req: FastifyRequest): string {
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
    },
    /** Signs in with `{ code }`. @throws DataError `INVALID_INPUT` (field `code`) */
    login(body: unknown): LoginResult {
      const code = body && typeof body === 'object' ? (body as Record<string, unknown>).code : undefined
      if (typeof code !== 'string' || code.length < 1 || code.length > LOGIN_CODE_MAX) {
        throw invalid('code', `登录凭证 code 应为 1–${LOGIN_CODE_MAX} 个字符`)
      }
      const t = now()
      for (const [token, old] of sessions) {
        if (t < old.expiresAt) break
        sessions.delete(token)
      }
      const token = randomBytes(24).toString('base64url')
      const participantId = participantIdForCode(code)
      sessions.set(token, { participantId, expiresAt: t + ttlSeconds * 1000 })
      return { token, expiresIn: ttlSeconds, participantId }
    }
  }
}

/**
 * JSON bodies: an empty body counts as none (wx.request sends `Content-Type: application/json`
 * even on a DELETE without data); otherwise Fastify's own parser (with prototype-poisoning guard).
 * No other body types are accepted (→ 415).
 */
function acceptJsonOnly(app: FastifyInstance): void {
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
}

/**
 * Serves the built app at `/`, compressed (brotli or gzip, as the browser accepts); hashed file
 * names never change content, so browsers keep them for a year; index.html and the service
 * worker are checked again on every load, so a new build is picked up.
 */
function serveApp(app: FastifyInstance, dir: string): void {
  void app.register(compress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 })
  void app.register(fastifyStatic, {
    root: path.resolve(dir),
    prefix: '/',
    index: ['index.html'],
    cacheControl: false,
    setHeaders: (res, file) => res.setHeader('Cache-Control', cacheControlFor(file))
  })
}

/** Every failure as the contract's `{ error: { code, message, fields? } }` (see {@link buildServer}). */
function answerErrorsAsContract(app: FastifyInstance): void {
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
}

/**
 * Builds the mock API server (not listening: call `listen({ host: '127.0.0.1', port })`, or
 * use `inject` in tests).
 *
 * Routes: sign-in and health, then every feature's route table (`features/index.ts`). Errors: a
 * `DataError` thrown by the rules → its code's status from `STATUS_BY_CODE` with
 * `{ error: { code, message, fields? } }`; an unknown route → 404 `NOT_FOUND`; a malformed JSON
 * body → 400 `INVALID_INPUT`; anything else → 500 `HTTP` with a generic Chinese message (details
 * logged when `logger` is on).
 *
 * @throws Error when no dataset (or question bank) is given and `mock/data/*.json` is missing or invalid.
 */
export function buildServer(opts: ServerOptions = {}): FastifyInstance {
  const data = opts.dataset ?? loadDataset()
  const now = opts.now ?? (() => Date.now())
  // Id sets built on first use (an injected dataset is used as given, even a broken one: requests then fail with 500).
  let ids: { sites: Set<string>; routes: Set<string> } | null = null
  const idSets = () => (ids ??= { sites: new Set(data.sites.map((s) => s.id)), routes: new Set(data.routes.map((r) => r.id)) })
  const ctx = { now, dataset: data, siteExists: (id: string) => idSets().sites.has(id), routeExists: (id: string) => idSets().routes.has(id), store: opts.store, quiz: opts.quiz }
  const sessions = createSessions(now, opts.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS)

  // Level 'warn': per-request lines (info) stay quiet; unexpected errors are logged.
  const app = Fastify({ logger: opts.logger ? { level: 'warn' } : false, bodyLimit: BODY_LIMIT_BYTES })
  acceptJsonOnly(app)
  void app.register(cors, { origin: true, methods: ['GET', 'PUT', 'POST', 'DELETE'], allowedHeaders: ['Authorization', 'Idempotency-Key', 'Content-Type'], maxAge: 600 })

  const register = (method: string, url: string, auth: boolean, handle: Handler) =>
    app.route({
      method,
      url,
      handler: async (req: FastifyRequest, reply: FastifyReply) => reply.code(200).send(handle(req, auth ? sessions.requireParticipant(req) : ''))
    })
  register(CORE_ROUTES.health.method, CORE_ROUTES.health.path, false, () => ({ ok: true }))
  register(CORE_ROUTES.login.method, CORE_ROUTES.login.path, false, (req) => sessions.login(req.body))
  for (const make of SERVER_FEATURES) {
    const feature = make(ctx)
    for (const [name, spec] of Object.entries(feature.routes)) register(spec.method, spec.path, spec.auth, feature.handlers[name])
  }

  if (opts.staticDir) serveApp(app, opts.staticDir)
  answerErrorsAsContract(app)
  return app
}
