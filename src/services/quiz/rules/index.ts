/**
 * The quiz rules (党史互动竞答) that a real backend must enforce, shared by the in-process mock
 * source and the HTTP mock server: rounds, server-side scoring against the server's clock, the
 * time window, idempotent submissions, the daily attempt limit, the 错题本, consent, and the
 * leaderboards. Pure logic over an injected {@link QuizRepository} and clock; callers pass the
 * participant id they have authenticated (mock: the local id; server: from the bearer token).
 *
 * ## Modes
 * - **每日答题** (`daily`): the day's `DAILY_QUESTION_COUNT` questions, the same for everyone
 *   (seeded by the Asia/Shanghai day, see `draw.ts`; only questions with a source fit to show);
 *   untimed, options shuffled per participant (判断 keeps 正确/错误), one round per participant
 *   and day (starting again returns it); expires at the end of its day.
 * - **竞答** (`competition`): `COMPETITION_QUESTION_COUNT` questions by the mix rule (only
 *   questions with a source fit to show), options
 *   shuffled per participant and round, a `QUESTION_TIME_MS` countdown per question. The
 *   day's first `COUNTED_ROUNDS_PER_DAY` rounds are `ranked`; the 4th and later are practice
 *   (scored and reviewed, never on a board). Expires `COMPETITION_ROUND_TTL_MS` after start.
 * - **专题练习** (`practice`): by topic, by related site, or the 错题本; untimed, not ranked, options
 *   shuffled per participant and round; may include questions marked `needsSource` (shown as 待核实).
 *
 * ## Time window and the clock (竞答)
 * Questions open one at a time, when the participant asks for the next one ({@link openNextQuestion});
 * the server records the opening time. An answer is accepted when it arrives at most
 * `QUESTION_TIME_MS + ANSWER_GRACE_MS` = 22 000 ms after the opening (boundary included) and is
 * scored by `scoring.ts`; a later one is **rejected** with `CONFLICT` and the question counts as
 * timed out (0 points). The clock keeps running while the app is closed: reopening returns the same
 * open question with its original deadline (or shows it timed out), never a fresh one, and an
 * answered or timed-out question can never be answered again.
 *
 * ## Idempotency
 * Every submission carries an idempotency key. Starting a round twice with one key returns the
 * same round (one attempt used). An answer's key is unique per round: resubmitting it returns the
 * first result whatever the second body says; a different key for an already answered question
 * is refused (`CONFLICT`). Finishing a finished round returns its result again.
 *
 * ## Day, best of day, boards
 * The day is the Asia/Shanghai calendar day of the round's **start** (`time.ts`). When a
 * ranked round ends (finished, or expired and closed as it stands), it becomes the day's best if
 * it beats the previous best (score, then less time, then earlier finish). Boards: see
 * `boards.ts`. Only participants who agreed ({@link agreeToBoards}) appear; withdrawing
 * removes them from every board (their rounds are kept, and agreeing again brings them back).
 *
 * ## Bad input
 * Everything is validated before anything is written: `INVALID_INPUT` for a wrong shape or an
 * option out of range, `NOT_FOUND` for an unknown round or question (or another participant's
 * round), `CONFLICT` for a late answer, an expired or ended round, or a second answer.
 *
 * ## Where each thing is decided
 * `validate.ts` input checks; `catalog.ts` the bank's indexes; `start.ts` starting a round;
 * `rounds.ts` opening, answering, finishing and reading rounds; `round-state.ts` a round and the
 * clock (time-outs, expiry, closing); `views.ts` what the participant sees (option order, results,
 * reviews); `wrong-book.ts` the 错题本; `consent.ts` consent; `participants.ts` participant
 * records, day bests and the leaderboard index; `leaderboards.ts` board reads and imports;
 * `boards.ts` the index itself; `draw.ts`, `scoring.ts`, `time.ts`, `random.ts` the rule pieces.
 * Storage is reached only through the {@link QuizRepository} (`../repository.ts`, which also
 * says which operations are atomic).
 */
import type {
  AnswerResult,
  Consent,
  DayStatus,
  LeaderboardView,
  Question,
  Round,
  RoundItem,
  RoundResult,
  RoundSummary,
  SiteQuizInfo,
  TopicInfo,
  UnitLeaderboardView,
  WrongBookEntry
} from '../contract'
import type { QuizRepository } from '../repository'
import type { DayResult } from './boards'
import { createCatalog, dailyQuestionIds, listPracticeSites, listTopics } from './catalog'
import { agreeToBoards, getConsent, withdrawFromBoards } from './consent'
import type { RulesContext } from './context'
import { getLeaderboard, getUnitLeaderboard, importDayResult, importResults, type ImportParticipant, type ImportResult } from './leaderboards'
import { Participants } from './participants'
import { answer, dayStatus, finishRound, getActiveRound, getRound, getRoundResult, listRounds, openNextQuestion } from './rounds'
import { startRound } from './start'
import { dayKeyOf } from './time'
import { checkDayKey } from './validate'
import { wrongBookView } from './wrong-book'

export { SCORING_RULES_TEXT } from './scoring'
export { COMPETITION_MIX, DAILY_MIX } from './draw'
export type { ValidStartInput } from './validate'
export type { ImportParticipant, ImportResult } from './leaderboards'

/** Options of {@link createQuizRules}. */
export interface QuizRulesOptions {
  /** The question bank (`mock/data/questions.json`); checked at creation, a bad bank throws. */
  questions: readonly Question[]
  /** Clock in ms since the epoch (tests pass a fake). */
  now?: () => number
  /** New round ids (tests pass a counter). Default: random base-36. */
  newId?: () => string
  /** Whether a site is in the app's dataset (practice by site refuses others). Default: any site a question links. */
  siteExists?: (id: string) => boolean
}

/**
 * The quiz rules for authenticated participants. Every method that takes input validates it
 * first and throws a `DataError` (`INVALID_INPUT`, `NOT_FOUND`, `CONFLICT`) without writing
 * anything; times are ms since the epoch on the rules' clock; day keys are Asia/Shanghai
 * `YYYY-MM-DD`.
 */
export interface QuizRules {
  /** The bank's size (server diagnostics). */
  readonly questionCount: number
  /** The rules' clock, ms since the epoch (the server's time in remote mode). */
  now(): number
  /** Today's Asia/Shanghai day key, `YYYY-MM-DD`. */
  today(): string
  /** Topics with their question counts, 泉州地方党史 first. */
  listTopics(): TopicInfo[]
  /** Sites of the app's dataset that have questions, for 专题练习 by site. */
  listPracticeSites(): SiteQuizInfo[]
  /** Ids of the 每日答题 questions of a day (default today): the same for everyone. @throws `INVALID_INPUT` (`dayKey`) */
  dailyQuestionIds(dayKey?: string): string[]
  /**
   * Starts a round (see `StartRoundInput`). Same idempotency key → the same round. 每日答题: the
   * day's round if one exists. 竞答: the day's 4th+ round is unranked practice. Starting a round
   * ends this participant's other round of the same mode still in progress (the UI confirms first).
   * @throws `INVALID_INPUT`, `NOT_FOUND` (unknown topic/site), `CONFLICT` (empty 错题本)
   */
  startRound(pid: string, input: unknown): Round
  /** A round as it stands now (resume after reopening the app: the clock has run on). @throws `NOT_FOUND` */
  getRound(pid: string, roundId: unknown): Round
  /** The participant's round in progress (of a mode, or any), newest first; null when none. @throws `INVALID_INPUT` for an unknown mode */
  getActiveRound(pid: string, mode?: unknown): Round | null
  /**
   * 竞答: opens the next question (its countdown starts now, on the server's clock) and returns it;
   * while the current question is open and unanswered it returns that one again with its original
   * deadline. Untimed rounds: the first unanswered question. Null when no question is left.
   * @throws `NOT_FOUND`, `CONFLICT` (expired round)
   */
  openNextQuestion(pid: string, roundId: unknown): RoundItem | null
  /**
   * Scores an answer on the server's clock (see the file comment for the window and idempotency).
   * @throws `INVALID_INPUT` (shape, option out of range), `NOT_FOUND` (round, question), `CONFLICT` (late, answered, expired, not yet open)
   */
  answer(pid: string, input: unknown): AnswerResult
  /**
   * Ends a round and returns its result with the full review. Finishing a finished round again
   * returns the same result. @throws `NOT_FOUND`, `CONFLICT` (the round expired before it was finished)
   */
  finishRound(pid: string, input: unknown): RoundResult
  /** The result and review of an ended round. @throws `NOT_FOUND`, `CONFLICT` (still in progress) */
  getRoundResult(pid: string, roundId: unknown): RoundResult
  /** 我的 → 答题记录: the participant's past rounds, newest first (`limit` 1–100, default 20). @throws `INVALID_INPUT` (`limit`) */
  listRounds(pid: string, query?: { limit?: number }): RoundSummary[]
  /** The participant's 竞答 standing for a day (default today): rounds used, counted left, best. @throws `INVALID_INPUT` (`dayKey`) */
  getDayStatus(pid: string, dayKey?: string): DayStatus
  /** The 错题本, most recently missed first. */
  getWrongBook(pid: string): WrongBookEntry[]
  /** Whether, and as whom, the participant agreed to appear on the boards. */
  getConsent(pid: string): Consent
  /**
   * Agrees to appear on the boards as `{ nickname, unit }` (or updates them when already agreed).
   * The participant's past day bests appear at once. @throws `INVALID_INPUT` with `fields.nickname` / `fields.unit`
   */
  agreeToBoards(pid: string, input: unknown): Consent
  /** Withdraws consent: the participant leaves every board at once (their rounds are kept). */
  withdrawFromBoards(pid: string): Consent
  /**
   * An individual board (day/week/all) with the caller's own entry and neighbours.
   * `pid` null for an anonymous read. @throws `INVALID_INPUT` for a bad period, key, limit or neighbours
   */
  getLeaderboard(pid: string | null, query: unknown): LeaderboardView
  /** The unit board of a period, with the caller's unit (as agreed) even outside the top. @throws as {@link getLeaderboard} */
  getUnitLeaderboard(pid: string | null, query: unknown): UnitLeaderboardView
  /**
   * **Server side only** (seeding, imports, the benchmark; never route client input here):
   * loads participants, as agreed to appear, and their day bests as results, not answer by
   * answer. `persist: false` keeps them in the index only (demo data, re-seeded at start-up).
   * Nicknames and units are checked first; nothing is loaded when one is bad.
   * @returns how many participants and results were loaded
   * @throws `INVALID_INPUT`
   */
  importResults(participants: readonly ImportParticipant[], results: readonly ImportResult[], opts?: { persist?: boolean }): { participants: number; results: number }
  /**
   * **Server side only**: offers one counted result as a participant's best of a day, the same
   * path a finished ranked round takes (store and index). For imports and the benchmark.
   * @param roundId stored with the best; default `import`
   * @returns whether it became the day's best
   * @throws `INVALID_INPUT` (`dayKey`)
   */
  importDayResult(pid: string, dayKey: string, r: DayResult, roundId?: string): boolean
  /** Participants on the boards (agreed), for diagnostics and the benchmark. */
  boardMemberCount(): number
}

function randomRoundId(): string {
  let s = ''
  while (s.length < 12) s += Math.random().toString(36).slice(2)
  return `r-${Date.now().toString(36)}-${s.slice(0, 12)}`
}

/**
 * Creates the quiz rules over a repository.
 * @param repo where rounds, day bests, the 错题本, consent and the registry are kept
 *   (`createQuizRepository(kv)` over Taro storage or memory)
 * @throws Error when `opts.questions` is not a valid bank
 */
export function createQuizRules(repo: QuizRepository, opts: QuizRulesOptions): QuizRules {
  const cat = createCatalog(opts.questions, opts.siteExists)
  const now = opts.now ?? (() => Date.now())
  const ctx: RulesContext = { repo, cat, people: new Participants(repo), now, newId: opts.newId ?? randomRoundId }
  const dayOrToday = (dayKey?: string) => checkDayKey(dayKey ?? dayKeyOf(now()))
  return {
    questionCount: cat.bank.length,
    now: () => now(),
    today: () => dayKeyOf(now()),
    listTopics: () => listTopics(cat),
    listPracticeSites: () => listPracticeSites(cat),
    dailyQuestionIds: (dayKey) => dailyQuestionIds(cat, dayOrToday(dayKey)),
    startRound: (pid, input) => startRound(ctx, pid, input),
    getRound: (pid, roundId) => getRound(ctx, pid, roundId),
    getActiveRound: (pid, mode) => getActiveRound(ctx, pid, mode),
    openNextQuestion: (pid, roundId) => openNextQuestion(ctx, pid, roundId),
    answer: (pid, input) => answer(ctx, pid, input),
    finishRound: (pid, input) => finishRound(ctx, pid, input),
    getRoundResult: (pid, roundId) => getRoundResult(ctx, pid, roundId),
    listRounds: (pid, query = {}) => listRounds(ctx, pid, query.limit),
    getDayStatus: (pid, dayKey) => dayStatus(ctx, pid, dayOrToday(dayKey)),
    getWrongBook: (pid) => wrongBookView(ctx, pid),
    getConsent: (pid) => getConsent(ctx, pid),
    agreeToBoards: (pid, input) => agreeToBoards(ctx, pid, input),
    withdrawFromBoards: (pid) => withdrawFromBoards(ctx, pid),
    getLeaderboard: (pid, query) => getLeaderboard(ctx, pid, query),
    getUnitLeaderboard: (pid, query) => getUnitLeaderboard(ctx, pid, query),
    importResults: (participants, results, o) => importResults(ctx, participants, results, o),
    importDayResult: (pid, dayKey, r, roundId = 'import') => importDayResult(ctx, pid, dayKey, r, roundId),
    boardMemberCount: () => ctx.people.index().memberCount
  }
}
