/**
 * Starting a round: the same idempotency key returns the same round; 每日答题 returns the day's
 * round when there is one; otherwise the questions are drawn by mode (the day's set, the 竞答 mix
 * with options shuffled per participant and round, or a practice source), any other round of the
 * mode still in progress is ended, and the new round is stored first in the participant's list
 * (rounds past {@link MAX_ROUNDS_KEPT} are dropped). Every check runs before the first write.
 */
import { DataError } from '../../core/errors'
import {
  COMPETITION_ROUND_TTL_MS,
  COUNTED_ROUNDS_PER_DAY,
  MAX_ROUNDS_KEPT,
  PRACTICE_ROUND_TTL_MS,
  type PracticeSource,
  type Question,
  type QuizMode,
  type Round
} from '../contract'
import type { StoredParticipant, StoredRound, StoredRoundRef } from '../repository'
import { run, type RulesContext } from './context'
import { COMPETITION_MIX, dailyQuestions, drawByMix, drawSome, rankedPool } from './draw'
import { competitionRoundsUsed, pruneDays } from './participants'
import { createRng, permutation } from './random'
import { close, fitsBank, loadSettled, saveRound, settle } from './round-state'
import { DAY_MS, dayKeyOf, dayStartMs } from './time'
import { validateStart, type ValidStartInput } from './validate'
import { readWrongBook } from './wrong-book'
import { roundView } from './views'

/** What a new round is made of, decided before anything is written. */
interface RoundPlan {
  questions: Question[]
  /** Per question: displayed option i is the bank's option perm[i]; null = the bank's order. */
  perms: Array<number[] | null>
  ranked: boolean
  attemptNumber: number
  /** ms since the epoch. */
  expiresAt: number
}

/** Practice questions from a topic, a site or the 错题本. @throws `NOT_FOUND` (topic, site), `CONFLICT` (empty 错题本) */
function practiceQuestions(ctx: RulesContext, pid: string, src: PracticeSource, count: number, rngSeed: string): Question[] {
  const rng = createRng(rngSeed)
  if (src.kind === 'topic') {
    const list = ctx.cat.topics.get(src.topic)
    if (!list) throw new DataError('NOT_FOUND', '没有这个练习专题')
    return drawSome(list, count, rng)
  }
  if (src.kind === 'site') {
    const list = ctx.cat.bySite.get(src.siteId)
    if (!ctx.cat.siteExists(src.siteId) || !list) throw new DataError('NOT_FOUND', '这处史迹暂时没有练习题')
    return drawSome(list, count, rng)
  }
  const book = readWrongBook(ctx, pid)
  if (!book.length) throw new DataError('CONFLICT', '错题本里还没有题目')
  return drawSome(
    book.map((w) => ctx.cat.byId.get(w.questionId)!),
    count,
    rng
  )
}

/**
 * A 竞答 round's plan: the day's attempt number (the first {@link COUNTED_ROUNDS_PER_DAY} are
 * ranked), the mix avoiding the questions of the participant's other rounds that day, and the
 * options shuffled. @throws `CONFLICT` when the bank is too small
 */
function competitionPlan(ctx: RulesContext, pid: string, id: string, rec: StoredParticipant, refs: readonly StoredRoundRef[], day: string, t: number): RoundPlan {
  // 竞答 draws only questions with a source fit to show (see rankedPool).
  const bank = rankedPool(ctx.cat.bank)
  if (bank.length < COMPETITION_MIX.size) throw new DataError('CONFLICT', '题库题目不足，暂时无法开始竞答')
  const attemptNumber = competitionRoundsUsed(rec, refs, day) + 1
  const avoid = new Set<string>()
  for (const ref of refs) {
    if (ref.mode !== 'competition' || ref.dayKey !== day) continue
    ctx.repo.readRound(ref.id)?.items.forEach((it) => avoid.add(it.questionId))
  }
  const rng = createRng(`${pid}|${id}`)
  const questions = drawByMix(bank, COMPETITION_MIX, rng, avoid)
  const perms = questions.map((q) => (q.type === 'judge' ? null : permutation(q.options.length, rng)))
  return { questions, perms, ranked: attemptNumber <= COUNTED_ROUNDS_PER_DAY, attemptNumber, expiresAt: t + COMPETITION_ROUND_TTL_MS }
}

/** The plan of a new round of the requested mode. @throws as {@link practiceQuestions} and {@link competitionPlan} */
function planRound(ctx: RulesContext, pid: string, id: string, s: ValidStartInput, rec: StoredParticipant, refs: readonly StoredRoundRef[], t: number): RoundPlan {
  const day = dayKeyOf(t)
  if (s.mode === 'competition') return competitionPlan(ctx, pid, id, rec, refs, day, t)
  const questions = s.mode === 'daily' ? dailyQuestions(ctx.cat.bank, day) : practiceQuestions(ctx, pid, s.practice!, s.count, `${pid}|${id}`)
  const expiresAt = s.mode === 'daily' ? dayStartMs(day) + DAY_MS - 1 : t + PRACTICE_ROUND_TTL_MS
  return { questions, perms: optionOrders(questions, `${pid}|${id}`), ranked: false, attemptNumber: 0, expiresAt }
}

/**
 * Option order per participant and round for 每日答题 and 专题练习 (竞答 shuffles with its draw's
 * rng): a random permutation for choice questions; 判断 keeps 正确/错误.
 */
function optionOrders(questions: readonly Question[], seed: string): Array<number[] | null> {
  const rng = createRng(`${seed}|options`)
  return questions.map((q) => (q.type === 'judge' ? null : permutation(q.options.length, rng)))
}

/** The day's 每日答题 round when one was started and is still kept; null otherwise. */
function existingDaily(ctx: RulesContext, pid: string, rec: StoredParticipant, day: string, t: number): StoredRound | null {
  const id = rec.daily[day]
  if (!id) return null
  try {
    return loadSettled(ctx, pid, id, t)
  } catch (err) {
    if (!(err instanceof DataError && err.code === 'NOT_FOUND')) throw err
    return null // the day's round was dropped (too many rounds kept): start it afresh
  }
}

/** Ends the participant's recent rounds of `mode` still in progress (at `t`), settling them first. */
function endOtherRounds(ctx: RulesContext, pid: string, mode: QuizMode, refs: readonly StoredRoundRef[], t: number): void {
  for (const ref of refs) {
    if (ref.mode !== mode || ref.startedAt < t - PRACTICE_ROUND_TTL_MS - DAY_MS) continue
    const old = ctx.repo.readRound(ref.id)
    if (!old || old.pid !== pid || !fitsBank(ctx, old)) continue
    let changed = settle(ctx, old, t)
    if (old.status === 'in_progress') {
      close(ctx, old, 'finished', t)
      changed = true
    }
    if (changed) saveRound(ctx, old)
  }
}

/** The stored form of a new round. */
function newRound(pid: string, id: string, s: ValidStartInput, plan: RoundPlan, t: number): StoredRound {
  const timed = s.mode === 'competition'
  return {
    v: 1,
    id,
    pid,
    mode: s.mode,
    ranked: plan.ranked,
    attemptNumber: plan.attemptNumber,
    dayKey: dayKeyOf(t),
    startedAt: t,
    expiresAt: plan.expiresAt,
    status: 'in_progress',
    finishedAt: null,
    startKey: s.key,
    finishKey: null,
    practice: s.practice,
    timed,
    items: plan.questions.map((q, i) => ({ questionId: q.id, perm: plan.perms[i], openedAt: timed ? null : t, answer: null, timedOut: false })),
    current: -1
  }
}

/** Writes a new round: the participant's attempt count or daily id, the round, and the round list. */
function recordStart(ctx: RulesContext, round: StoredRound, refs: StoredRoundRef[]): void {
  // endOtherRounds may have updated this participant's record: continue from the stored one.
  const p = ctx.people.pendingFor(round.pid)
  if (round.mode === 'competition') p.rec.attempts[round.dayKey] = round.attemptNumber
  if (round.mode === 'daily') p.rec.daily[round.dayKey] = round.id
  pruneDays(p.rec, round.dayKey)
  saveRound(ctx, round)
  refs.unshift({ id: round.id, mode: round.mode, dayKey: round.dayKey, startKey: round.startKey, startedAt: round.startedAt })
  for (const dropped of refs.splice(MAX_ROUNDS_KEPT)) ctx.repo.removeRound(dropped.id)
  ctx.repo.saveRoundRefs(round.pid, refs)
}

/**
 * Starts a round (see `StartRoundInput`). Same idempotency key → the same round; 每日答题: the
 * day's round when one exists; 竞答: the day's 4th and later rounds are unranked practice.
 * Starting a round ends this participant's other round of the same mode still in progress.
 * @throws DataError `INVALID_INPUT`, `NOT_FOUND` (unknown topic or site), `CONFLICT` (empty 错题本, bank too small)
 */
export function startRound(ctx: RulesContext, pid: string, input: unknown): Round {
  return run(ctx, () => {
    const s = validateStart(input)
    const t = ctx.now()
    const refs = ctx.repo.listRoundRefs(pid)
    const same = refs.find((x) => x.startKey === s.key)
    if (same) return roundView(ctx.cat.byId, loadSettled(ctx, pid, same.id, t), t)
    const rec = ctx.people.readOrFresh(pid)
    const daily = s.mode === 'daily' ? existingDaily(ctx, pid, rec, dayKeyOf(t), t) : null
    if (daily) return roundView(ctx.cat.byId, daily, t)

    const id = ctx.newId()
    const plan = planRound(ctx, pid, id, s, rec, refs, t)
    // All checks passed: write. First end any other round of this mode still in progress.
    endOtherRounds(ctx, pid, s.mode, refs, t)
    const round = newRound(pid, id, s, plan, t)
    recordStart(ctx, round, refs)
    return roundView(ctx.cat.byId, round, t)
  })
}
