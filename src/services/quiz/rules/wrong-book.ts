/**
 * The 错题本: a question answered wrong goes in (or back to the top, its right-answer count reset);
 * it leaves after {@link WRONG_BOOK_RIGHTS_TO_LEAVE} right answers since its last wrong one.
 * Kept most recently missed first, at most one entry per bank question.
 */
import { WRONG_BOOK_RIGHTS_TO_LEAVE, type WrongBookEntry } from '../contract'
import type { StoredWrong } from '../repository'
import type { RulesContext } from './context'
import { publicQuestion } from './views'

/** The participant's 错题本 entries whose questions are still in the bank. */
export function readWrongBook(ctx: RulesContext, pid: string): StoredWrong[] {
  return ctx.repo.readWrongBook(pid).filter((w) => ctx.cat.byId.has(w.questionId))
}

/** Records an accepted answer (at `t`, ms since the epoch) in the participant's 错题本. */
export function noteAnswer(ctx: RulesContext, pid: string, questionId: string, correct: boolean, t: number): void {
  const book = readWrongBook(ctx, pid)
  const i = book.findIndex((w) => w.questionId === questionId)
  if (correct) {
    if (i < 0) return
    book[i].rightCount++
    if (book[i].rightCount >= WRONG_BOOK_RIGHTS_TO_LEAVE) book.splice(i, 1)
  } else if (i < 0) {
    book.unshift({ questionId, addedAt: t, lastWrongAt: t, wrongCount: 1, rightCount: 0 })
  } else {
    const w = book.splice(i, 1)[0]
    book.unshift({ ...w, lastWrongAt: t, wrongCount: w.wrongCount + 1, rightCount: 0 })
  }
  ctx.repo.saveWrongBook(pid, book)
}

/** The 错题本 as shown: each entry with its question (bank order of options) and related site. */
export function wrongBookView(ctx: RulesContext, pid: string): WrongBookEntry[] {
  return readWrongBook(ctx, pid).map((w) => {
    const q = ctx.cat.byId.get(w.questionId)!
    return { ...w, question: publicQuestion(q, null), relatedSiteId: q.relatedSiteId }
  })
}
