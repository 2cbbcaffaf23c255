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
 * - **Demo participants.** Seeded at start-up ({@link DEFAULT_DEMO}; in the index only, labelled demo).
 */
import type { FastifyRequest } from 'fastify'
import { createMemoryStore, type KeyValueStore } from '../../../src/services/core/kv'
import { invalid } from '../../../src/services/core/errors'
import { QUIZ_ROUTES, type Question } from '../../../src/services/quiz/contract'
import { createQuizRepository } from '../../../src/services/quiz/repository'
import { createQuizRules } from '../../../src/services/quiz/rules'
import { DEFAULT_DEMO, seedDemoLeaderboard } from '../../../src/services/quiz/rules/demo'
import { loadQuestions } from '../dataset'
import { intParam, isPlainObject, params, pickFields, query, serverFeature, withIdempotencyHeader, type ServerContext } from './http'

/** Options of the quiz part of the server (`buildServer({ quiz })`). */
export interface QuizServerOptions {
  /** The question bank; default `mock/data/questions.json`, checked by {@link loadQuestions}. */
  questions?: readonly Question[]
  /** Demo participants to seed on the boards at start-up, or `false` for none. Default {@link DEFAULT_DEMO}. */
  demo?: { participants: number; days: number; seed: string | number } | false
  /** The quiz clock (ms since the epoch); default: the server's `now`. It decides every time window. */
  now?: () => number
  /** The key-value store under the quiz repository (rounds, the 错题本, consent, day bests); default a fresh in-memory store. */
  store?: KeyValueStore
  /** Round ids (tests); default random. */
  newId?: () => string
}

/** Puts the path's round id into the body; a body `roundId` must be the same. */
function withRoundId(body: unknown, roundId: string): unknown {
  if (!isPlainObject(body)) return body
  if (body.roundId !== undefined && body.roundId !== roundId) throw invalid('roundId', '请求体中的答题轮次编号与地址中的不一致')
  return { ...body, roundId }
}

const START_FIELDS = ['mode', 'idempotencyKey', 'topic', 'siteId', 'wrongBook', 'count'] as const
const ANSWER_FIELDS = ['roundId', 'questionId', 'choice', 'idempotencyKey'] as const
const FINISH_FIELDS = ['roundId', 'idempotencyKey'] as const
const CONSENT_FIELDS = ['nickname', 'unit'] as const

/**
 * Creates the server's quiz rules (seeding the demo participants) and the handlers of every quiz
 * route. The rules are also returned (tests and the benchmark read them).
 * @param ctx.quiz the quiz's options; ctx.now is the clock when `ctx.quiz.now` is not given
 * @throws Error when no bank is given and `mock/data/questions.json` is missing or invalid
 */
export function quizFeature(ctx: ServerContext) {
  const opts = ctx.quiz ?? {}
  const rules = createQuizRules(createQuizRepository(opts.store ?? createMemoryStore()), {
    questions: opts.questions ?? loadQuestions(),
    now: opts.now ?? ctx.now,
    newId: opts.newId,
    siteExists: ctx.siteExists
  })
  const demo = opts.demo === undefined ? DEFAULT_DEMO : opts.demo
  if (demo) seedDemoLeaderboard(rules, demo)

  const boardQuery = (req: FastifyRequest) => {
    const q = query(req)
    return { period: params(req).period, key: q.key, limit: intParam(q.limit), neighbours: intParam(q.neighbours) }
  }

  const feature = serverFeature(QUIZ_ROUTES, {
    quizTopics: () => ({ items: rules.listTopics() }),
    quizSites: () => ({ items: rules.listPracticeSites() }),
    quizDay: (_req, pid) => rules.getDayStatus(pid),
    quizStartRound: (req, pid) => rules.startRound(pid, withIdempotencyHeader(req, pickFields(req.body, START_FIELDS))),
    quizActiveRound: (req, pid) => ({ round: rules.getActiveRound(pid, query(req).mode) }),
    quizGetRound: (req, pid) => rules.getRound(pid, params(req).id),
    quizOpenNext: (req, pid) => ({ item: rules.openNextQuestion(pid, params(req).id) }),
    quizAnswer: (req, pid) => rules.answer(pid, withRoundId(withIdempotencyHeader(req, pickFields(req.body, ANSWER_FIELDS)), params(req).id)),
    quizFinish: (req, pid) => rules.finishRound(pid, withRoundId(withIdempotencyHeader(req, pickFields(req.body, FINISH_FIELDS)), params(req).id)),
    quizRoundResult: (req, pid) => rules.getRoundResult(pid, params(req).id),
    quizMyRounds: (req, pid) => {
      const limit = query(req).limit
      return { items: rules.listRounds(pid, limit === undefined ? {} : { limit: intParam(limit) as number }) }
    },
    quizWrongBook: (_req, pid) => ({ items: rules.getWrongBook(pid) }),
    quizGetConsent: (_req, pid) => rules.getConsent(pid),
    quizAgree: (req, pid) => rules.agreeToBoards(pid, pickFields(req.body, CONSENT_FIELDS)),
    quizWithdraw: (_req, pid) => rules.withdrawFromBoards(pid),
    quizLeaderboard: (req, pid) => rules.getLeaderboard(pid, boardQuery(req)),
    quizUnitLeaderboard: (req, pid) => rules.getUnitLeaderboard(pid, boardQuery(req))
  })
  return { ...feature, rules }
}
