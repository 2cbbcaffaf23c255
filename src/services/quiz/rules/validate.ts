/**
 * Input checks of the quiz rules. Every rule that writes runs these before its first write, so a
 * refused request changes nothing. Each check throws a DataError `INVALID_INPUT` naming the field
 * (in `fields`) with a message for the participant; none reads storage.
 */
import {
  BOARD_PERIODS,
  LEADERBOARD_DEFAULT_NEIGHBOURS,
  LEADERBOARD_MAX_LIMIT,
  LEADERBOARD_MAX_NEIGHBOURS,
  MAX_ROUNDS_KEPT,
  PRACTICE_DEFAULT_COUNT,
  PRACTICE_MAX_COUNT,
  QUIZ_MODES,
  type BoardPeriod,
  type PracticeSource,
  type QuizMode
} from '../contract'
import { DataError, invalid } from '../../core/errors'
import { dayKeyOf, isDayKey, isWeekKey, weekKeyOf } from './time'

const KEY_RE = /^[A-Za-z0-9_-]{8,64}$/

/** The input as an object. @throws `INVALID_INPUT` (no field) when it is not a plain object. */
export function asObject(input: unknown): Record<string, unknown> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw new DataError('INVALID_INPUT', '提交的内容格式有误')
  return input as Record<string, unknown>
}

/** An idempotency key: 8–64 of `[A-Za-z0-9_-]`. @throws `INVALID_INPUT` (`idempotencyKey`) */
export function checkKey(raw: unknown): string {
  if (typeof raw !== 'string' || !KEY_RE.test(raw)) throw invalid('idempotencyKey', '提交编号有误（应为 8–64 位字母、数字、- 或 _）')
  return raw
}

/** A non-empty id of at most 80 characters. @throws `INVALID_INPUT` naming `field`, the message naming `label` */
export function checkId(raw: unknown, field: string, label: string): string {
  if (typeof raw !== 'string' || !raw || raw.length > 80) throw invalid(field, `${label}有误`)
  return raw
}

/** A round id (`roundId`). @throws `INVALID_INPUT` (`roundId`) */
export function checkRoundId(raw: unknown): string {
  return checkId(raw, 'roundId', '答题轮次编号')
}

/**
 * The shape of a choice: a non-empty array of at most 10 distinct non-negative integers. The
 * range is checked against the question. @throws `INVALID_INPUT` (`choice`)
 */
export function checkChoiceShape(raw: unknown): number[] {
  if (!Array.isArray(raw)) throw invalid('choice', '答案格式有误：应为所选选项的序号列表')
  if (raw.length === 0) throw invalid('choice', '请至少选择一个选项')
  if (raw.length > 10 || !raw.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 0)) throw invalid('choice', '答案格式有误：选项序号应为不小于 0 的整数')
  if (new Set(raw).size !== raw.length) throw invalid('choice', '答案格式有误：同一选项选了两次')
  return raw as number[]
}

/** A mode filter: undefined (any mode) or one of {@link QUIZ_MODES}. @throws `INVALID_INPUT` (`mode`) */
export function checkModeFilter(raw: unknown): QuizMode | undefined {
  if (raw !== undefined && (typeof raw !== 'string' || !(QUIZ_MODES as readonly string[]).includes(raw))) throw invalid('mode', '答题模式有误')
  return raw as QuizMode | undefined
}

/** A day key `YYYY-MM-DD`. @throws `INVALID_INPUT` (`dayKey`) */
export function checkDayKey(raw: string): string {
  if (!isDayKey(raw)) throw invalid('dayKey', '日期有误（应为 YYYY-MM-DD）')
  return raw
}

/** A round-list limit: an integer 1–{@link MAX_ROUNDS_KEPT}, default 20. @throws `INVALID_INPUT` (`limit`) */
export function checkRoundsLimit(raw: number | undefined): number {
  const limit = raw ?? 20
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_ROUNDS_KEPT) throw invalid('limit', `limit 应为 1–${MAX_ROUNDS_KEPT} 的整数`)
  return limit
}

/** A valid start request: the mode, its idempotency key, the practice source (practice only) and question count. */
export interface ValidStartInput {
  mode: QuizMode
  key: string
  practice: PracticeSource | null
  /** Questions asked for (practice), 1–{@link PRACTICE_MAX_COUNT}; default {@link PRACTICE_DEFAULT_COUNT}. */
  count: number
}

/** The practice source of a start request: exactly one of topic, site or 错题本, for practice only. */
function practiceSourceOf(o: Record<string, unknown>, mode: QuizMode): PracticeSource | null {
  const given = [o.topic !== undefined, o.siteId !== undefined, o.wrongBook !== undefined && o.wrongBook !== false].filter(Boolean).length
  if (mode !== 'practice') {
    if (given) throw invalid('mode', '只有专题练习可以选择专题、史迹或错题本')
    return null
  }
  if (given !== 1) throw invalid('topic', '专题练习请选择一个专题、一处史迹或错题本')
  if (o.topic !== undefined) {
    if (typeof o.topic !== 'string' || !o.topic.trim()) throw invalid('topic', '专题有误')
    return { kind: 'topic', topic: o.topic.trim() }
  }
  if (o.siteId !== undefined) return { kind: 'site', siteId: checkId(o.siteId, 'siteId', '史迹编号') }
  if (o.wrongBook !== true) throw invalid('wrongBook', '错题本参数有误')
  return { kind: 'wrong_book' }
}

/**
 * Checks a start request (`{ mode, idempotencyKey, topic? | siteId? | wrongBook?, count? }`).
 * @throws `INVALID_INPUT` naming `mode`, `idempotencyKey`, `topic`, `siteId`, `wrongBook` or `count`
 */
export function validateStart(input: unknown): ValidStartInput {
  const o = asObject(input)
  if (typeof o.mode !== 'string' || !(QUIZ_MODES as readonly string[]).includes(o.mode)) throw invalid('mode', '答题模式有误')
  const mode = o.mode as QuizMode
  const key = checkKey(o.idempotencyKey)
  const practice = practiceSourceOf(o, mode)
  let count = PRACTICE_DEFAULT_COUNT
  if (o.count !== undefined) {
    if (typeof o.count !== 'number' || !Number.isInteger(o.count) || o.count < 1 || o.count > PRACTICE_MAX_COUNT) throw invalid('count', `练习题数应为 1–${PRACTICE_MAX_COUNT}`)
    count = o.count
  }
  return { mode, key, practice, count }
}

/** A valid board read: period, its key (`YYYY-MM-DD`, `YYYY-Www` or `all`), top-N limit and neighbours. */
export interface ValidBoardQuery {
  period: BoardPeriod
  key: string
  limit: number
  neighbours: number
}

/** The period key of a board read; today's day or week (at `t`, ms since the epoch) when none is given. */
function boardKeyOf(period: BoardPeriod, raw: unknown, t: number): string {
  if (period === 'all') return 'all'
  if (raw === undefined || raw === null || raw === '') return period === 'day' ? dayKeyOf(t) : weekKeyOf(dayKeyOf(t))
  if (period === 'day' && isDayKey(raw)) return raw
  if (period === 'week' && isWeekKey(raw)) return raw
  throw invalid('key', period === 'day' ? '日期有误（应为 YYYY-MM-DD）' : '周次有误（应为 YYYY-Www）')
}

/** An optional integer in [min, max], `dflt` when absent. @throws `INVALID_INPUT` naming `field` */
function intIn(raw: unknown, field: string, min: number, max: number, dflt: number): number {
  if (raw === undefined || raw === null) return dflt
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < min || raw > max) throw invalid(field, `${field} 应为 ${min}–${max} 的整数`)
  return raw
}

/**
 * Checks a board read (`{ period, key?, limit?, neighbours? }`) at time `t` (ms since the epoch).
 * @throws `INVALID_INPUT` naming `period`, `key`, `limit` or `neighbours`
 */
export function validateBoardQuery(input: unknown, t: number): ValidBoardQuery {
  const o = asObject(input)
  if (typeof o.period !== 'string' || !(BOARD_PERIODS as readonly string[]).includes(o.period)) throw invalid('period', '排行榜周期有误（应为 day、week 或 all）')
  const period = o.period as BoardPeriod
  return {
    period,
    key: boardKeyOf(period, o.key, t),
    limit: intIn(o.limit, 'limit', 1, LEADERBOARD_MAX_LIMIT, LEADERBOARD_MAX_LIMIT),
    neighbours: intIn(o.neighbours, 'neighbours', 0, LEADERBOARD_MAX_NEIGHBOURS, LEADERBOARD_DEFAULT_NEIGHBOURS)
  }
}
