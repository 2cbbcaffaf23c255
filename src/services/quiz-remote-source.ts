/**
 * The remote quiz source: the quiz routes of the HTTP API (`contract/api.ts`, `quiz*`) over the
 * same session as the heritage remote source ({@link createSession}: sign-in, bearer token in
 * storage, renewal, one retry on 401).
 *
 * - The server scores: requests carry choices and idempotency keys only, never a score or a time;
 *   questions arrive without their answer key.
 * - Every answer is validated against the quiz contract schemas (`contract/quiz.ts`); a body that
 *   does not match becomes `BAD_RESPONSE`.
 * - Writes (start, answer, finish) send their idempotency key in the body **and** as the
 *   `Idempotency-Key` header; a retry after a timeout never counts twice. They are never cached
 *   or queued offline: a failed write rejects (`NETWORK` / `TIMEOUT`) and the UI retries with the
 *   same key.
 * - Offline: only the two public catalogue reads (topics, practice sites) keep a last good copy
 *   (the heritage cache, {@link createCachedReader}) and answer from it when the network fails.
 *   Round state, the 错题本 and the boards are always read live (they change with every answer,
 *   and the interface has no way to mark them stale).
 */
import * as v from 'valibot'
import { API, fillPath } from './contract/api'
import {
  IdempotencyKeySchema,
  AnswerResultSchema,
  ConsentSchema,
  DayStatusSchema,
  LeaderboardViewSchema,
  RoundItemSchema,
  RoundResultSchema,
  RoundSchema,
  RoundSummarySchema,
  SiteQuizInfoSchema,
  TopicInfoSchema,
  UnitLeaderboardViewSchema,
  WrongBookEntrySchema,
  type LeaderboardQuery
} from './contract/quiz'
import { DataError } from './errors'
import type { QuizSource } from './quiz-source'
import { createCachedReader, createSession, createStorageCache, type SessionOptions } from './remote-source'
import type { KeyValueStore } from './rules/store'

/** Options of {@link createRemoteQuizSource}: those of the heritage remote source's session, plus the catalogue cache. */
export interface RemoteQuizSourceOptions extends SessionOptions {
  /** Last-good-copy cache of the topic and site lists; default the heritage offline cache in Taro storage. */
  cache?: KeyValueStore
}

const items = <S extends v.GenericSchema>(schema: S) => v.object({ items: v.array(schema) })
const TopicListSchema = items(TopicInfoSchema)
const SiteListSchema = items(SiteQuizInfoSchema)
const RoundSummaryListSchema = items(RoundSummarySchema)
const WrongBookSchema = items(WrongBookEntrySchema)
const ActiveRoundSchema = v.object({ round: v.nullable(RoundSchema) })
const NextItemSchema = v.object({ item: v.nullable(RoundItemSchema) })

/**
 * A path segment must be a non-empty string (an empty one would change the route). Refused the
 * way the rules refuse it, so both sources answer alike.
 */
function segment(raw: unknown, field: string, label: string): string {
  if (typeof raw !== 'string' || !raw || raw.length > 80) {
    const message = `${label}有误`
    throw new DataError('INVALID_INPUT', message, { fields: { [field]: message } })
  }
  return raw
}

/**
 * The `Idempotency-Key` header for a key: only a well-formed key is sent as a header (a header
 * must be plain ASCII); a malformed one goes in the body alone, for the server to refuse.
 */
function headerKey(key: unknown): string | undefined {
  return v.is(IdempotencyKeySchema, key) ? key : undefined
}

/** Turns a synchronous throw (a refused path segment) into a rejection. */
function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return fn()
  } catch (err) {
    return Promise.reject(err instanceof DataError ? err : new DataError('HTTP', undefined, { cause: err }))
  }
}

/**
 * Creates the remote quiz source.
 * Every method rejects only with a {@link DataError}: `NETWORK`, `TIMEOUT`, `HTTP`,
 * `BAD_RESPONSE`, or the server's `NOT_FOUND` / `INVALID_INPUT` / `UNAUTHORIZED` / `CONFLICT`.
 */
export function createRemoteQuizSource(opts: RemoteQuizSourceOptions): QuizSource {
  const { request, now } = createSession(opts)
  const cachedRead = createCachedReader(request, opts.cache ?? createStorageCache(), now)
  const roundPath = (path: string, roundId: unknown) => fillPath(path, { id: segment(roundId, 'roundId', '答题轮次编号') })
  const boardQuery = (q: LeaderboardQuery) => ({ key: q.key, limit: q.limit, neighbours: q.neighbours })

  return {
    kind: 'remote',
    listTopics: async () => (await cachedRead(TopicListSchema, API.quizTopics.path)).data.items,
    listPracticeSites: async () => (await cachedRead(SiteListSchema, API.quizSites.path)).data.items,
    getDayStatus: () => request({ method: 'GET', path: API.quizDay.path, auth: true, schema: DayStatusSchema }),

    startRound: (input) =>
      guarded(() => request({ method: 'POST', path: API.quizStartRound.path, auth: true, body: input, idempotencyKey: headerKey(input?.idempotencyKey), schema: RoundSchema })),
    getRound: (roundId) => guarded(() => request({ method: 'GET', path: roundPath(API.quizGetRound.path, roundId), auth: true, schema: RoundSchema })),
    getActiveRound: async (mode) =>
      (await request({ method: 'GET', path: API.quizActiveRound.path, query: { mode }, auth: true, schema: ActiveRoundSchema })).round,
    openNextQuestion: (roundId) =>
      guarded(async () => (await request({ method: 'POST', path: roundPath(API.quizOpenNext.path, roundId), auth: true, schema: NextItemSchema })).item),
    answer: (s) =>
      guarded(() =>
        request({
          method: 'POST',
          path: roundPath(API.quizAnswer.path, s.roundId),
          auth: true,
          body: { questionId: s.questionId, choice: s.choice, idempotencyKey: s.idempotencyKey },
          idempotencyKey: headerKey(s.idempotencyKey),
          schema: AnswerResultSchema
        })
      ),
    finishRound: (input) =>
      guarded(() =>
        request({
          method: 'POST',
          path: roundPath(API.quizFinish.path, input.roundId),
          auth: true,
          body: { idempotencyKey: input.idempotencyKey },
          idempotencyKey: headerKey(input.idempotencyKey),
          schema: RoundResultSchema
        })
      ),
    getRoundResult: (roundId) =>
      guarded(() => request({ method: 'GET', path: roundPath(API.quizRoundResult.path, roundId), auth: true, schema: RoundResultSchema })),
    listRounds: async (limit) =>
      (await request({ method: 'GET', path: API.quizMyRounds.path, query: { limit }, auth: true, schema: RoundSummaryListSchema })).items,

    getWrongBook: async () => (await request({ method: 'GET', path: API.quizWrongBook.path, auth: true, schema: WrongBookSchema })).items,
    getConsent: () => request({ method: 'GET', path: API.quizGetConsent.path, auth: true, schema: ConsentSchema }),
    agreeToBoards: (input) =>
      guarded(() => request({ method: 'PUT', path: API.quizAgree.path, auth: true, body: { nickname: input?.nickname, unit: input?.unit }, schema: ConsentSchema })),
    withdrawFromBoards: () => request({ method: 'DELETE', path: API.quizWithdraw.path, auth: true, schema: ConsentSchema }),

    getLeaderboard: (q) =>
      guarded(() =>
        request({ method: 'GET', path: fillPath(API.quizLeaderboard.path, { period: segment(q.period, 'period', '排行榜周期') }), query: boardQuery(q), auth: true, schema: LeaderboardViewSchema })
      ),
    getUnitLeaderboard: (q) =>
      guarded(() =>
        request({ method: 'GET', path: fillPath(API.quizUnitLeaderboard.path, { period: segment(q.period, 'period', '排行榜周期') }), query: boardQuery(q), auth: true, schema: UnitLeaderboardViewSchema })
      )
  }
}
