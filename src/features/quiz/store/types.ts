/** The quiz store's state, one interface per slice (round, catalogue, boards); the store is their union. */
import type { LoadOptions } from '../../../shared/loader'
import type { LoadState } from '../../../shared/load-state'
import type { AnswerResult, BoardPeriod, Consent, DayStatus, LeaderboardView, QuizMode, Round, RoundResult, RoundSummary, SiteQuizInfo, TopicInfo, UnitLeaderboardView, WrongBookEntry } from '../model'

/** What the play page shows. */
export type PlayPhase =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'question'; index: number }
  | { kind: 'submitting'; index: number; choice: number[] }
  | { kind: 'waiting'; index: number }
  | { kind: 'feedback'; index: number; result: AnswerResult }
  | { kind: 'finishing' }
  | { kind: 'finished'; roundId: string }
  | { kind: 'error'; message: string; code: string; retry: 'start' | 'answer' | 'next' | 'finish'; retryable: boolean; choice?: number[] }

/** What to play: a mode and, for practice, one of topic / site / wrong book; or a round to resume. */
export interface PlayRequest {
  mode: QuizMode
  topic?: string
  siteId?: string
  wrongBook?: boolean
  roundId?: string
}

/** Playing a round (store/round.ts). */
export interface RoundSlice {
  request: PlayRequest | null
  round: Round | null
  /** Server clock minus device clock, ms (to align the countdown with the server's deadline). */
  clockOffset: number
  phase: PlayPhase
  /** Idempotency keys kept for retries (and across launches): starting, each question's answer, finishing. */
  startKey: string | null
  answerKeys: Record<string, string>
  finishKey: string | null

  /** Starts the requested round, or resumes the one in progress (its clock has run on). */
  startPlay(req: PlayRequest): Promise<void>
  /** The play page's link names no valid way to play: show `message` (nothing to retry). */
  rejectRequest(message: string): void
  /** Sends the participant's choice (indexes in the shown order) for the current question. */
  submitAnswer(choice: number[]): Promise<void>
  /** The countdown reached zero with no answer: wait for the server to close the window, then reveal. */
  timeUp(): Promise<void>
  /** From the feedback to the next question (or the end). */
  next(): Promise<void>
  /** Retries whatever failed last (the same idempotency keys, so nothing counts twice). */
  retry(): Promise<void>
  /** Finishes the round and loads its review. */
  finish(): Promise<void>
  /** Leaves the play page; the round stays open on the server and can be resumed. */
  leave(): void
}

/** Lists and reviews around the rounds (store/catalogue.ts). */
export interface CatalogueSlice {
  dayStatus: LoadState<DayStatus>
  topics: LoadState<TopicInfo[]>
  practiceSites: LoadState<SiteQuizInfo[]>
  wrongBook: LoadState<WrongBookEntry[]>
  rounds: LoadState<RoundSummary[]>
  results: Record<string, LoadState<RoundResult>>

  loadDayStatus(opts?: LoadOptions): Promise<void>
  loadPracticeOptions(): Promise<void>
  loadWrongBook(opts?: LoadOptions): Promise<void>
  /** The 错题本 page is shown again: drop the shown list (it may have changed) and load it. */
  reloadWrongBook(): Promise<void>
  loadRounds(opts?: LoadOptions): Promise<void>
  /** The 答题记录 page is shown again: drop the shown list and load it. */
  reloadRounds(): Promise<void>
  loadResult(roundId: string): Promise<void>
}

/** Leaderboards and the consent to appear on them (store/boards.ts). */
export interface BoardsSlice {
  consent: LoadState<Consent>
  boards: Record<string, LoadState<LeaderboardView>>
  unitBoards: Record<string, LoadState<UnitLeaderboardView>>

  loadConsent(opts?: LoadOptions): Promise<void>
  /** Loads a board; `refresh` (pull-down) keeps the shown board and rejects on failure. */
  loadBoard(period: BoardPeriod, kind: 'people' | 'units', opts?: LoadOptions): Promise<void>
  /** Agrees to appear on boards; rejects with the DataError (field messages) on a bad name. */
  agree(nickname: string, unit: string): Promise<Consent>
  withdraw(): Promise<Consent>
}

export type QuizState = RoundSlice & CatalogueSlice & BoardsSlice
