/** Pure helpers of the round slice: a round updated with an opened item or an answer, and request matching. */
import { errorState } from '../../../shared/load-state'
import type { AnswerResult, Round, RoundItem } from '../model'
import type { PlayPhase, PlayRequest } from './types'

export function errorPhase(err: unknown, retry: 'start' | 'answer' | 'next' | 'finish', choice?: number[]): PlayPhase {
  const e = errorState(err)
  return { kind: 'error', message: e.message, code: e.code, retry, retryable: e.retryable, choice }
}

/** The round with `item` added or replaced (items kept in order); an open item becomes current. */
export function withItem(round: Round, item: RoundItem): Round {
  const items = round.items.filter((i) => i.index !== item.index)
  items.push(item)
  items.sort((a, b) => a.index - b.index)
  return { ...round, items, current: item.status === 'open' ? item.index : round.current }
}

/** The round with an answer's verdict applied (counted once: only an item that was still open adds). */
export function withResult(round: Round, result: AnswerResult): Round {
  const item = round.items.find((i) => i.index === result.index)
  if (!item) return round
  const items = round.items.map((i) => (i.index === result.index ? { ...i, status: result.timedOut ? ('timed_out' as const) : ('answered' as const), result } : i))
  const wasOpen = item.status === 'open'
  return {
    ...round,
    items,
    current: round.current === result.index ? null : round.current,
    answeredCount: round.answeredCount + (wasOpen && !result.timedOut ? 1 : 0),
    correctCount: round.correctCount + (wasOpen && result.correct ? 1 : 0),
    score: round.score + (wasOpen ? result.score : 0)
  }
}

/** Whether an open round is the one the request asks for (same mode and practice source). */
export function sameRequest(round: Round, req: PlayRequest): boolean {
  if (round.mode !== req.mode) return false
  if (req.mode !== 'practice') return true
  const p = round.practice
  if (!p) return false
  if (req.topic) return p.kind === 'topic' && p.topic === req.topic
  if (req.siteId) return p.kind === 'site' && p.siteId === req.siteId
  if (req.wrongBook) return p.kind === 'wrong_book'
  return false
}
