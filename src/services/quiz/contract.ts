/**
 * The quiz part of the data contract (党史互动竞答): the question bank, rounds (每日答题, 竞答,
 * 专题练习), answers and their results, past rounds, the wrong-answer book (错题本), consent to
 * appear on boards, and the leaderboards.
 *
 * Every shape is a valibot schema; the TypeScript types are inferred from the schemas so the
 * validator at the boundary and the type the UI sees can never drift apart.
 *
 * Units, everywhere in this file: times are **milliseconds since the epoch** (`…At`), durations are
 * **milliseconds** (`…Ms`); calendar days are Asia/Shanghai days written `YYYY-MM-DD`; weeks are
 * ISO weeks (Monday to Sunday) of the Asia/Shanghai date, written `YYYY-Www`.
 *
 * What the client may see: in remote mode the client receives {@link PublicQuestion}s (no answer,
 * no explanation, options already shuffled for that participant and round). The answer key, the
 * explanation and the related site come back only in an {@link AnswerResult}, after the server has
 * scored the answer. The full {@link Question} never leaves the server.
 *
 * Data origin: `mock/data/questions.json`, built by `mock/scripts/build-questions.ts` from
 * `mock/content/quanzhou-quiz-facts.json` and `mock/content/party-history-quiz.json`.
 * The rules behind these shapes live in `services/quiz/rules/`.
 */
import * as v from 'valibot'
import { API_PREFIX, defineRoutes } from '../core/routes'
import { SOURCE_KINDS } from '../core/sources'

// ---------------------------------------------------------------------------------------------
// Constants shared by the client (countdown, rules page) and the server (scoring, windows)
// ---------------------------------------------------------------------------------------------

export * from './constants'
import { DIFFICULTIES, JUDGE_OPTIONS, PRACTICE_MAX_COUNT, QUESTION_TYPES, QUIZ_MODES } from './constants'

const nonEmpty = v.pipe(v.string(), v.minLength(1))
const url = v.pipe(v.string(), v.url())
const index = v.pipe(v.number(), v.integer(), v.minValue(0))
const ms = v.pipe(v.number(), v.integer(), v.minValue(0))
const count = v.pipe(v.number(), v.integer(), v.minValue(0))
/** Asia/Shanghai calendar day, `YYYY-MM-DD`. */
export const DayKeySchema = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))
/** Idempotency key a client attaches to every submission: 8–64 characters of `[A-Za-z0-9_-]`. */
export const IdempotencyKeySchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/))
/** Stable question id: `q-` and the first 10 hex digits of the SHA-1 of the normalised question text. */
export const QuestionIdSchema = v.pipe(v.string(), v.regex(/^q-[0-9a-f]{10}$/))

// ---------------------------------------------------------------------------------------------
// Questions
// ---------------------------------------------------------------------------------------------

/**
 * A question's source as recorded: kind of page, publisher (Chinese name, or null), grade, whether
 * it may be shown, and how (the same rules as a heritage site's sources; see mock/data/README.md).
 */
export const CitationSchema = v.object({
  url,
  kind: v.picklist(SOURCE_KINDS),
  publisher: v.nullable(nonEmpty),
  tier: v.picklist(['A', 'B', 'C']),
  showable: v.boolean(),
  /** e.g. 新华网 · 官方或主流媒体, 闽南网（转载）; null exactly when not showable. */
  label: v.nullable(nonEmpty),
  /** The best page to open (the original where known); null when only an unrelated copy exists. */
  link: v.nullable(url)
})
export type Citation = v.InferOutput<typeof CitationSchema>

/** A source as shown after answering: its label and the page to open (if any). */
export const ShownCitationSchema = v.object({ label: nonEmpty, link: v.nullable(url) })
export type ShownCitation = v.InferOutput<typeof ShownCitationSchema>

/** The fields of a full question (see {@link QuestionSchema} for the cross-field checks). */
export const QuestionObjectSchema = v.object({
  id: QuestionIdSchema,
  type: v.picklist(QUESTION_TYPES),
  /** The question as asked. */
  text: nonEmpty,
  /** 2–6 options; a judge question has exactly {@link JUDGE_OPTIONS}. */
  options: v.pipe(v.array(nonEmpty), v.minLength(2), v.maxLength(6)),
  /** Indexes into `options` of the right answer(s), ascending: one for single/judge, two or more for multiple. */
  answer: v.pipe(v.array(index), v.minLength(1)),
  /** Why the answer is right, in our own words (shown after answering). */
  explanation: v.string(),
  topic: nonEmpty,
  /** `source`: the reference file states the topic; `collection`: the file is a single-topic collection (泉州地方党史). */
  topicBasis: v.picklist(['source', 'collection']),
  difficulty: v.picklist(DIFFICULTIES),
  /** `source`: the reference states it; `default`: none was stated and the documented default (2) is used. */
  difficultyBasis: v.picklist(['source', 'default']),
  /** URLs the question and its answer can be checked against; at least one (shown or not: see `citations`). */
  sources: v.pipe(v.array(url), v.minLength(1)),
  /** One record per source URL: who published it, its grade, and whether (and how) it may be shown. */
  citations: v.array(CitationSchema),
  /** True when no source is fit to show: left out of 每日答题 and 竞答; practice shows it as 待核实. */
  needsSource: v.boolean(),
  /** A site of the app's dataset the question is about (linked after answering), or null. */
  relatedSiteId: v.nullable(nonEmpty),
  /** The reference's related-site id, kept even when the site is not in the app's dataset. */
  relatedSiteRef: v.nullable(nonEmpty),
  /** Where the question came from: `file#index` (0-based) per reference record merged into it. */
  origin: v.pipe(v.array(nonEmpty), v.minLength(1))
})

function answerFits(q: v.InferOutput<typeof QuestionObjectSchema>): boolean {
  if (!q.answer.every((i) => i < q.options.length)) return false
  if (new Set(q.answer).size !== q.answer.length) return false
  if (q.type === 'multiple') return q.answer.length >= 2
  if (q.type === 'judge' && (q.options.length !== 2 || q.options[0] !== JUDGE_OPTIONS[0] || q.options[1] !== JUDGE_OPTIONS[1])) return false
  return q.answer.length === 1
}

/** A full question with its answer key: server side and the in-process mock only. */
export const QuestionSchema = v.pipe(
  QuestionObjectSchema,
  v.check(answerFits, '答案不在选项之中，或与题型不符')
)
export type Question = v.InferOutput<typeof QuestionSchema>

/**
 * A question as the participant sees it before answering: no answer, no explanation, no related
 * site, and `options` already in the order shown to this participant in this round (answers are
 * submitted as indexes into this order).
 */
export const PublicQuestionSchema = v.object({
  id: QuestionIdSchema,
  type: v.picklist(QUESTION_TYPES),
  text: nonEmpty,
  options: v.pipe(v.array(nonEmpty), v.minLength(2)),
  topic: nonEmpty,
  difficulty: v.picklist(DIFFICULTIES)
})
export type PublicQuestion = v.InferOutput<typeof PublicQuestionSchema>

/** A practice topic and how many questions it has. */
export const TopicInfoSchema = v.object({ topic: nonEmpty, count: count, local: v.boolean() })
export type TopicInfo = v.InferOutput<typeof TopicInfoSchema>
/** A heritage site that has questions, for 专题练习 by site. */
export const SiteQuizInfoSchema = v.object({ siteId: nonEmpty, count: count })
export type SiteQuizInfo = v.InferOutput<typeof SiteQuizInfoSchema>

// ---------------------------------------------------------------------------------------------
// Rounds and answers
// ---------------------------------------------------------------------------------------------

/** What a 专题练习 round practises: a topic, a site's questions, the 错题本, or (for a 竞答 4th+ round) nothing. */
export const PracticeSourceSchema = v.variant('kind', [
  v.object({ kind: v.literal('topic'), topic: nonEmpty }),
  v.object({ kind: v.literal('site'), siteId: nonEmpty }),
  v.object({ kind: v.literal('wrong_book') })
])
export type PracticeSource = v.InferOutput<typeof PracticeSourceSchema>

/**
 * Starting a round. `idempotencyKey`: starting twice with the same key returns the same round
 * (and uses one of the day's counted rounds once). A 每日答题 round is one per participant and
 * day: starting it again returns that day's round.
 * For `practice`, give exactly one of `topic`, `siteId`, `wrongBook: true`; `count` defaults to
 * {@link PRACTICE_DEFAULT_COUNT}, at most {@link PRACTICE_MAX_COUNT}.
 */
export const StartRoundInputSchema = v.object({
  mode: v.picklist(QUIZ_MODES),
  idempotencyKey: IdempotencyKeySchema,
  topic: v.optional(nonEmpty),
  siteId: v.optional(nonEmpty),
  wrongBook: v.optional(v.boolean()),
  count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(PRACTICE_MAX_COUNT)))
})
export type StartRoundInput = v.InferOutput<typeof StartRoundInputSchema>

/**
 * One answer. `choice` holds indexes into the options **in the shuffled order the participant saw**
 * ({@link PublicQuestion.options}); one index for single/judge, one or more for multiple.
 * `idempotencyKey` is unique per round: resubmitting it (a retry after a timeout) returns the first
 * result and never counts twice.
 */
export const AnswerSubmissionSchema = v.object({
  roundId: nonEmpty,
  questionId: QuestionIdSchema,
  choice: v.pipe(v.array(index), v.minLength(1)),
  idempotencyKey: IdempotencyKeySchema
})
export type AnswerSubmission = v.InferOutput<typeof AnswerSubmissionSchema>

/** Finishing a round; retrying it returns the same result. */
export const FinishRoundInputSchema = v.object({ roundId: nonEmpty, idempotencyKey: IdempotencyKeySchema })
export type FinishRoundInput = v.InferOutput<typeof FinishRoundInputSchema>

/**
 * The server's verdict on one question, revealed once it is answered (or has timed out, or the
 * round has ended). Indexes are in the participant's shuffled order.
 */
export const AnswerResultSchema = v.object({
  roundId: nonEmpty,
  questionId: QuestionIdSchema,
  /** Position of the question in the round, 0-based. */
  index: index,
  /** What the participant chose (shuffled order); null when not answered. */
  choice: v.nullable(v.array(index)),
  /** Only when exactly right (multiple choice: every right option and no other). */
  correct: v.boolean(),
  /** The right option indexes, in the participant's shuffled order, ascending. */
  correctChoice: v.array(index),
  explanation: v.string(),
  /** URLs of the sources fit to show (empty for a question marked 待核实). */
  sources: v.array(url),
  /** The sources fit to show, by label; empty when none is (the UI then says so). */
  citations: v.array(ShownCitationSchema),
  /** A site of the app's dataset to link to, or null. */
  relatedSiteId: v.nullable(nonEmpty),
  /** Points for this question (see the scoring rule in `rules/quiz-scoring.ts`). */
  score: count,
  /** Server-measured time from the question's opening to the answer, in ms, capped at {@link QUESTION_TIME_MS} (timed rounds); time since the previous answer (untimed). */
  timeMs: ms,
  /** True when the question's window passed with no accepted answer. */
  timedOut: v.boolean(),
  /** Server time the answer was accepted (ms since the epoch); null when not answered. */
  answeredAt: v.nullable(ms)
})
export type AnswerResult = v.InferOutput<typeof AnswerResultSchema>

/** Item state: not yet opened (timed rounds), open, answered, timed out, or left unanswered when the round ended. */
export const RoundItemStatusSchema = v.picklist(['open', 'answered', 'timed_out', 'unanswered'])
export type RoundItemStatus = v.InferOutput<typeof RoundItemStatusSchema>

/**
 * One question of a round as the participant may see it now. In a timed (竞答) round only questions
 * already opened are listed; a question opens when the participant asks for the next one, and its
 * clock keeps running if the app is closed.
 */
export const RoundItemSchema = v.object({
  index: index,
  question: PublicQuestionSchema,
  /** When the server opened it (ms since the epoch). */
  openedAt: v.nullable(ms),
  /** End of the visible countdown (`openedAt + QUESTION_TIME_MS`); null in untimed rounds. The server accepts answers until `deadlineAt + ANSWER_GRACE_MS`. */
  deadlineAt: v.nullable(ms),
  status: RoundItemStatusSchema,
  /** Present once answered or timed out. */
  result: v.nullable(AnswerResultSchema)
})
export type RoundItem = v.InferOutput<typeof RoundItemSchema>

export const RoundStatusSchema = v.picklist(['in_progress', 'finished', 'expired'])
export type RoundStatus = v.InferOutput<typeof RoundStatusSchema>

/** A round as the participant sees it (start, resume after reopening the app, after each answer). */
export const RoundSchema = v.object({
  id: nonEmpty,
  mode: v.picklist(QUIZ_MODES),
  /** Whether the round can count for the boards (the day's first 3 竞答 rounds). */
  ranked: v.boolean(),
  /** For 竞答: which of the day's 竞答 rounds this is (1-based); 0 for other modes. */
  attemptNumber: count,
  participantId: nonEmpty,
  /** The Asia/Shanghai day the round was started on; its best-of-day counts for this day. */
  dayKey: DayKeySchema,
  status: RoundStatusSchema,
  startedAt: ms,
  /** After this the round takes no more answers and is closed as it stands. */
  expiresAt: ms,
  finishedAt: v.nullable(ms),
  /** Whether questions have a countdown (竞答 only). */
  timed: v.boolean(),
  /** {@link QUESTION_TIME_MS} for timed rounds, else null. */
  questionTimeMs: v.nullable(ms),
  /** {@link ANSWER_GRACE_MS} for timed rounds, else 0. */
  graceMs: ms,
  practice: v.nullable(PracticeSourceSchema),
  /** Questions in the round. */
  total: count,
  answeredCount: count,
  correctCount: count,
  /** Points so far. */
  score: count,
  /** The open question's index in a timed round, or null. */
  current: v.nullable(index),
  items: v.array(RoundItemSchema),
  /** The server's clock when this view was made (ms since the epoch), to align the client's countdown. */
  serverNow: ms
})
export type Round = v.InferOutput<typeof RoundSchema>

/** One reviewed question after a round. */
export const ReviewItemSchema = v.object({
  index: index,
  question: PublicQuestionSchema,
  status: RoundItemStatusSchema,
  result: AnswerResultSchema
})
export type ReviewItem = v.InferOutput<typeof ReviewItemSchema>

/** A finished (or expired) round: score, correct count, time used, and every question reviewed. */
export const RoundResultSchema = v.object({
  roundId: nonEmpty,
  mode: v.picklist(QUIZ_MODES),
  ranked: v.boolean(),
  attemptNumber: count,
  dayKey: DayKeySchema,
  status: v.picklist(['finished', 'expired']),
  score: count,
  /** Highest possible score of this round. */
  maxScore: count,
  correctCount: count,
  total: count,
  /** Sum of the questions' time, in ms (timed: each capped at the 20 s window; unanswered, unopened: 0; timed out: 20 000). */
  timeMs: ms,
  startedAt: ms,
  finishedAt: ms,
  /** Whether this round is now the participant's best of its day on the boards. */
  bestOfDay: v.boolean(),
  practice: v.nullable(PracticeSourceSchema),
  review: v.array(ReviewItemSchema)
})
export type RoundResult = v.InferOutput<typeof RoundResultSchema>

/** A line of 我的 → 答题记录. */
export const RoundSummarySchema = v.object({
  id: nonEmpty,
  mode: v.picklist(QUIZ_MODES),
  ranked: v.boolean(),
  attemptNumber: count,
  dayKey: DayKeySchema,
  status: RoundStatusSchema,
  startedAt: ms,
  finishedAt: v.nullable(ms),
  score: count,
  correctCount: count,
  total: count,
  timeMs: ms,
  practice: v.nullable(PracticeSourceSchema)
})
export type RoundSummary = v.InferOutput<typeof RoundSummarySchema>

/** The participant's 竞答 standing for one day. */
export const DayStatusSchema = v.object({
  dayKey: DayKeySchema,
  /** 竞答 rounds started today (counted and practice). */
  competitionRounds: count,
  /** Counted rounds left today (0–3); when 0, further 竞答 rounds are practice. */
  countedRoundsLeft: count,
  /** The day's best counted round, or null. */
  best: v.nullable(v.object({ roundId: nonEmpty, score: count, timeMs: ms, finishedAt: ms })),
  /** Today's 每日答题 round, if started. */
  dailyRoundId: v.nullable(nonEmpty)
})
export type DayStatus = v.InferOutput<typeof DayStatusSchema>

// ---------------------------------------------------------------------------------------------
// 错题本 and consent
// ---------------------------------------------------------------------------------------------

/** A question in the wrong-answer book. It leaves after {@link WRONG_BOOK_RIGHTS_TO_LEAVE} right answers since the last wrong one. */
export const WrongBookEntrySchema = v.object({
  questionId: QuestionIdSchema,
  /** In the bank's own option order. */
  question: PublicQuestionSchema,
  relatedSiteId: v.nullable(nonEmpty),
  addedAt: ms,
  lastWrongAt: ms,
  wrongCount: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** Right answers since the last wrong one (0 or 1 while in the book). */
  rightCount: count
})
export type WrongBookEntry = v.InferOutput<typeof WrongBookEntrySchema>

/** Agreement to show the nickname and unit on the boards; withdrawing removes the participant from every board. */
export const ConsentSchema = v.object({
  agreed: v.boolean(),
  /** The nickname shown on the boards ('' when not agreed). */
  nickname: v.string(),
  /** The work unit (单位/支部/学校) shown; '' for none (then not on the unit board). */
  unit: v.string(),
  agreedAt: v.nullable(ms)
})
export type Consent = v.InferOutput<typeof ConsentSchema>

/** What the participant agrees to show: nickname (required, ≤ 20 characters) and unit (optional, ≤ 40). */
export interface ConsentInput {
  nickname: string
  unit?: string
}

// ---------------------------------------------------------------------------------------------
// Leaderboards
// ---------------------------------------------------------------------------------------------

/** Board periods: an Asia/Shanghai day, an ISO week (Mon–Sun) of Asia/Shanghai dates, or all time. */
export const BOARD_PERIODS = ['day', 'week', 'all'] as const
export type BoardPeriod = (typeof BOARD_PERIODS)[number]
export const BOARD_PERIOD_LABELS: Record<BoardPeriod, string> = { day: '日榜', week: '周榜', all: '总榜' }

/**
 * A leaderboard read. `key` picks the day (`YYYY-MM-DD`) or week (`YYYY-Www`); the current one
 * when absent. `limit` ≤ {@link LEADERBOARD_MAX_LIMIT} (default 100), `neighbours` ≤ 10 (default 2).
 */
export interface LeaderboardQuery {
  period: BoardPeriod
  key?: string
  limit?: number
  neighbours?: number
}

/**
 * One participant on a board. Order: `score` descending, then `timeMs` ascending, then
 * `finishedAt` ascending (then an internal id, so ranks are distinct positions).
 */
export const LeaderboardEntrySchema = v.object({
  /** 1-based position. */
  rank: v.pipe(v.number(), v.integer(), v.minValue(1)),
  nickname: nonEmpty,
  unit: v.string(),
  /** Day: the day's best round; week/all: sum of the daily bests in the period. */
  score: count,
  /** Time used by the counted round(s), in ms (summed like the score). */
  timeMs: ms,
  /** When the (last) counted round finished, ms since the epoch. */
  finishedAt: ms,
  /** Days with a counted round in the period. */
  days: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** Synthetic demo participant (演示数据), not a real person. */
  demo: v.boolean(),
  isMe: v.boolean()
})
export type LeaderboardEntry = v.InferOutput<typeof LeaderboardEntrySchema>

export const LeaderboardViewSchema = v.object({
  period: v.picklist(BOARD_PERIODS),
  /** `YYYY-MM-DD`, `YYYY-Www` or `all`. */
  periodKey: nonEmpty,
  /** Participants on the board. */
  total: count,
  /** The top N. */
  entries: v.array(LeaderboardEntrySchema),
  /** The participant's own entry, even outside the top N; null when not on the board. */
  me: v.nullable(LeaderboardEntrySchema),
  /** The entries just above and just below `me` (nearest first is last for `above`: ranks ascending in both). */
  neighbours: v.object({ above: v.array(LeaderboardEntrySchema), below: v.array(LeaderboardEntrySchema) }),
  /** Whether the participant has agreed to appear on the boards. */
  consented: v.boolean(),
  generatedAt: ms
})
export type LeaderboardView = v.InferOutput<typeof LeaderboardViewSchema>

/**
 * A work unit on the unit board. Order: `meanScore` descending (mean of its members' scores in the
 * period, each member's score being what the individual board shows), then `participantCount`
 * descending, then `lastFinishedAt` ascending (then the unit name).
 */
export const UnitBoardEntrySchema = v.object({
  rank: v.pipe(v.number(), v.integer(), v.minValue(1)),
  unit: nonEmpty,
  /** Mean score of the unit's members on the board (not rounded; the UI shows one decimal). */
  meanScore: v.pipe(v.number(), v.minValue(0)),
  participantCount: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** The latest finish among the members' counted rounds, ms since the epoch. */
  lastFinishedAt: ms,
  /** Every member is a synthetic demo participant. */
  demo: v.boolean(),
  isMine: v.boolean()
})
export type UnitBoardEntry = v.InferOutput<typeof UnitBoardEntrySchema>

export const UnitLeaderboardViewSchema = v.object({
  period: v.picklist(BOARD_PERIODS),
  periodKey: nonEmpty,
  total: count,
  entries: v.array(UnitBoardEntrySchema),
  /** The participant's own unit, even outside the top N; null when it is not on the board. */
  mine: v.nullable(UnitBoardEntrySchema),
  neighbours: v.object({ above: v.array(UnitBoardEntrySchema), below: v.array(UnitBoardEntrySchema) }),
  generatedAt: ms
})
export type UnitLeaderboardView = v.InferOutput<typeof UnitLeaderboardViewSchema>

// ---------------------------------------------------------------------------------------------
// The quiz routes of the HTTP API
// ---------------------------------------------------------------------------------------------

const items = <S extends v.GenericSchema>(schema: S) => v.object({ items: v.array(schema) })

/**
 * The quiz routes. The server's clock is authoritative: bodies carry choices and idempotency keys
 * only; any other field (a score, a time) is ignored. Writes take the key in the body
 * (`idempotencyKey`) and/or the `Idempotency-Key` header: the header fills a missing body key, a
 * mismatch is 400.
 */
export const QUIZ_ROUTES = defineRoutes({
  /** GET → `{ items: TopicInfo[] }`. Public. */
  quizTopics: { method: 'GET', path: `${API_PREFIX}/quiz/topics`, auth: false, idempotent: false, response: items(TopicInfoSchema) },
  /** GET → `{ items: SiteQuizInfo[] }` (sites that have questions). Public. */
  quizSites: { method: 'GET', path: `${API_PREFIX}/quiz/sites`, auth: false, idempotent: false, response: items(SiteQuizInfoSchema) },
  /** GET → DayStatus of today (Asia/Shanghai, server clock). */
  quizDay: { method: 'GET', path: `${API_PREFIX}/quiz/day`, auth: true, idempotent: false, response: DayStatusSchema },
  /** POST StartRoundInput (Idempotency-Key) → Round. */
  quizStartRound: { method: 'POST', path: `${API_PREFIX}/quiz/rounds`, auth: true, idempotent: true, response: RoundSchema, body: StartRoundInputSchema },
  /** GET ?mode → `{ round: Round | null }`: the round in progress. */
  quizActiveRound: { method: 'GET', path: `${API_PREFIX}/quiz/rounds/active`, auth: true, idempotent: false, response: v.object({ round: v.nullable(RoundSchema) }) },
  /** GET → Round as it stands now; 404 for an unknown or another participant's round. */
  quizGetRound: { method: 'GET', path: `${API_PREFIX}/quiz/rounds/:id`, auth: true, idempotent: false, response: RoundSchema },
  /** POST (no body) → `{ item: RoundItem | null }`: opens the next question on the server's clock (or returns the open one). */
  quizOpenNext: { method: 'POST', path: `${API_PREFIX}/quiz/rounds/:id/next`, auth: true, idempotent: false, response: v.object({ item: v.nullable(RoundItemSchema) }) },
  /** POST `{ questionId, choice, idempotencyKey }` (Idempotency-Key) → AnswerResult; 409 when late or already answered. */
  quizAnswer: { method: 'POST', path: `${API_PREFIX}/quiz/rounds/:id/answers`, auth: true, idempotent: true, response: AnswerResultSchema, body: AnswerSubmissionSchema },
  /** POST `{ idempotencyKey }` (Idempotency-Key) → RoundResult; finishing again returns the same result. */
  quizFinish: { method: 'POST', path: `${API_PREFIX}/quiz/rounds/:id/finish`, auth: true, idempotent: true, response: RoundResultSchema, body: FinishRoundInputSchema },
  /** GET → RoundResult of an ended round; 409 while in progress. */
  quizRoundResult: { method: 'GET', path: `${API_PREFIX}/quiz/rounds/:id/result`, auth: true, idempotent: false, response: RoundResultSchema },
  /** GET ?limit → `{ items: RoundSummary[] }`, newest first. */
  quizMyRounds: { method: 'GET', path: `${API_PREFIX}/quiz/me/rounds`, auth: true, idempotent: false, response: items(RoundSummarySchema) },
  /** GET → `{ items: WrongBookEntry[] }` (the 错题本). */
  quizWrongBook: { method: 'GET', path: `${API_PREFIX}/quiz/me/wrong-book`, auth: true, idempotent: false, response: items(WrongBookEntrySchema) },
  /** GET → Consent. */
  quizGetConsent: { method: 'GET', path: `${API_PREFIX}/quiz/me/consent`, auth: true, idempotent: false, response: ConsentSchema },
  /** PUT `{ nickname, unit }` → Consent; 400 INVALID_INPUT with fields. */
  quizAgree: { method: 'PUT', path: `${API_PREFIX}/quiz/me/consent`, auth: true, idempotent: false, response: ConsentSchema },
  /** DELETE → Consent (withdrawn: off every board). */
  quizWithdraw: { method: 'DELETE', path: `${API_PREFIX}/quiz/me/consent`, auth: true, idempotent: false, response: ConsentSchema },
  /** GET ?key&limit&neighbours → LeaderboardView; `:period` is day, week or all. */
  quizLeaderboard: { method: 'GET', path: `${API_PREFIX}/quiz/leaderboards/:period`, auth: true, idempotent: false, response: LeaderboardViewSchema },
  /** GET ?key&limit&neighbours → UnitLeaderboardView. */
  quizUnitLeaderboard: { method: 'GET', path: `${API_PREFIX}/quiz/leaderboards/:period/units`, auth: true, idempotent: false, response: UnitLeaderboardViewSchema }
})
