/**
 * Quiz feature types and labels: the contract's shapes, plus the rules text for the 规则 page
 * (the same text the rules module documents; source: rules/quiz-scoring.ts).
 */
export type {
  AnswerResult, BoardPeriod, Consent, DayStatus, LeaderboardEntry, LeaderboardView, PublicQuestion, QuizMode, Round, RoundItem,
  RoundResult, RoundSummary, SiteQuizInfo, TopicInfo, UnitBoardEntry, UnitLeaderboardView, WrongBookEntry
} from '../../services/quiz/contract'
export {
  ANSWER_GRACE_MS, BOARD_PERIOD_LABELS, BOARD_PERIODS, COMPETITION_QUESTION_COUNT, COUNTED_ROUNDS_PER_DAY, DAILY_QUESTION_COUNT,
  QUESTION_TIME_MS, QUESTION_TYPE_LABELS, QUIZ_MODE_LABELS
} from '../../services/quiz/contract'
export { SCORING_RULES_TEXT } from '../../services/quiz/rules/scoring'

import { QUESTION_TIME_MS as TIME_MS, type PracticeSource } from '../../services/quiz/contract'

/** Option letters shown before each option: A, B, C… */
export const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const

/** A short Chinese label for what a practice round practises. */
export function practiceLabel(p: PracticeSource | null, siteName?: (id: string) => string | undefined): string {
  if (!p) return ''
  if (p.kind === 'topic') return `专题：${p.topic}`
  if (p.kind === 'site') {
    const name = siteName?.(p.siteId)
    return name ? `史迹：${name}` : '按史迹练习'
  }
  return '错题本练习'
}

/**
 * Seconds (rounded up) left until `deadlineAt`, given the offset between server and device clocks;
 * never more than a question's whole time (20), whatever the offset's error.
 */
export function secondsLeft(deadlineAt: number, clockOffsetMs: number, deviceNow: number): number {
  const left = Math.ceil((deadlineAt - (deviceNow + clockOffsetMs)) / 1000)
  return Math.min(TIME_MS / 1000, Math.max(0, left))
}

/**
 * Server clock minus device clock, in ms, from one request: `serverTime` is a time the server took
 * while handling it, `sentAt`/`receivedAt` the device clock just before sending and just after the
 * answer came back. The server's moment lies somewhere in between, so it is taken as the midpoint
 * (the usual NTP estimate): the time spent sending, waiting and processing the answer is split
 * evenly instead of being counted as offset. `notBefore` (e.g. a question's `openedAt`) is a
 * server time that had certainly passed when the answer arrived, which bounds the estimate.
 */
export function clockOffsetFrom(serverTime: number, sentAt: number, receivedAt: number, notBefore?: number | null): number {
  const mid = sentAt + Math.max(0, receivedAt - sentAt) / 2
  let offset = serverTime - mid
  if (notBefore != null) offset = Math.max(offset, notBefore - receivedAt)
  return Math.round(offset)
}

/** Time used, in ms, as 3 分 05 秒 / 45.2 秒. */
export function formatTimeUsed(ms: number): string {
  const tenths = Math.round(Math.max(0, ms) / 100)
  if (tenths < 600) return `${(tenths / 10).toFixed(1)} 秒`
  const whole = Math.round(ms / 1000)
  const m = Math.floor(whole / 60)
  return `${m} 分 ${String(whole % 60).padStart(2, '0')} 秒`
}
export { NICKNAME_MAX, UNIT_MAX } from '../../services/core/display-text'
