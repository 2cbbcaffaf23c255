/**
 * The remote quiz source: the quiz routes of the HTTP API (`QUIZ_ROUTES` in `contract.ts`) over
 * the session every remote source shares ({@link createSession}: sign-in, bearer token in
 * storage, renewal, one retry on 401).
 *
 * - The server scores: requests carry choices and idempotency keys only, never a score or a time;
 *   questions arrive without their answer key.
 * - Every answer is validated against the quiz contract schemas (`contract.ts`); a body that
 *   does not match becomes `BAD_RESPONSE`.
 * - Writes (start, answer, finish) send their idempotency key in the body **and** as the
 *   `Idempotency-Key` header; a retry after a timeout never counts twice. They are never cached
 *   or queued offline: a failed write rejects (`NETWORK` / `TIMEOUT`) and the UI retries with the
 *   same key.
 * - Offline: only the two public catalogue reads (topics, practice sites) keep a last good copy
 *   (the shared offline cache, {@link createCachedReader}) and answer from it when the network fails.
 *   Round state, the 错题本 and the boards are always read live (they change with every answer,
 *   and the interface has no way to mark them stale).
 */
import * as v from 'valibot'
import { guardAsync, invalid } from '../core/errors'
import type { KeyValueStore } from '../core/kv'
import { createCachedReader, createStorageCache } from '../core/offline-cache'
import { callRoute, createSession, type SessionOptions } from '../core/session'
import { IdempotencyKeySchema, QUIZ_ROUTES as R, type LeaderboardQuery } from './contract'
import type { QuizSource } from './source'

/** Options of {@link createRemoteQuizSource}: the session's, plus the catalogue cache. */
export interface RemoteQuizSourceOptions extends SessionOptions {
  /** Last-good-copy cache of the topic and site lists; default the offline cache in Taro storage. */
  cache?: KeyValueStore
}

/**
 * A path segment must be a non-empty string (an empty one would change the route). Refused the
 * way the rules refuse it, so both sources answer alike.
 */
function segment(raw: unknown, field: string, label: string): string {
  if (typeof raw !== 'string' || !raw || raw.length > 80) {
    throw invalid(field, `${label}有误`)
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

/**
 * Creates the remote quiz source.
 * Every method rejects only with a DataError: `NETWORK`, `TIMEOUT`, `HTTP`,
 * `BAD_RESPONSE`, or the server's `NOT_FOUND` / `INVALID_INPUT` / `UNAUTHORIZED` / `CONFLICT`.
 */
export function createRemoteQuizSource(opts: RemoteQuizSourceOptions): QuizSource {
  const { request, now } = createSession(opts)
  const cachedRead = createCachedReader(request, opts.cache ?? createStorageCache(), now)
  const round = (roundId: unknown) => ({ id: segment(roundId, 'roundId', '答题轮次编号') })
  const period = (q: LeaderboardQuery) => ({ period: segment(q.period, 'period', '排行榜周期') })
  const boardQuery = (q: LeaderboardQuery) => ({ key: q.key, limit: q.limit, neighbours: q.neighbours })

  return {
    kind: 'remote',
    listTopics: async () => (await cachedRead(R.quizTopics.response, R.quizTopics.path)).data.items,
    listPracticeSites: async () => (await cachedRead(R.quizSites.response, R.quizSites.path)).data.items,
    getDayStatus: () => callRoute(request, R.quizDay),
    startRound: (input) => guardAsync(() => callRoute(request, R.quizStartRound, { body: input, idempotencyKey: headerKey(input?.idempotencyKey) })),
    getRound: (roundId) => guardAsync(async () => callRoute(request, R.quizGetRound, { params: round(roundId) })),
    getActiveRound: async (mode) => (await callRoute(request, R.quizActiveRound, { query: { mode } })).round,
    openNextQuestion: (roundId) => guardAsync(async () => (await callRoute(request, R.quizOpenNext, { params: round(roundId) })).item),
    answer: (s) =>
      guardAsync(async () =>
        callRoute(request, R.quizAnswer, {
          params: round(s.roundId),
          body: { questionId: s.questionId, choice: s.choice, idempotencyKey: s.idempotencyKey },
          idempotencyKey: headerKey(s.idempotencyKey)
        })
      ),
    finishRound: (input) =>
      guardAsync(async () =>
        callRoute(request, R.quizFinish, { params: round(input.roundId), body: { idempotencyKey: input.idempotencyKey }, idempotencyKey: headerKey(input.idempotencyKey) })
      ),
    getRoundResult: (roundId) => guardAsync(async () => callRoute(request, R.quizRoundResult, { params: round(roundId) })),
    listRounds: async (limit) => (await callRoute(request, R.quizMyRounds, { query: { limit } })).items,
    getWrongBook: async () => (await callRoute(request, R.quizWrongBook)).items,
    getConsent: () => callRoute(request, R.quizGetConsent),
    agreeToBoards: (input) => guardAsync(() => callRoute(request, R.quizAgree, { body: { nickname: input?.nickname, unit: input?.unit } })),
    withdrawFromBoards: () => callRoute(request, R.quizWithdraw),
    getLeaderboard: (q) => guardAsync(async () => callRoute(request, R.quizLeaderboard, { params: period(q), query: boardQuery(q) })),
    getUnitLeaderboard: (q) => guardAsync(async () => callRoute(request, R.quizUnitLeaderboard, { params: period(q), query: boardQuery(q) }))
  }
}
