/**
 * A stored round and the clock: loading a participant's round, bringing it up to the clock
 * ({@link settle}: a question past its window times out, a round with every question done
 * finishes, a round past its expiry is closed as it stands), ending it ({@link close}, which
 * offers a ranked round's result as the day's best), and saving it with the participant records
 * its end changed.
 */
import { DataError } from '../../core/errors'
import { ANSWER_GRACE_MS, QUESTION_TIME_MS } from '../contract'
import type { StoredRound } from '../repository'
import type { DayResult } from './boards'
import type { RulesContext } from './context'
import { offerBest } from './participants'
import { withinWindow } from './scoring'
import { resolved, totals } from './views'
import { noteAnswer } from './wrong-book'

/** Whether every question of a stored round is in the bank with the same number of options. */
export function fitsBank(ctx: RulesContext, r: StoredRound): boolean {
  return r.items.every((it) => {
    const q = ctx.cat.byId.get(it.questionId)
    return !!q && (!it.perm || it.perm.length === q.options.length)
  })
}

/**
 * A round of this participant.
 * @throws DataError `NOT_FOUND` for an unknown round, another participant's round, a corrupt
 *   record, or a round whose questions are no longer in the bank
 */
export function loadRound(ctx: RulesContext, pid: string, roundId: string): StoredRound {
  const r = ctx.repo.readRound(roundId)
  if (!r || r.pid !== pid) throw new DataError('NOT_FOUND', '没有找到这一轮答题，它可能已过期或编号有误')
  if (!fitsBank(ctx, r)) throw new DataError('NOT_FOUND', '这一轮的题目已更新，无法继续，请开始新的一轮')
  return r
}

/**
 * Ends a round at `at` (ms since the epoch) and, when ranked, offers its result as the day's best
 * (kept pending, written by {@link saveRound}).
 */
export function close(ctx: RulesContext, r: StoredRound, status: 'finished' | 'expired', at: number): void {
  r.status = status
  r.finishedAt = at
  if (!r.ranked) return
  const p = ctx.people.pendingFor(r.pid)
  const tot = totals(r)
  const res: DayResult = { score: tot.score, timeMs: tot.time, finishedAt: at }
  if (offerBest(p.rec, r.dayKey, res, r.id)) p.bests.push([r.dayKey, res])
}

/**
 * Brings a round up to the clock `t` (ms since the epoch): an open question past its window
 * becomes timed out; a round with every question resolved finishes (at the moment the last one
 * closed); a round past its expiry is closed as it stands. Changes `r` in memory only.
 * @returns whether anything changed (the caller saves)
 */
export function settle(ctx: RulesContext, r: StoredRound, t: number): boolean {
  if (r.status !== 'in_progress') return false
  let changed = false
  if (r.timed && r.current >= 0) {
    const it = r.items[r.current]
    if (!resolved(it) && it.openedAt !== null && !withinWindow(t - it.openedAt)) {
      it.timedOut = true
      // A question left unanswered past its window counts as missed: it goes into the 错题本.
      noteAnswer(ctx, r.pid, it.questionId, false, it.openedAt + QUESTION_TIME_MS + ANSWER_GRACE_MS)
      changed = true
    }
  }
  if (r.items.every(resolved)) {
    let lastClose = 0
    for (const it of r.items) lastClose = Math.max(lastClose, it.answer ? it.answer.at : (it.openedAt ?? 0) + QUESTION_TIME_MS + ANSWER_GRACE_MS)
    close(ctx, r, 'finished', Math.min(lastClose, t))
    return true
  }
  if (t > r.expiresAt) {
    close(ctx, r, 'expired', r.expiresAt)
    return true
  }
  return changed
}

/** Saves a round, then the participant records its end changed (and their new day bests to the index). */
export function saveRound(ctx: RulesContext, r: StoredRound): void {
  ctx.repo.saveRound(r)
  ctx.people.flush()
}

/** Loads a participant's round, settles it at `t` and saves it when that changed it. @throws as {@link loadRound} */
export function loadSettled(ctx: RulesContext, pid: string, roundId: string, t: number): StoredRound {
  const r = loadRound(ctx, pid, roundId)
  if (settle(ctx, r, t)) saveRound(ctx, r)
  return r
}
