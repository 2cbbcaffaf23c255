/**
 * The quiz's scoring rule, the time window, and the same rules in Chinese for the UI's rules page.
 *
 * **竞答 (timed) score of one question**, with `t` the server-measured milliseconds from the
 * question's opening to the answer's arrival:
 *
 * ```
 * correct:  score = 100 + round(100 × max(0, 20 000 − t) / 20 000)     (100 … 200)
 * wrong, or no answer within the window:  score = 0
 * ```
 *
 * i.e. 100 points for a right answer plus up to 100 for speed, one point per 0.2 s left on the
 * 20 s countdown (`round` is half-up). An answer arriving in the 2 s grace after the countdown
 * (20 000 < t ≤ 22 000 ms) is accepted and scores 100 if right; one arriving later (t > 22 000) is
 * rejected. A round of 20 questions scores 0 … 4 000.
 *
 * **每日答题 and 专题练习 (untimed)**: 100 points per right answer, 0 otherwise.
 *
 * **Right** means exactly right: for multiple choice the chosen set equals the answer set (all the
 * right options and no other); single choice and true/false have one right option.
 */
import { ANSWER_GRACE_MS, COMPETITION_QUESTION_COUNT, COUNTED_ROUNDS_PER_DAY, DAILY_QUESTION_COUNT, QUESTION_TIME_MS, WRONG_BOOK_RIGHTS_TO_LEAVE } from '../contract'

/** Points for a right answer before the speed bonus, and for a right answer in untimed modes. */
export const BASE_SCORE = 100
/** Most speed bonus (an instant right answer). */
export const MAX_SPEED_BONUS = 100
/** Best possible score of one timed question. */
export const MAX_QUESTION_SCORE = BASE_SCORE + MAX_SPEED_BONUS

/** Whether the chosen option indexes are exactly the answer's (order and duplicates ignored; duplicates are refused earlier). */
export function isExactlyRight(chosen: readonly number[], answer: readonly number[]): boolean {
  if (chosen.length !== answer.length) return false
  const want = new Set(answer)
  return chosen.every((i) => want.has(i)) && new Set(chosen).size === chosen.length
}

/**
 * Score of one 竞答 question: `correct ? 100 + round(100 × max(0, 20000 − elapsedMs) / 20000) : 0`.
 * @param elapsedMs server time from the question's opening to the answer, in ms (negative is taken as 0)
 */
export function timedScore(correct: boolean, elapsedMs: number): number {
  if (!correct) return 0
  const left = Math.max(0, QUESTION_TIME_MS - Math.max(0, elapsedMs))
  return BASE_SCORE + Math.round((MAX_SPEED_BONUS * left) / QUESTION_TIME_MS)
}

/** Score of one untimed question (每日答题, 专题练习): 100 when right, else 0. */
export function untimedScore(correct: boolean): number {
  return correct ? BASE_SCORE : 0
}

/**
 * Whether an answer arriving `elapsedMs` after its question opened is inside the window:
 * the 20 s countdown plus the 2 s grace, boundary included (22 000 ms accepted, 22 001 refused).
 */
export function withinWindow(elapsedMs: number): boolean {
  return elapsedMs <= QUESTION_TIME_MS + ANSWER_GRACE_MS
}

/** The scoring and ranking rules in Chinese, one paragraph per line, for the UI's rules page (竞答规则). */
export const SCORING_RULES_TEXT: readonly string[] = [
  `竞答每轮 ${COMPETITION_QUESTION_COUNT} 题，按主题和难度搭配抽题，每题限时 ${QUESTION_TIME_MS / 1000} 秒，页面显示倒计时；选项顺序每人每轮随机打乱。`,
  `计分公式：答对得分 = ${BASE_SCORE} + 四舍五入（${MAX_SPEED_BONUS} × 剩余秒数 ÷ ${QUESTION_TIME_MS / 1000}）。答得越快得分越高，单题最高 ${MAX_QUESTION_SCORE} 分，整轮最高 ${MAX_QUESTION_SCORE * COMPETITION_QUESTION_COUNT} 分；答错或超时得 0 分。`,
  '多选题须选中全部正确选项且不多选，才算答对；少选、多选、错选均不得分。',
  `计时以服务器时间为准。考虑到网络延迟，倒计时结束后另留 ${ANSWER_GRACE_MS / 1000} 秒，超过 ${(QUESTION_TIME_MS + ANSWER_GRACE_MS) / 1000} 秒送达的答案不被接受，按超时计 0 分。`,
  '中途退出后重新进入，本轮继续进行，计时不会暂停；已看过的题不能重新作答。',
  `每天（北京时间）前 ${COUNTED_ROUNDS_PER_DAY} 轮竞答计入排行，取当天得分最高的一轮；第 ${COUNTED_ROUNDS_PER_DAY + 1} 轮起为练习，照常计分和回顾，但不计入排行。`,
  '排名先比得分，得分相同用时少者在前，再相同先完成者在前。',
  '周榜（周一至周日）和总榜为统计期内每天最佳一轮的得分之和，用时同样相加。',
  '单位榜按单位成员成绩的平均分排名；平均分相同，参与人数多的单位在前；再相同，最后一位成员完成时间早的单位在前。',
  `每日答题每天 ${DAILY_QUESTION_COUNT} 题，人人相同；每日答题和专题练习不限时，答对一题得 ${BASE_SCORE} 分，不计入排行。`,
  `答错的题自动收入错题本，可反复练习；答错后再连续答对 ${WRONG_BOOK_RIGHTS_TO_LEAVE} 次即移出错题本。`,
  '昵称和单位须经本人同意后才会显示在排行榜上；撤回同意后即从所有排行榜中移除。'
]
