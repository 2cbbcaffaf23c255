/**
 * The quiz's data source: the same contract discipline as {@link DataSource} (typed results,
 * every failure a DataError, mock and remote implementations over one rules module), kept as a
 * separate interface so the question bank and quiz rules load only in the quiz subpackage and
 * never grow the weapp main package. The signed-in participant is implied (mock: the local id;
 * remote: the bearer token), exactly as for DataSource.
 *
 * Remote mode never sends an answer key before the participant answers: rounds carry
 * {@link PublicQuestion}s, and the server scores each answer on its own clock.
 */
import type {
  AnswerResult, AnswerSubmission, Consent, ConsentInput, DayStatus, FinishRoundInput, LeaderboardQuery, LeaderboardView,
  QuizMode, Round, RoundItem, RoundResult, RoundSummary, SiteQuizInfo, StartRoundInput, TopicInfo, UnitLeaderboardView,
  WrongBookEntry
} from './contract'

export interface QuizSource {
  readonly kind: 'mock' | 'remote'
  /** Practice topics with their question counts. */
  listTopics(): Promise<TopicInfo[]>
  /** Heritage sites that have questions (专题练习 by site). */
  listPracticeSites(): Promise<SiteQuizInfo[]>
  /** Today's (Asia/Shanghai) 竞答 standing: counted rounds left, best, today's 每日答题 round. */
  getDayStatus(): Promise<DayStatus>
  /** Starts a round (the same idempotency key returns the same round). `INVALID_INPUT` on a bad mix of fields. */
  startRound(input: StartRoundInput): Promise<Round>
  /** A round as it stands now (resume after reopening). `NOT_FOUND` for an unknown or someone else's round. */
  getRound(roundId: string): Promise<Round>
  /** The participant's round in progress (of a mode), or null. */
  getActiveRound(mode?: QuizMode): Promise<Round | null>
  /**
   * 竞答: opens the next question on the server's clock and returns it; while a question is still
   * open, returns that one with its original deadline. Null when every question has been opened.
   */
  openNextQuestion(roundId: string): Promise<RoundItem | null>
  /** Scores one answer. `CONFLICT` when late (past 20 s + 2 s grace) or already answered; a retried key returns the first result. */
  answer(submission: AnswerSubmission): Promise<AnswerResult>
  /** Ends a round (idempotent) and returns the scored review. */
  finishRound(input: FinishRoundInput): Promise<RoundResult>
  /** The review of a finished or expired round. */
  getRoundResult(roundId: string): Promise<RoundResult>
  /** Past rounds, newest first (我的 → 答题记录). */
  listRounds(limit?: number): Promise<RoundSummary[]>
  /** The 错题本. */
  getWrongBook(): Promise<WrongBookEntry[]>
  getConsent(): Promise<Consent>
  /** Agrees to appear on the boards with this nickname and unit. `INVALID_INPUT` with `fields` on a bad name. */
  agreeToBoards(input: ConsentInput): Promise<Consent>
  /** Withdraws: the participant leaves every board. */
  withdrawFromBoards(): Promise<Consent>
  getLeaderboard(query: LeaderboardQuery): Promise<LeaderboardView>
  getUnitLeaderboard(query: LeaderboardQuery): Promise<UnitLeaderboardView>
}
