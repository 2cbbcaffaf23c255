/**
 * What the participant sees of a stored round: the round as it stands, one question (its options
 * in the participant's shuffled order), an answer's result, the end-of-round result with the
 * review, and the short summary of the round list. Pure functions of a stored round and the bank;
 * none reads or writes storage.
 *
 * **Option order.** A stored item's `perm` maps displayed option i to the bank's option perm[i]
 * (null: the bank's order). Choices are stored and returned in the displayed order; the right
 * answer is translated into it by {@link correctChoiceOf}.
 */
import {
  ANSWER_GRACE_MS,
  QUESTION_TIME_MS,
  type AnswerResult,
  type PublicQuestion,
  type Question,
  type ReviewItem,
  type Round,
  type RoundItem,
  type RoundItemStatus,
  type RoundResult,
  type RoundSummary
} from '../contract'
import type { StoredItem, StoredRound } from '../repository'
import { BASE_SCORE, MAX_QUESTION_SCORE } from './scoring'

/** Questions by id (the catalog's index); every id of a loaded round is in it. */
export type QuestionsById = ReadonlyMap<string, Question>

/** Whether a question is done with: answered or timed out. */
export const resolved = (it: StoredItem): boolean => !!it.answer || it.timedOut

/** Time counted for a question, ms: the answer's, the full countdown when timed out (timed rounds), else 0. */
export const itemTime = (r: StoredRound, it: StoredItem): number => (it.answer ? it.answer.timeMs : it.timedOut && r.timed ? QUESTION_TIME_MS : 0)

/** A round's totals: points, right answers, time (ms) and questions answered. */
export function totals(r: StoredRound): { score: number; correct: number; time: number; answered: number } {
  let score = 0
  let correct = 0
  let time = 0
  let answered = 0
  for (const it of r.items) {
    if (it.answer) {
      answered++
      score += it.answer.score
      if (it.answer.correct) correct++
    }
    time += itemTime(r, it)
  }
  return { score, correct, time, answered }
}

/** A question without its answer, options in the displayed order. */
export function publicQuestion(q: Question, perm: number[] | null): PublicQuestion {
  return {
    id: q.id,
    type: q.type,
    text: q.text,
    options: perm ? perm.map((i) => q.options[i]) : q.options.slice(),
    topic: q.topic,
    difficulty: q.difficulty
  }
}

/** The right answer as displayed option indexes, ascending. */
export function correctChoiceOf(q: Question, perm: number[] | null): number[] {
  if (!perm) return q.answer.slice()
  const want = new Set(q.answer)
  const out: number[] = []
  perm.forEach((orig, shown) => {
    if (want.has(orig)) out.push(shown)
  })
  return out
}

/** The result of question `i` of a round (also for an unanswered one: no choice, 0 points). */
export function resultOf(byId: QuestionsById, r: StoredRound, i: number): AnswerResult {
  const it = r.items[i]
  const q = byId.get(it.questionId)!
  return {
    roundId: r.id,
    questionId: q.id,
    index: i,
    choice: it.answer ? it.answer.choice.slice() : null,
    correct: !!it.answer?.correct,
    correctChoice: correctChoiceOf(q, it.perm),
    explanation: q.explanation,
    sources: q.citations.filter((c) => c.showable).map((c) => c.url),
    citations: q.citations.flatMap((c) => (c.showable && c.label ? [{ label: c.label, link: c.link }] : [])),
    relatedSiteId: q.relatedSiteId,
    score: it.answer?.score ?? 0,
    timeMs: itemTime(r, it),
    timedOut: it.timedOut,
    answeredAt: it.answer?.at ?? null
  }
}

/** A question's status in the round: answered, timed out, open (round in progress) or unanswered. */
export function itemStatus(r: StoredRound, it: StoredItem): RoundItemStatus {
  if (it.answer) return 'answered'
  if (it.timedOut) return 'timed_out'
  return r.status === 'in_progress' ? 'open' : 'unanswered'
}

/** Question `i` as shown: the question, its opening and deadline (timed rounds), and its result once closed. */
export function itemView(byId: QuestionsById, r: StoredRound, i: number): RoundItem {
  const it = r.items[i]
  const status = itemStatus(r, it)
  return {
    index: i,
    question: publicQuestion(byId.get(it.questionId)!, it.perm),
    openedAt: it.openedAt,
    deadlineAt: r.timed && it.openedAt !== null ? it.openedAt + QUESTION_TIME_MS : null,
    status,
    result: status === 'open' ? null : resultOf(byId, r, i)
  }
}

/**
 * A round as it stands at `t` (ms since the epoch, returned as `serverNow`). A timed round in
 * progress shows only the questions opened so far.
 */
export function roundView(byId: QuestionsById, r: StoredRound, t: number): Round {
  const tot = totals(r)
  const visible = r.items.map((it, i) => ({ it, i })).filter(({ it }) => r.status !== 'in_progress' || !r.timed || it.openedAt !== null)
  const cur = r.timed && r.status === 'in_progress' && r.current >= 0 && !resolved(r.items[r.current]) ? r.current : null
  return {
    id: r.id,
    mode: r.mode,
    ranked: r.ranked,
    attemptNumber: r.attemptNumber,
    participantId: r.pid,
    dayKey: r.dayKey,
    status: r.status,
    startedAt: r.startedAt,
    expiresAt: r.expiresAt,
    finishedAt: r.finishedAt,
    timed: r.timed,
    questionTimeMs: r.timed ? QUESTION_TIME_MS : null,
    graceMs: r.timed ? ANSWER_GRACE_MS : 0,
    practice: r.practice,
    total: r.items.length,
    answeredCount: tot.answered,
    correctCount: tot.correct,
    score: tot.score,
    current: cur,
    items: visible.map(({ i }) => itemView(byId, r, i)),
    serverNow: t
  }
}

/**
 * An ended round's result with the full review.
 * @param bestOfDay whether this round is its participant's best of its day
 */
export function roundResult(byId: QuestionsById, r: StoredRound, bestOfDay: boolean): RoundResult {
  const tot = totals(r)
  const review: ReviewItem[] = r.items.map((it, i) => ({
    index: i,
    question: publicQuestion(byId.get(it.questionId)!, it.perm),
    status: itemStatus(r, it),
    result: resultOf(byId, r, i)
  }))
  return {
    roundId: r.id,
    mode: r.mode,
    ranked: r.ranked,
    attemptNumber: r.attemptNumber,
    dayKey: r.dayKey,
    status: r.status === 'expired' ? 'expired' : 'finished',
    score: tot.score,
    maxScore: r.items.length * (r.timed ? MAX_QUESTION_SCORE : BASE_SCORE),
    correctCount: tot.correct,
    total: r.items.length,
    timeMs: tot.time,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt ?? r.startedAt,
    bestOfDay,
    practice: r.practice,
    review
  }
}

/** A round's line in the round list (我的 → 答题记录). */
export function summaryOf(r: StoredRound): RoundSummary {
  const tot = totals(r)
  return {
    id: r.id,
    mode: r.mode,
    ranked: r.ranked,
    attemptNumber: r.attemptNumber,
    dayKey: r.dayKey,
    status: r.status,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    score: tot.score,
    correctCount: tot.correct,
    total: r.items.length,
    timeMs: tot.time,
    practice: r.practice
  }
}
