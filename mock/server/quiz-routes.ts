/**
 * The quiz routes of the HTTP mock server: thin adapters over ONE `createQuizRules` instance per
 * server (rounds, scoring on the server's clock, the 错题本, consent, the boards). Every decision
 * is the rules module's, exactly as in the in-process mock quiz source; this file only maps HTTP
 * to rule calls.
 *
 * What the adapter itself does:
 * - **Bodies are whitelisted.** Each write copies only its contract fields into the rules input
 *   (start: mode, idempotencyKey, topic, siteId, wrongBook, count; answer: questionId, choice,
 *   idempotencyKey; finish: idempotencyKey; consent: nickname, unit). Anything else a client
 *   sends (a `score`, a `timeMs`, an `answeredAt`, a `participantId`) is **ignored**: it never
 *   reaches the rules, so the server's clock and scoring cannot be overridden. (Ignored rather
 *   than refused so that an older or newer client with extra fields still works.)
 * - **Round id from the path.** A body `roundId` is optional and must equal the path's (400 otherwise).
 * - **Idempotency-Key header.** Copied into `idempotencyKey` when the body has none; a body key
 *   that differs from the header is refused (400 `INVALID_INPUT`, field `idempotencyKey`).
 * - **Query numbers.** `limit` and `neighbours` are converted from decimal digits to numbers;
 *   anything else is passed on as text, which the rules refuse with `INVALID_INPUT` naming the field.
 * - **Demo participants.** Seeded at start-up ({@link DEFAULT_QUIZ_DEMO}; in the index only, labelled demo).
 */
import type { FastifyRequest } from 'fastify'
import type { ApiRouteName } from '../../src/services/contract/api'
import type { Question } from '../../src/services/contract/quiz'
import { DataError } from '../../src/services/errors'
import { createQuizRules, type QuizRules } from '../../src/services/rules/quiz'
import { seedDemoLeaderboard } from '../../src/services/rules/quiz-demo'
import { createMemoryStore, type KeyValueStore } from '../../src/services/rules/store'
import { loadQuestions } from './dataset'

/** Demo participants seeded at start-up unless `demo: false`: 60 participants over the last 7 days. */
export const DEFAULT_QUIZ_DEMO = { participants: 60, days: 7, seed: 'demo' } as const

/** Options of the quiz part of the server (`buildServer({ quiz })`). */
export interface QuizServerOptions {
  /** The question bank; default `mock/data/questions.json`, checked by {@link loadQuestions}. */
  questions?: readonly Question[]
  /** Demo participants to seed on the boards at start-up, or `false` for none. Default {@link DEFAULT_QUIZ_DEMO}. */
  demo?: { participants: number; days: number; seed: string | number } | false
  /** The quiz clock (ms since the epoch); default: the server's `now`. It decides every time window. */
  now?: () => number
  /** Where rounds, the 错题本, consent and day bests are kept; default a fresh in-memory store. */
  store?: KeyValueStore
  /** Round ids (tests); default random. */
  newId?: () => string
}

/** A route handler; `pid` is the signed-in participant for routes with `auth: true`, else ''. */
export interface RouteDef {
  auth?: boolean
  handle(req: FastifyRequest, pid: string): unknown
}

/** The API table's quiz routes. */
export type QuizRouteName = Extract<ApiRouteName, `quiz${string}`>

function invalid(field: string, message: string): DataError {
  return new DataError('INVALID_INPUT', message, { fields: { [field]: message } })
}

const isPlainObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x)

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

/** Fills `idempotencyKey` from the `Idempotency-Key` header; refuses a body key that differs from it. */
export function withIdempotencyHeader(req: FastifyRequest, body: unknown): unknown {
  const header = req.headers['idempotency-key']
  if (typeof header !== 'string' || header === '' || !isPlainObject(body)) return body
  if (body.idempotencyKey === undefined) return { ...body, idempotencyKey: header }
  if (body.idempotencyKey !== header) throw invalid('idempotencyKey', '请求头 Idempotency-Key 与提交编号 idempotencyKey 不一致')
  return body
}

/** Puts the path's round id into the body; a body `roundId` must be the same. */
function withRoundId(body: unknown, roundId: string): unknown {
  if (!isPlainObject(body)) return body
  if (body.roundId !== undefined && body.roundId !== roundId) throw invalid('roundId', '请求体中的答题轮次编号与地址中的不一致')
  return { ...body, roundId }
}

/** A query value of decimal digits as a number; anything else unchanged (the rules check it). */
function intParam(raw: unknown): unknown {
  return typeof raw === 'string' && /^-?\d{1,9}$/.test(raw) ? Number(raw) : raw
}

const START_FIELDS = ['mode', 'idempotencyKey', 'topic', 'siteId', 'wrongBook', 'count'] as const
const ANSWER_FIELDS = ['roundId', 'questionId', 'choice', 'idempotencyKey'] as const
const FINISH_FIELDS = ['roundId', 'idempotencyKey'] as const
const CONSENT_FIELDS = ['nickname', 'unit'] as const

/**
 * Creates the server's quiz rules (seeding the demo participants) and the handlers of every quiz
 * route of the API table.
 * @param ctx.now the server's clock, used when `opts.now` is not given
 * @param ctx.siteExists whether a site is in the server's dataset (practice by site)
 * @throws Error when no bank is given and `mock/data/questions.json` is missing or invalid
 */
export function createQuizRoutes(
  opts: QuizServerOptions,
  ctx: { now: () => number; siteExists: (id: string) => boolean }
): { rules: QuizRules; routes: Record<QuizRouteName, RouteDef> } {
  const rules = createQuizRules(opts.store ?? createMemoryStore(), {
    questions: opts.questions ?? loadQuestions(),
    now: opts.now ?? ctx.now,
    newId: opts.newId,
    siteExists: ctx.siteExists
  })
  const demo = opts.demo === undefined ? DEFAULT_QUIZ_DEMO : opts.demo
  if (demo) seedDemoLeaderboard(rules, demo)

  const params = (req: FastifyRequest) => req.params as Record<string, string>
  const query = (req: FastifyRequest) => (req.query ?? {}) as Record<string, unknown>
  const boardQuery = (req: FastifyRequest) => {
    const q = query(req)
    return { period: params(req).period, key: q.key, limit: intParam(q.limit), neighbours: intParam(q.neighbours) }
  }

  const routes: Record<QuizRouteName, RouteDef> = {
    quizTopics: { handle: () => ({ items: rules.listTopics() }) },
    quizSites: { handle: () => ({ items: rules.listPracticeSites() }) },
    quizDay: { auth: true, handle: (_req, pid) => rules.getDayStatus(pid) },
    quizStartRound: {
      auth: true,
      handle: (req, pid) => rules.startRound(pid, withIdempotencyHeader(req, pickFields(req.body, START_FIELDS)))
    },
    quizActiveRound: { auth: true, handle: (req, pid) => ({ round: rules.getActiveRound(pid, query(req).mode) }) },
    quizGetRound: { auth: true, handle: (req, pid) => rules.getRound(pid, params(req).id) },
    quizOpenNext: { auth: true, handle: (req, pid) => ({ item: rules.openNextQuestion(pid, params(req).id) }) },
    quizAnswer: {
      auth: true,
      handle: (req, pid) => rules.answer(pid, withRoundId(withIdempotencyHeader(req, pickFields(req.body, ANSWER_FIELDS)), params(req).id))
    },
    quizFinish: {
      auth: true,
      handle: (req, pid) => rules.finishRound(pid, withRoundId(withIdempotencyHeader(req, pickFields(req.body, FINISH_FIELDS)), params(req).id))
    },
    quizRoundResult: { auth: true, handle: (req, pid) => rules.getRoundResult(pid, params(req).id) },
    quizMyRounds: {
      auth: true,
      handle: (req, pid) => {
        const limit = query(req).limit
        return { items: rules.listRounds(pid, limit === undefined ? {} : { limit: intParam(limit) as number }) }
      }
    },
    quizWrongBook: { auth: true, handle: (_req, pid) => ({ items: rules.getWrongBook(pid) }) },
    quizGetConsent: { auth: true, handle: (_req, pid) => rules.getConsent(pid) },
    quizAgree: { auth: true, handle: (req, pid) => rules.agreeToBoards(pid, pickFields(req.body, CONSENT_FIELDS)) },
    quizWithdraw: { auth: true, handle: (_req, pid) => rules.withdrawFromBoards(pid) },
    quizLeaderboard: { auth: true, handle: (req, pid) => rules.getLeaderboard(pid, boardQuery(req)) },
    quizUnitLeaderboard: { auth: true, handle: (req, pid) => rules.getUnitLeaderboard(pid, boardQuery(req)) }
  }
  return { rules, routes }
}
