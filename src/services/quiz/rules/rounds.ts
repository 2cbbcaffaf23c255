/**
 * Playing a round: opening the next question (竞答: its countdown starts on the server's clock),
 * answering (scored on the server's clock, idempotent per key), finishing, and the reads of a
 * participant's rounds (one round, the round in progress, a result, the round list, the day's
 * standing). Expiry happens as rounds are read: every read settles the round at the clock first
 * (`round-state.ts`).
 */
import { DataError, invalid } from '../../core/errors'
import {
  ANSWER_GRACE_MS,
  COUNTED_ROUNDS_PER_DAY,
  JUDGE_OPTIONS,
  PRACTICE_ROUND_TTL_MS,
  QUESTION_TIME_MS,
  type AnswerResult,
  type DayStatus,
  type Question,
  type Round,
  type RoundItem,
  type RoundResult,
  type RoundSummary
} from '../contract'
import type { StoredItem, StoredRound } from '../repository'
import { run, type RulesContext } from './context'
import { close, loadRound, loadSettled, saveRound, settle } from './round-state'
import { isExactlyRight, timedScore, untimedScore } from './scoring'
import { competitionRoundsUsed } from './participants'
import { DAY_MS } from './time'
import { asObject, checkChoiceShape, checkId, checkKey, checkModeFilter, checkRoundId, checkRoundsLimit } from './validate'
import { itemView, resolved, resultOf, roundResult, roundView, summaryOf } from './views'
import { noteAnswer } from './wrong-book'

/** Opens question `next` of a timed round at `t` and saves the round. */
function openAt(ctx: RulesContext, r: StoredRound, next: number, t: number): RoundItem {
  r.items[next].openedAt = t
  r.current = next
  saveRound(ctx, r)
  return itemView(ctx.cat.byId, r, next)
}

/**
 * 竞答: opens the next question (its countdown starts now) and returns it; while the current
 * question is open and unanswered it returns that one again with its original deadline. Untimed
 * rounds: the first unanswered question. Null when no question is left.
 * @throws DataError `INVALID_INPUT`, `NOT_FOUND`, `CONFLICT` (expired round)
 */
export function openNextQuestion(ctx: RulesContext, pid: string, roundId: unknown): RoundItem | null {
  return run(ctx, () => {
    const id = checkRoundId(roundId)
    const t = ctx.now()
    const r = loadRound(ctx, pid, id)
    const changed = settle(ctx, r, t)
    const saveIfChanged = () => {
      if (changed) saveRound(ctx, r)
    }
    if (r.status === 'expired') {
      saveIfChanged()
      throw new DataError('CONFLICT', '本轮已超过作答期限，已自动结束，请查看成绩')
    }
    if (r.status === 'finished') {
      saveIfChanged()
      return null
    }
    if (!r.timed) {
      const i = r.items.findIndex((it) => !resolved(it))
      return i < 0 ? null : itemView(ctx.cat.byId, r, i)
    }
    if (r.current >= 0 && !resolved(r.items[r.current])) {
      saveIfChanged()
      return itemView(ctx.cat.byId, r, r.current)
    }
    if (r.current + 1 >= r.items.length) {
      saveIfChanged()
      return null
    }
    return openAt(ctx, r, r.current + 1, t)
  })
}

/** Refuses an answer to item `i` that the round no longer takes (after settling at `t`). @throws DataError `CONFLICT` */
function checkAnswerable(ctx: RulesContext, r: StoredRound, i: number, t: number): void {
  const it = r.items[i]
  settle(ctx, r, t) // in memory only; saved with a successful answer
  if (r.status === 'expired') throw new DataError('CONFLICT', '本轮已超过作答期限，已自动结束，答案未被接受')
  if (it.answer) throw new DataError('CONFLICT', '这道题已经作答，不能再次作答')
  if (it.timedOut) throw new DataError('CONFLICT', `本题已超过作答时间（${QUESTION_TIME_MS / 1000} 秒，另有 ${ANSWER_GRACE_MS / 1000} 秒网络宽限），答案未被接受`)
  if (r.status !== 'in_progress') throw new DataError('CONFLICT', '本轮已经结束，不能再作答')
  if (r.timed && (it.openedAt === null || i !== r.current)) throw new DataError('CONFLICT', '这道题还没有开始，请先打开这道题')
}

/** Refuses a choice out of the question's range or of the wrong arity. @throws DataError `INVALID_INPUT` (`choice`) */
function checkChoiceFits(q: Question, choice: readonly number[]): void {
  const n = q.options.length
  if (choice.some((c) => c >= n)) throw invalid('choice', `选项超出范围：这道题只有 ${n} 个选项`)
  if (q.type !== 'multiple' && choice.length !== 1) throw invalid('choice', q.type === 'judge' ? `判断题只能选“${JUDGE_OPTIONS[0]}”或“${JUDGE_OPTIONS[1]}”之一` : '单选题只能选一个选项')
}

/** Scores a choice (displayed order) for item `it` received at `t`: timed rounds by the elapsed time, untimed by correctness. */
function score(r: StoredRound, it: StoredItem, q: Question, choice: readonly number[], t: number): { correct: boolean; score: number; timeMs: number } {
  const correct = isExactlyRight(
    choice.map((c) => (it.perm ? it.perm[c] : c)),
    q.answer
  )
  if (r.timed) {
    const elapsed = t - it.openedAt!
    return { correct, score: timedScore(correct, elapsed), timeMs: Math.min(Math.max(0, elapsed), QUESTION_TIME_MS) }
  }
  const prev = Math.max(r.startedAt, ...r.items.map((x) => x.answer?.at ?? 0))
  return { correct, score: untimedScore(correct), timeMs: Math.max(0, t - prev) }
}

/**
 * Scores an answer (`{ roundId, questionId, choice, idempotencyKey }`) on the server's clock. A
 * retry with the key of an accepted answer returns the first result whatever its body says.
 * @throws DataError `INVALID_INPUT` (shape, option out of range), `NOT_FOUND` (round, question),
 *   `CONFLICT` (late, answered, expired, not yet open, key used for another question)
 */
export function answer(ctx: RulesContext, pid: string, input: unknown): AnswerResult {
  return run(ctx, () => {
    const o = asObject(input)
    const roundId = checkRoundId(o.roundId)
    const questionId = checkId(o.questionId, 'questionId', '题目编号')
    const choice = checkChoiceShape(o.choice)
    const key = checkKey(o.idempotencyKey)
    const t = ctx.now()
    const r = loadRound(ctx, pid, roundId)
    const i = r.items.findIndex((it) => it.questionId === questionId)
    if (i < 0) throw new DataError('NOT_FOUND', '本轮没有这道题')
    const it = r.items[i]
    if (it.answer && it.answer.key === key) return resultOf(ctx.cat.byId, r, i)
    if (r.items.some((x) => x.answer?.key === key)) throw new DataError('CONFLICT', '这个提交编号已用于本轮的另一道题')
    checkAnswerable(ctx, r, i, t)
    const q = ctx.cat.byId.get(questionId)!
    checkChoiceFits(q, choice)
    it.answer = { choice: choice.slice(), key, at: t, ...score(r, it, q, choice, t) }
    settle(ctx, r, t) // finishes the round when this was the last question
    saveRound(ctx, r)
    noteAnswer(ctx, pid, questionId, it.answer.correct, t)
    return resultOf(ctx.cat.byId, r, i)
  })
}

/** Whether an ended round is its participant's best of its day. */
function isBestOfDay(ctx: RulesContext, r: StoredRound): boolean {
  const rec = r.ranked ? ctx.people.read(r.pid) : null
  return !!rec && rec.best[r.dayKey]?.[3] === r.id
}

/**
 * Ends a round (`{ roundId, idempotencyKey }`) and returns its result with the full review;
 * finishing a finished round returns the same result.
 * @throws DataError `INVALID_INPUT`, `NOT_FOUND`, `CONFLICT` (the round expired before it was finished)
 */
export function finishRound(ctx: RulesContext, pid: string, input: unknown): RoundResult {
  return run(ctx, () => {
    const o = asObject(input)
    const roundId = checkRoundId(o.roundId)
    const key = checkKey(o.idempotencyKey)
    const t = ctx.now()
    const r = loadRound(ctx, pid, roundId)
    if (r.status === 'finished') return roundResult(ctx.cat.byId, r, isBestOfDay(ctx, r))
    settle(ctx, r, t)
    if (r.status === 'expired') throw new DataError('CONFLICT', '本轮已超过作答期限，已自动结束；成绩按期限前的作答计算，可在答题记录中查看')
    if (r.status === 'in_progress') close(ctx, r, 'finished', t)
    r.finishKey = key
    saveRound(ctx, r)
    return roundResult(ctx.cat.byId, r, isBestOfDay(ctx, r))
  })
}

/** A round as it stands now (the clock has run on while the app was closed). @throws DataError `INVALID_INPUT`, `NOT_FOUND` */
export function getRound(ctx: RulesContext, pid: string, roundId: unknown): Round {
  return run(ctx, () => {
    const t = ctx.now()
    return roundView(ctx.cat.byId, loadSettled(ctx, pid, checkRoundId(roundId), t), t)
  })
}

/** The participant's round in progress (of a mode, or any), newest first; null when none. @throws DataError `INVALID_INPUT` (`mode`) */
export function getActiveRound(ctx: RulesContext, pid: string, mode?: unknown): Round | null {
  return run(ctx, () => {
    const m = checkModeFilter(mode)
    const t = ctx.now()
    for (const ref of ctx.repo.listRoundRefs(pid)) {
      if (m && ref.mode !== m) continue
      if (ref.startedAt < t - PRACTICE_ROUND_TTL_MS - DAY_MS) break
      try {
        const r = loadSettled(ctx, pid, ref.id, t)
        if (r.status === 'in_progress') return roundView(ctx.cat.byId, r, t)
      } catch {
        // a dropped or unreadable round: skip
      }
    }
    return null
  })
}

/** The result and review of an ended round. @throws DataError `INVALID_INPUT`, `NOT_FOUND`, `CONFLICT` (still in progress) */
export function getRoundResult(ctx: RulesContext, pid: string, roundId: unknown): RoundResult {
  return run(ctx, () => {
    const r = loadSettled(ctx, pid, checkRoundId(roundId), ctx.now())
    if (r.status === 'in_progress') throw new DataError('CONFLICT', '本轮还在进行中')
    return roundResult(ctx.cat.byId, r, isBestOfDay(ctx, r))
  })
}

/** The participant's past rounds, newest first, at most `limit` (1–100, default 20). @throws DataError `INVALID_INPUT` (`limit`) */
export function listRounds(ctx: RulesContext, pid: string, limit: number | undefined): RoundSummary[] {
  return run(ctx, () => {
    const max = checkRoundsLimit(limit)
    const t = ctx.now()
    const out: RoundSummary[] = []
    for (const ref of ctx.repo.listRoundRefs(pid)) {
      if (out.length >= max) break
      try {
        out.push(summaryOf(loadSettled(ctx, pid, ref.id, t)))
      } catch {
        // unreadable round: skip
      }
    }
    return out
  })
}

/** The participant's 竞答 standing on a day (`YYYY-MM-DD`, already checked): rounds used, counted left, best. */
export function dayStatus(ctx: RulesContext, pid: string, day: string): DayStatus {
  const rec = ctx.people.readOrFresh(pid)
  const used = competitionRoundsUsed(rec, ctx.repo.listRoundRefs(pid), day)
  const b = rec.best[day]
  return {
    dayKey: day,
    competitionRounds: used,
    countedRoundsLeft: Math.max(0, COUNTED_ROUNDS_PER_DAY - used),
    best: b ? { roundId: b[3], score: b[0], timeMs: b[1], finishedAt: b[2] } : null,
    dailyRoundId: rec.daily[day] ?? null
  }
}
