/**
 * The quiz rules (党史互动竞答) that a real backend must enforce, shared by the in-process mock
 * source and the HTTP mock server: rounds, server-side scoring against the server's clock, the
 * time window, idempotent submissions, the daily attempt limit, the 错题本, consent, and the
 * leaderboards. Pure logic over an injected {@link KeyValueStore} and clock; callers pass the
 * participant id they have authenticated (mock: the local id; server: from the bearer token).
 *
 * ## Modes
 * - **每日答题** (`daily`): the day's {@link DAILY_QUESTION_COUNT} questions, the same for everyone
 *   (seeded by the Asia/Shanghai day, see `quiz-draw.ts`; only questions with a source fit to show);
 *   untimed, options shuffled per participant (判断 keeps 正确/错误), one round per participant and
 *   day (starting again returns it); expires at the end of its day.
 * - **竞答** (`competition`): {@link COMPETITION_QUESTION_COUNT} questions by the mix rule (only
 *   questions with a source fit to show), options
 *   shuffled per participant and round, a {@link QUESTION_TIME_MS} countdown per question. The
 *   day's first {@link COUNTED_ROUNDS_PER_DAY} rounds are `ranked`; the 4th and later are practice
 *   (scored and reviewed, never on a board). Expires {@link COMPETITION_ROUND_TTL_MS} after start.
 * - **专题练习** (`practice`): by topic, by related site, or the 错题本; untimed, not ranked, options
 *   shuffled per participant and round; may include questions marked `needsSource` (shown as 待核实).
 *
 * ## Time window and the clock (竞答)
 * Questions open one at a time, when the participant asks for the next one ({@link openNextQuestion});
 * the server records the opening time. An answer is accepted when it arrives at most
 * `QUESTION_TIME_MS + ANSWER_GRACE_MS` = 22 000 ms after the opening (boundary included) and is
 * scored by `quiz-scoring.ts`; a later one is **rejected** with `CONFLICT` and the question counts as
 * timed out (0 points). The clock keeps running while the app is closed: reopening returns the same
 * open question with its original deadline (or shows it timed out), never a fresh one, and an
 * answered or timed-out question can never be answered again.
 *
 * ## Idempotency
 * Every submission carries an idempotency key. Starting a round twice with one key returns the
 * same round (one attempt used). An answer's key is unique per round: resubmitting it returns the
 * first result whatever the second body says; a different key for an already answered question
 * is refused (`CONFLICT`). Finishing a finished round returns its result again.
 *
 * ## Day, best of day, boards
 * The day is the Asia/Shanghai calendar day of the round's **start** (`quiz-time.ts`). When a
 * ranked round ends (finished, or expired and closed as it stands), it becomes the day's best if
 * it beats the previous best (score, then less time, then earlier finish). Boards: see
 * `leaderboard.ts`. Only participants who agreed ({@link agreeToBoards}) appear; withdrawing
 * removes them from every board (their rounds are kept, and agreeing again brings them back).
 *
 * ## Bad input
 * Everything is validated before anything is written: `INVALID_INPUT` for a wrong shape or an
 * option out of range, `NOT_FOUND` for an unknown round or question (or another participant's
 * round), `CONFLICT` for a late answer, an expired or ended round, or a second answer.
 *
 * ## Store layout (keys under `quiz:`)
 * `quiz:p:<pid>` participant record (consent, day bests, attempts, daily round ids);
 * `quiz:rounds:<pid>` the participant's round list (newest first, at most {@link MAX_ROUNDS_KEPT});
 * `quiz:round:<id>` one round; `quiz:wrong:<pid>` the 错题本; `quiz:reg` + `quiz:reg:<n>` the
 * registry of participant ids (chunks of 1000) from which the leaderboard index is rebuilt.
 */
import {
  ANSWER_GRACE_MS,
  BOARD_PERIODS,
  COMPETITION_ROUND_TTL_MS,
  COUNTED_ROUNDS_PER_DAY,
  JUDGE_OPTIONS,
  LEADERBOARD_DEFAULT_NEIGHBOURS,
  LEADERBOARD_MAX_LIMIT,
  LEADERBOARD_MAX_NEIGHBOURS,
  LOCAL_TOPIC,
  MAX_ROUNDS_KEPT,
  PRACTICE_DEFAULT_COUNT,
  PRACTICE_MAX_COUNT,
  PRACTICE_ROUND_TTL_MS,
  QUESTION_TIME_MS,
  QUIZ_MODES,
  WRONG_BOOK_RIGHTS_TO_LEAVE,
  type AnswerResult,
  type BoardPeriod,
  type Consent,
  type DayStatus,
  type LeaderboardView,
  type PracticeSource,
  type PublicQuestion,
  type Question,
  type QuizMode,
  type ReviewItem,
  type Round,
  type RoundItem,
  type RoundItemStatus,
  type RoundResult,
  type RoundStatus,
  type RoundSummary,
  type SiteQuizInfo,
  type TopicInfo,
  type UnitLeaderboardView,
  type WrongBookEntry
} from '../contract'
import { checkDisplayText, NICKNAME_MAX, UNIT_MAX, validateNameAndUnit } from '../../core/identity'
import { DataError } from '../../core/errors'
import { isBetterResult, LeaderboardIndex, type BoardMember, type BulkResult, type DayResult } from './boards'
import { assertQuestionBank } from './bank'
import { COMPETITION_MIX, dailyQuestions, drawByMix, drawSome, rankedPool } from './draw'
import { createRng, permutation } from './random'
import { isExactlyRight, MAX_QUESTION_SCORE, BASE_SCORE, timedScore, untimedScore, withinWindow } from './scoring'
import { addDays, DAY_MS, dayKeyOf, dayStartMs, isDayKey, isWeekKey, weekKeyOf } from './time'
import type { KeyValueStore } from '../../core/kv'

export { SCORING_RULES_TEXT } from './scoring'
export { COMPETITION_MIX, DAILY_MIX } from './draw'

// ---------------------------------------------------------------------------------------------
// Stored shapes
// ---------------------------------------------------------------------------------------------

interface StoredAnswer {
  /** Indexes in the participant's shuffled order, as submitted. */
  choice: number[]
  key: string
  at: number
  correct: boolean
  score: number
  timeMs: number
}

interface StoredItem {
  questionId: string
  /** Displayed option i is the bank's option perm[i]; null = the bank's order. */
  perm: number[] | null
  openedAt: number | null
  answer: StoredAnswer | null
  timedOut: boolean
}

interface StoredRound {
  v: 1
  id: string
  pid: string
  mode: QuizMode
  ranked: boolean
  attemptNumber: number
  dayKey: string
  startedAt: number
  expiresAt: number
  status: RoundStatus
  finishedAt: number | null
  startKey: string
  finishKey: string | null
  practice: PracticeSource | null
  timed: boolean
  items: StoredItem[]
  /** Timed rounds: index of the most recently opened question, -1 before the first. */
  current: number
}

/** A day's best counted round: [score, timeMs, finishedAt, roundId]. */
type StoredBest = [number, number, number, string]

interface StoredParticipant {
  v: 1
  consent: { nickname: string; unit: string; at: number } | null
  best: Record<string, StoredBest>
  /** 竞答 rounds started per day (kept for 8 days). */
  attempts: Record<string, number>
  /** The day's 每日答题 round id (kept for 8 days). */
  daily: Record<string, string>
  demo?: boolean
}

interface StoredRoundRef {
  id: string
  mode: QuizMode
  dayKey: string
  startKey: string
  startedAt: number
}

interface StoredWrong {
  questionId: string
  addedAt: number
  lastWrongAt: number
  wrongCount: number
  rightCount: number
}

const REGISTRY_CHUNK = 1000
const K = {
  participant: (pid: string) => `quiz:p:${pid}`,
  rounds: (pid: string) => `quiz:rounds:${pid}`,
  round: (id: string) => `quiz:round:${id}`,
  wrong: (pid: string) => `quiz:wrong:${pid}`,
  registry: 'quiz:reg',
  registryChunk: (n: number) => `quiz:reg:${n}`
}

// ---------------------------------------------------------------------------------------------
// Input validation (nothing is written before these pass)
// ---------------------------------------------------------------------------------------------

function invalid(field: string, message: string): DataError {
  return new DataError('INVALID_INPUT', message, { fields: { [field]: message } })
}

const KEY_RE = /^[A-Za-z0-9_-]{8,64}$/

function asObject(input: unknown): Record<string, unknown> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw new DataError('INVALID_INPUT', '提交的内容格式有误')
  return input as Record<string, unknown>
}

function checkKey(raw: unknown): string {
  if (typeof raw !== 'string' || !KEY_RE.test(raw)) throw invalid('idempotencyKey', '提交编号有误（应为 8–64 位字母、数字、- 或 _）')
  return raw
}

function checkId(raw: unknown, field: string, label: string): string {
  if (typeof raw !== 'string' || !raw || raw.length > 80) throw invalid(field, `${label}有误`)
  return raw
}

/** The shape of a choice: a non-empty array of distinct non-negative integers. Range is checked against the question. */
function checkChoiceShape(raw: unknown): number[] {
  if (!Array.isArray(raw)) throw invalid('choice', '答案格式有误：应为所选选项的序号列表')
  if (raw.length === 0) throw invalid('choice', '请至少选择一个选项')
  if (raw.length > 10 || !raw.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 0)) throw invalid('choice', '答案格式有误：选项序号应为不小于 0 的整数')
  if (new Set(raw).size !== raw.length) throw invalid('choice', '答案格式有误：同一选项选了两次')
  return raw as number[]
}

export interface ValidStartInput {
  mode: QuizMode
  key: string
  practice: PracticeSource | null
  count: number
}

function validateStart(input: unknown): ValidStartInput {
  const o = asObject(input)
  if (typeof o.mode !== 'string' || !(QUIZ_MODES as readonly string[]).includes(o.mode)) throw invalid('mode', '答题模式有误')
  const mode = o.mode as QuizMode
  const key = checkKey(o.idempotencyKey)
  const given = [o.topic !== undefined, o.siteId !== undefined, o.wrongBook !== undefined && o.wrongBook !== false].filter(Boolean).length
  let practice: PracticeSource | null = null
  if (mode !== 'practice') {
    if (given) throw invalid('mode', '只有专题练习可以选择专题、史迹或错题本')
  } else {
    if (given !== 1) throw invalid('topic', '专题练习请选择一个专题、一处史迹或错题本')
    if (o.topic !== undefined) {
      if (typeof o.topic !== 'string' || !o.topic.trim()) throw invalid('topic', '专题有误')
      practice = { kind: 'topic', topic: o.topic.trim() }
    } else if (o.siteId !== undefined) {
      practice = { kind: 'site', siteId: checkId(o.siteId, 'siteId', '史迹编号') }
    } else {
      if (o.wrongBook !== true) throw invalid('wrongBook', '错题本参数有误')
      practice = { kind: 'wrong_book' }
    }
  }
  let count = PRACTICE_DEFAULT_COUNT
  if (o.count !== undefined) {
    if (typeof o.count !== 'number' || !Number.isInteger(o.count) || o.count < 1 || o.count > PRACTICE_MAX_COUNT) throw invalid('count', `练习题数应为 1–${PRACTICE_MAX_COUNT}`)
    count = o.count
  }
  return { mode, key, practice, count }
}

interface ValidBoardQuery {
  period: BoardPeriod
  key: string
  limit: number
  neighbours: number
}

function validateBoardQuery(input: unknown, t: number): ValidBoardQuery {
  const o = asObject(input)
  if (typeof o.period !== 'string' || !(BOARD_PERIODS as readonly string[]).includes(o.period)) throw invalid('period', '排行榜周期有误（应为 day、week 或 all）')
  const period = o.period as BoardPeriod
  let key: string
  if (period === 'all') key = 'all'
  else if (o.key === undefined || o.key === null || o.key === '') key = period === 'day' ? dayKeyOf(t) : weekKeyOf(dayKeyOf(t))
  else if (period === 'day' && isDayKey(o.key)) key = o.key
  else if (period === 'week' && isWeekKey(o.key)) key = o.key
  else throw invalid('key', period === 'day' ? '日期有误（应为 YYYY-MM-DD）' : '周次有误（应为 YYYY-Www）')
  const int = (raw: unknown, field: string, min: number, max: number, dflt: number) => {
    if (raw === undefined || raw === null) return dflt
    if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < min || raw > max) throw invalid(field, `${field} 应为 ${min}–${max} 的整数`)
    return raw
  }
  return {
    period,
    key,
    limit: int(o.limit, 'limit', 1, LEADERBOARD_MAX_LIMIT, LEADERBOARD_MAX_LIMIT),
    neighbours: int(o.neighbours, 'neighbours', 0, LEADERBOARD_MAX_NEIGHBOURS, LEADERBOARD_DEFAULT_NEIGHBOURS)
  }
}

// ---------------------------------------------------------------------------------------------
// The rules
// ---------------------------------------------------------------------------------------------

/** Options of {@link createQuizRules}. */
export interface QuizRulesOptions {
  /** The question bank (`mock/data/questions.json`); checked at creation, a bad bank throws. */
  questions: readonly Question[]
  /** Clock in ms since the epoch (tests pass a fake). */
  now?: () => number
  /** New round ids (tests pass a counter). Default: random base-36. */
  newId?: () => string
  /** Whether a site is in the app's dataset (practice by site refuses others). Default: any site a question links. */
  siteExists?: (id: string) => boolean
}

/** A participant loaded in bulk ({@link QuizRules.importResults}); imported participants have agreed to appear. */
export interface ImportParticipant {
  participantId: string
  nickname: string
  unit: string
  demo?: boolean
}

/** One imported day's best: `score` points, `timeMs` ms, `finishedAt` ms since the epoch. */
export type ImportResult = BulkResult & { roundId?: string }

function randomRoundId(): string {
  let s = ''
  while (s.length < 12) s += Math.random().toString(36).slice(2)
  return `r-${Date.now().toString(36)}-${s.slice(0, 12)}`
}

/**
 * Creates the quiz rules over a store.
 * @param store where rounds, day bests, the 错题本, consent and the registry are kept
 */
export function createQuizRules(store: KeyValueStore, opts: QuizRulesOptions) {
  const bank = assertQuestionBank(opts.questions)
  const now = opts.now ?? (() => Date.now())
  const newId = opts.newId ?? randomRoundId
  const byId = new Map(bank.map((q) => [q.id, q]))
  /** What 每日答题 and 竞答 draw from: questions with a source fit to show. */
  const rankedBank = rankedPool(bank)
  const topics = new Map<string, Question[]>()
  const bySite = new Map<string, Question[]>()
  for (const q of bank) {
    topics.set(q.topic, [...(topics.get(q.topic) ?? []), q])
    if (q.relatedSiteId) bySite.set(q.relatedSiteId, [...(bySite.get(q.relatedSiteId) ?? []), q])
  }
  const siteExists = opts.siteExists ?? ((id: string) => bySite.has(id))

  let index: LeaderboardIndex | null = null

  // ---- participants and registry ------------------------------------------------------------

  function readParticipant(pid: string): StoredParticipant | null {
    const raw = store.get<StoredParticipant>(K.participant(pid))
    if (!raw || typeof raw !== 'object' || raw.v !== 1) return null
    return {
      v: 1,
      consent: raw.consent && typeof raw.consent.nickname === 'string' ? raw.consent : null,
      best: raw.best && typeof raw.best === 'object' ? raw.best : {},
      attempts: raw.attempts && typeof raw.attempts === 'object' ? raw.attempts : {},
      daily: raw.daily && typeof raw.daily === 'object' ? raw.daily : {},
      ...(raw.demo ? { demo: true } : {})
    }
  }

  const freshParticipant = (): StoredParticipant => ({ v: 1, consent: null, best: {}, attempts: {}, daily: {} })

  function registryMeta(): { count: number } {
    const m = store.get<{ count: number }>(K.registry)
    return m && Number.isInteger(m.count) && m.count >= 0 ? m : { count: 0 }
  }

  function register(pids: string[]): void {
    if (!pids.length) return
    let { count } = registryMeta()
    let chunkNo = Math.floor(count / REGISTRY_CHUNK)
    let chunk = store.get<string[]>(K.registryChunk(chunkNo)) ?? []
    for (const pid of pids) {
      if (chunk.length >= REGISTRY_CHUNK) {
        store.set(K.registryChunk(chunkNo), chunk)
        chunkNo++
        chunk = []
      }
      chunk.push(pid)
      count++
    }
    store.set(K.registryChunk(chunkNo), chunk)
    store.set(K.registry, { count })
  }

  /** Writes a participant record, registering the id the first time. */
  function saveParticipant(pid: string, rec: StoredParticipant, isNew: boolean): void {
    store.set(K.participant(pid), rec)
    if (isNew) register([pid])
  }

  function pruneDays(rec: StoredParticipant, today: string): void {
    const oldest = addDays(today, -7)
    for (const d of Object.keys(rec.attempts)) if (d < oldest) delete rec.attempts[d]
    for (const d of Object.keys(rec.daily)) if (d < oldest) delete rec.daily[d]
  }

  const memberOf = (pid: string, rec: StoredParticipant): BoardMember => ({
    id: pid,
    nickname: rec.consent!.nickname,
    unit: rec.consent!.unit,
    demo: !!rec.demo
  })

  const bestEntries = (rec: StoredParticipant): Array<[string, DayResult]> =>
    Object.entries(rec.best)
      .filter(([d, b]) => isDayKey(d) && Array.isArray(b) && b.length >= 3)
      .map(([d, b]) => [d, { score: b[0], timeMs: b[1], finishedAt: b[2] }])

  /** The leaderboard index, rebuilt from the store on first use. */
  function ensureIndex(): LeaderboardIndex {
    if (index) return index
    const idx = new LeaderboardIndex()
    const { count } = registryMeta()
    for (let c = 0; c * REGISTRY_CHUNK < count; c++) {
      for (const pid of store.get<string[]>(K.registryChunk(c)) ?? []) {
        const rec = readParticipant(pid)
        if (rec?.consent) idx.addMember(memberOf(pid, rec), bestEntries(rec))
      }
    }
    index = idx
    return idx
  }

  /** Makes a ranked result the day's best in `rec` when it beats the stored one (the caller saves and updates the index). */
  function offerBest(rec: StoredParticipant, dayKey: string, r: DayResult, roundId: string): boolean {
    const cur = rec.best[dayKey]
    if (cur && !isBetterResult(r, { score: cur[0], timeMs: cur[1], finishedAt: cur[2] })) return false
    rec.best[dayKey] = [r.score, r.timeMs, r.finishedAt, roundId]
    return true
  }

  // Participant records changed during one operation (by close()), written with the round by
  // saveRound(), and only then applied to the index; dropped when the operation throws.
  const pending = new Map<string, { rec: StoredParticipant; isNew: boolean; bests: Array<[string, DayResult]> }>()

  function pendingParticipant(pid: string) {
    let p = pending.get(pid)
    if (!p) {
      const rec = readParticipant(pid)
      p = { rec: rec ?? freshParticipant(), isNew: !rec, bests: [] }
      pending.set(pid, p)
    }
    return p
  }

  function flushParticipants(): void {
    for (const [pid, p] of pending) {
      saveParticipant(pid, p.rec, p.isNew)
      if (index && p.rec.consent) for (const [day, r] of p.bests) index.setDayResult(pid, day, r)
    }
    pending.clear()
  }

  // ---- rounds ------------------------------------------------------------------------------

  function readRefs(pid: string): StoredRoundRef[] {
    const raw = store.get<StoredRoundRef[]>(K.rounds(pid))
    return Array.isArray(raw) ? raw.filter((x) => x && typeof x.id === 'string') : []
  }

  /** A round of this participant, or NOT_FOUND (also for another participant's round and for corrupt records). */
  function loadRound(pid: string, roundId: string): StoredRound {
    const r = store.get<StoredRound>(K.round(roundId))
    if (!r || typeof r !== 'object' || r.v !== 1 || r.pid !== pid || !Array.isArray(r.items)) throw new DataError('NOT_FOUND', '没有找到这一轮答题，它可能已过期或编号有误')
    if (!r.items.every((it) => byId.has(it.questionId))) throw new DataError('NOT_FOUND', '这一轮的题目已更新，无法继续，请开始新的一轮')
    return r
  }

  const resolved = (it: StoredItem) => !!it.answer || it.timedOut
  const itemTime = (r: StoredRound, it: StoredItem) => (it.answer ? it.answer.timeMs : it.timedOut && r.timed ? QUESTION_TIME_MS : 0)

  function totals(r: StoredRound) {
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

  /**
   * Brings a round up to the clock: an open question past its window becomes timed out; a round
   * with every question resolved finishes (at the moment the last one closed); a round past its
   * expiry is closed as it stands. Returns whether anything changed (the caller saves).
   */
  function settle(r: StoredRound, t: number): boolean {
    if (r.status !== 'in_progress') return false
    let changed = false
    let lastClose = 0
    if (r.timed && r.current >= 0) {
      const it = r.items[r.current]
      if (!resolved(it) && it.openedAt !== null && !withinWindow(t - it.openedAt)) {
        it.timedOut = true
        changed = true
      }
    }
    if (r.items.every(resolved)) {
      for (const it of r.items) lastClose = Math.max(lastClose, it.answer ? it.answer.at : (it.openedAt ?? 0) + QUESTION_TIME_MS + ANSWER_GRACE_MS)
      close(r, 'finished', Math.min(lastClose, t))
      return true
    }
    if (t > r.expiresAt) {
      close(r, 'expired', r.expiresAt)
      return true
    }
    return changed
  }

  /** Ends a round and, when ranked, offers its result as the day's best (written by saveRound). */
  function close(r: StoredRound, status: 'finished' | 'expired', at: number): void {
    r.status = status
    r.finishedAt = at
    if (!r.ranked) return
    const p = pendingParticipant(r.pid)
    const tot = totals(r)
    const res: DayResult = { score: tot.score, timeMs: tot.time, finishedAt: at }
    if (offerBest(p.rec, r.dayKey, res, r.id)) p.bests.push([r.dayKey, res])
  }

  function saveRound(r: StoredRound): void {
    store.set(K.round(r.id), r)
    flushParticipants()
  }

  /** Runs an operation; discards pending participant writes when it throws (nothing is written then). */
  function op<T>(fn: () => T): T {
    pending.clear()
    try {
      return fn()
    } finally {
      pending.clear()
    }
  }

  function publicQuestion(q: Question, perm: number[] | null): PublicQuestion {
    return {
      id: q.id,
      type: q.type,
      text: q.text,
      options: perm ? perm.map((i) => q.options[i]) : q.options.slice(),
      topic: q.topic,
      difficulty: q.difficulty
    }
  }

  function correctChoiceOf(q: Question, perm: number[] | null): number[] {
    if (!perm) return q.answer.slice()
    const want = new Set(q.answer)
    const out: number[] = []
    perm.forEach((orig, shown) => {
      if (want.has(orig)) out.push(shown)
    })
    return out
  }

  function resultOf(r: StoredRound, i: number): AnswerResult {
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

  function itemStatus(r: StoredRound, it: StoredItem): RoundItemStatus {
    if (it.answer) return 'answered'
    if (it.timedOut) return 'timed_out'
    return r.status === 'in_progress' ? 'open' : 'unanswered'
  }

  function itemView(r: StoredRound, i: number): RoundItem {
    const it = r.items[i]
    const status = itemStatus(r, it)
    return {
      index: i,
      question: publicQuestion(byId.get(it.questionId)!, it.perm),
      openedAt: it.openedAt,
      deadlineAt: r.timed && it.openedAt !== null ? it.openedAt + QUESTION_TIME_MS : null,
      status,
      result: status === 'open' ? null : resultOf(r, i)
    }
  }

  function roundView(r: StoredRound, t: number): Round {
    const tot = totals(r)
    const visible = r.items
      .map((it, i) => ({ it, i }))
      .filter(({ it }) => r.status !== 'in_progress' || !r.timed || it.openedAt !== null)
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
      items: visible.map(({ i }) => itemView(r, i)),
      serverNow: t
    }
  }

  function roundResult(r: StoredRound): RoundResult {
    const tot = totals(r)
    const rec = r.ranked ? readParticipant(r.pid) : null
    const review: ReviewItem[] = r.items.map((it, i) => ({
      index: i,
      question: publicQuestion(byId.get(it.questionId)!, it.perm),
      status: itemStatus(r, it),
      result: resultOf(r, i)
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
      bestOfDay: !!rec && rec.best[r.dayKey]?.[3] === r.id,
      practice: r.practice,
      review
    }
  }

  function summaryOf(r: StoredRound): RoundSummary {
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

  /** Loads, settles and (if changed) saves a round. */
  function loadSettled(pid: string, roundId: string, t: number): StoredRound {
    const r = loadRound(pid, roundId)
    if (settle(r, t)) saveRound(r)
    return r
  }

  // ---- the 错题本 ------------------------------------------------------------------------------

  function readWrong(pid: string): StoredWrong[] {
    const raw = store.get<StoredWrong[]>(K.wrong(pid))
    return Array.isArray(raw) ? raw.filter((w) => w && byId.has(w.questionId)) : []
  }

  function noteAnswer(pid: string, questionId: string, correct: boolean, t: number): void {
    const book = readWrong(pid)
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
    store.set(K.wrong(pid), book)
  }

  // ---- starting ----------------------------------------------------------------------------

  /**
   * Option order per participant and round, in every mode (竞答 shuffles with its draw's rng):
   * non-judge questions get a random permutation; 判断 keeps 正确/错误.
   */
  function optionOrders(questions: readonly Question[], seed: string): Array<number[] | null> {
    const rng = createRng(`${seed}|options`)
    return questions.map((q) => (q.type === 'judge' ? null : permutation(q.options.length, rng)))
  }

  function practiceQuestions(pid: string, src: PracticeSource, count: number, rngSeed: string): Question[] {
    const rng = createRng(rngSeed)
    if (src.kind === 'topic') {
      const list = topics.get(src.topic)
      if (!list) throw new DataError('NOT_FOUND', '没有这个练习专题')
      return drawSome(list, count, rng)
    }
    if (src.kind === 'site') {
      const list = bySite.get(src.siteId)
      if (!siteExists(src.siteId) || !list) throw new DataError('NOT_FOUND', '这处史迹暂时没有练习题')
      return drawSome(list, count, rng)
    }
    const book = readWrong(pid)
    if (!book.length) throw new DataError('CONFLICT', '错题本里还没有题目')
    return drawSome(book.map((w) => byId.get(w.questionId)!), count, rng)
  }

  function startRound(pid: string, input: unknown): Round {
    return op(() => {
      const s = validateStart(input)
      const t = now()
      const day = dayKeyOf(t)
      const refs = readRefs(pid)
      const same = refs.find((x) => x.startKey === s.key)
      if (same) return roundView(loadSettled(pid, same.id, t), t)

      const rec = readParticipant(pid) ?? freshParticipant()
      if (s.mode === 'daily' && rec.daily[day]) {
        try {
          return roundView(loadSettled(pid, rec.daily[day], t), t)
        } catch (err) {
          if (!(err instanceof DataError && err.code === 'NOT_FOUND')) throw err
          // The day's round was dropped (too many rounds kept): start it afresh below.
        }
      }

      const id = newId()
      let questions: Question[]
      let perms: Array<number[] | null>
      let ranked = false
      let attemptNumber = 0
      let expiresAt: number
      if (s.mode === 'daily') {
        questions = dailyQuestions(bank, day)
        perms = optionOrders(questions, `${pid}|${id}`)
        expiresAt = dayStartMs(day) + DAY_MS - 1
      } else if (s.mode === 'competition') {
        if (rankedBank.length < COMPETITION_MIX.size) throw new DataError('CONFLICT', '题库题目不足，暂时无法开始竞答')
        attemptNumber = (rec.attempts[day] ?? 0) + 1
        ranked = attemptNumber <= COUNTED_ROUNDS_PER_DAY
        const avoid = new Set<string>()
        for (const ref of refs) {
          if (ref.mode !== 'competition' || ref.dayKey !== day) continue
          const old = store.get<StoredRound>(K.round(ref.id))
          old?.items?.forEach((it) => avoid.add(it.questionId))
        }
        const rng = createRng(`${pid}|${id}`)
        questions = drawByMix(rankedBank, COMPETITION_MIX, rng, avoid)
        perms = questions.map((q) => (q.type === 'judge' ? null : permutation(q.options.length, rng)))
        expiresAt = t + COMPETITION_ROUND_TTL_MS
      } else {
        questions = practiceQuestions(pid, s.practice!, s.count, `${pid}|${id}`)
        perms = optionOrders(questions, `${pid}|${id}`)
        expiresAt = t + PRACTICE_ROUND_TTL_MS
      }

      // All checks passed: write. First end any other round of this mode still in progress.
      for (const ref of refs) {
        if (ref.mode !== s.mode || ref.startedAt < t - PRACTICE_ROUND_TTL_MS - DAY_MS) continue
        const old = store.get<StoredRound>(K.round(ref.id))
        if (!old || old.v !== 1 || old.pid !== pid || !old.items?.every((it) => byId.has(it.questionId))) continue
        let changed = settle(old, t)
        if (old.status === 'in_progress') {
          close(old, 'finished', t)
          changed = true
        }
        if (changed) saveRound(old)
      }

      const round: StoredRound = {
        v: 1,
        id,
        pid,
        mode: s.mode,
        ranked,
        attemptNumber,
        dayKey: day,
        startedAt: t,
        expiresAt,
        status: 'in_progress',
        finishedAt: null,
        startKey: s.key,
        finishKey: null,
        practice: s.practice,
        timed: s.mode === 'competition',
        items: questions.map((q, i) => ({ questionId: q.id, perm: perms[i], openedAt: s.mode === 'competition' ? null : t, answer: null, timedOut: false })),
        current: -1
      }
      // close() above may have updated this participant's record: continue from the stored one.
      const p = pendingParticipant(pid)
      if (s.mode === 'competition') p.rec.attempts[day] = attemptNumber
      if (s.mode === 'daily') p.rec.daily[day] = id
      pruneDays(p.rec, day)
      saveRound(round)

      refs.unshift({ id, mode: s.mode, dayKey: day, startKey: s.key, startedAt: t })
      for (const dropped of refs.splice(MAX_ROUNDS_KEPT)) store.remove(K.round(dropped.id))
      store.set(K.rounds(pid), refs)
      return roundView(round, t)
    })
  }

  // ---- playing -----------------------------------------------------------------------------

  function openNextQuestion(pid: string, roundId: unknown): RoundItem | null {
    return op(() => {
      const id = checkId(roundId, 'roundId', '答题轮次编号')
      const t = now()
      const r = loadRound(pid, id)
      const changed = settle(r, t)
      if (r.status === 'expired') {
        if (changed) saveRound(r)
        throw new DataError('CONFLICT', '本轮已超过作答期限，已自动结束，请查看成绩')
      }
      if (r.status === 'finished') {
        if (changed) saveRound(r)
        return null
      }
      if (!r.timed) {
        const i = r.items.findIndex((it) => !resolved(it))
        return i < 0 ? null : itemView(r, i)
      }
      if (r.current >= 0 && !resolved(r.items[r.current])) {
        if (changed) saveRound(r)
        return itemView(r, r.current)
      }
      const next = r.current + 1
      if (next >= r.items.length) {
        if (changed) saveRound(r)
        return null
      }
      r.items[next].openedAt = t
      r.current = next
      saveRound(r)
      return itemView(r, next)
    })
  }

  function answer(pid: string, input: unknown): AnswerResult {
    return op(() => {
      const o = asObject(input)
      const roundId = checkId(o.roundId, 'roundId', '答题轮次编号')
      const questionId = checkId(o.questionId, 'questionId', '题目编号')
      const choice = checkChoiceShape(o.choice)
      const key = checkKey(o.idempotencyKey)
      const t = now()
      const r = loadRound(pid, roundId)
      const i = r.items.findIndex((it) => it.questionId === questionId)
      if (i < 0) throw new DataError('NOT_FOUND', '本轮没有这道题')
      const it = r.items[i]
      // A retry of an accepted answer returns the first result, whatever this body says.
      if (it.answer && it.answer.key === key) return resultOf(r, i)
      if (r.items.some((x) => x.answer?.key === key)) throw new DataError('CONFLICT', '这个提交编号已用于本轮的另一道题')

      settle(r, t) // in memory only; saved with a successful answer
      if (r.status === 'expired') throw new DataError('CONFLICT', '本轮已超过作答期限，已自动结束，答案未被接受')
      if (it.answer) throw new DataError('CONFLICT', '这道题已经作答，不能再次作答')
      if (it.timedOut) throw new DataError('CONFLICT', `本题已超过作答时间（${QUESTION_TIME_MS / 1000} 秒，另有 ${ANSWER_GRACE_MS / 1000} 秒网络宽限），答案未被接受`)
      if (r.status !== 'in_progress') throw new DataError('CONFLICT', '本轮已经结束，不能再作答')
      if (r.timed && (it.openedAt === null || i !== r.current)) throw new DataError('CONFLICT', '这道题还没有开始，请先打开这道题')

      const q = byId.get(questionId)!
      const n = q.options.length
      if (choice.some((c) => c >= n)) throw invalid('choice', `选项超出范围：这道题只有 ${n} 个选项`)
      if (q.type !== 'multiple' && choice.length !== 1) throw invalid('choice', q.type === 'judge' ? `判断题只能选“${JUDGE_OPTIONS[0]}”或“${JUDGE_OPTIONS[1]}”之一` : '单选题只能选一个选项')

      const original = choice.map((c) => (it.perm ? it.perm[c] : c))
      const correct = isExactlyRight(original, q.answer)
      let timeMs: number
      let score: number
      if (r.timed) {
        const elapsed = t - it.openedAt!
        timeMs = Math.min(Math.max(0, elapsed), QUESTION_TIME_MS)
        score = timedScore(correct, elapsed)
      } else {
        const prev = Math.max(r.startedAt, ...r.items.map((x) => x.answer?.at ?? 0))
        timeMs = Math.max(0, t - prev)
        score = untimedScore(correct)
      }
      it.answer = { choice: choice.slice(), key, at: t, correct, score, timeMs }
      settle(r, t) // finishes the round when this was the last question
      saveRound(r)
      noteAnswer(pid, questionId, correct, t)
      return resultOf(r, i)
    })
  }

  function finishRound(pid: string, input: unknown): RoundResult {
    return op(() => {
      const o = asObject(input)
      const roundId = checkId(o.roundId, 'roundId', '答题轮次编号')
      const key = checkKey(o.idempotencyKey)
      const t = now()
      const r = loadRound(pid, roundId)
      if (r.status === 'finished') return roundResult(r)
      settle(r, t)
      if (r.status === 'expired') throw new DataError('CONFLICT', '本轮已超过作答期限，已自动结束；成绩按期限前的作答计算，可在答题记录中查看')
      if (r.status === 'in_progress') close(r, 'finished', t)
      r.finishKey = key
      saveRound(r)
      return roundResult(r)
    })
  }

  // ---- public API --------------------------------------------------------------------------

  return {
    /** The bank's size (server diagnostics). */
    questionCount: bank.length,

    /** The rules' clock, ms since the epoch (the server's time in remote mode). */
    now(): number {
      return now()
    },

    /** Today's Asia/Shanghai day key, `YYYY-MM-DD`. */
    today(): string {
      return dayKeyOf(now())
    },

    /** Topics with their question counts, 泉州地方党史 first. */
    listTopics(): TopicInfo[] {
      return [...topics]
        .map(([topic, list]) => ({ topic, count: list.length, local: topic === LOCAL_TOPIC }))
        .sort((a, b) => Number(b.local) - Number(a.local) || b.count - a.count || a.topic.localeCompare(b.topic))
    },

    /** Sites of the app's dataset that have questions, for 专题练习 by site. */
    listPracticeSites(): SiteQuizInfo[] {
      return [...bySite].filter(([id]) => siteExists(id)).map(([siteId, list]) => ({ siteId, count: list.length })).sort((a, b) => b.count - a.count || a.siteId.localeCompare(b.siteId))
    },

    /** Ids of the 每日答题 questions of a day (default today): the same for everyone. */
    dailyQuestionIds(dayKey?: string): string[] {
      const d = dayKey ?? dayKeyOf(now())
      if (!isDayKey(d)) throw invalid('dayKey', '日期有误（应为 YYYY-MM-DD）')
      return dailyQuestions(bank, d).map((q) => q.id)
    },

    /**
     * Starts a round (see {@link StartRoundInput}). Same idempotency key → the same round.
     * 每日答题: the day's round if one exists. 竞答: the day's 4th+ round is unranked practice.
     * Starting a round ends this participant's other round of the same mode still in progress
     * (the UI confirms first). @throws `INVALID_INPUT`, `NOT_FOUND` (unknown topic/site), `CONFLICT` (empty 错题本)
     */
    startRound,

    /** A round as it stands now (resume after reopening the app: the clock has run on). @throws `NOT_FOUND` */
    getRound(pid: string, roundId: unknown): Round {
      return op(() => {
        const t = now()
        return roundView(loadSettled(pid, checkId(roundId, 'roundId', '答题轮次编号'), t), t)
      })
    },

    /** The participant's round in progress (of a mode, or any), newest first; null when none. @throws `INVALID_INPUT` for an unknown mode */
    getActiveRound(pid: string, mode?: unknown): Round | null {
      return op(() => {
        if (mode !== undefined && (typeof mode !== 'string' || !(QUIZ_MODES as readonly string[]).includes(mode))) throw invalid('mode', '答题模式有误')
        const t = now()
        for (const ref of readRefs(pid)) {
          if (mode && ref.mode !== mode) continue
          if (ref.startedAt < t - PRACTICE_ROUND_TTL_MS - DAY_MS) break
          try {
            const r = loadSettled(pid, ref.id, t)
            if (r.status === 'in_progress') return roundView(r, t)
          } catch {
            // a dropped or unreadable round: skip
          }
        }
        return null
      })
    },

    /**
     * 竞答: opens the next question (its countdown starts now, on the server's clock) and returns it;
     * while the current question is open and unanswered it returns that one again with its original
     * deadline. Untimed rounds: the first unanswered question. Null when no question is left.
     * @throws `NOT_FOUND`, `CONFLICT` (expired round)
     */
    openNextQuestion,

    /**
     * Scores an answer on the server's clock (see the file comment for the window and idempotency).
     * @throws `INVALID_INPUT` (shape, option out of range), `NOT_FOUND` (round, question), `CONFLICT` (late, answered, expired, not yet open)
     */
    answer,

    /**
     * Ends a round and returns its result with the full review. Finishing a finished round again
     * returns the same result. @throws `NOT_FOUND`, `CONFLICT` (the round expired before it was finished)
     */
    finishRound,

    /** The result and review of an ended round. @throws `NOT_FOUND`, `CONFLICT` (still in progress) */
    getRoundResult(pid: string, roundId: unknown): RoundResult {
      return op(() => {
        const r = loadSettled(pid, checkId(roundId, 'roundId', '答题轮次编号'), now())
        if (r.status === 'in_progress') throw new DataError('CONFLICT', '本轮还在进行中')
        return roundResult(r)
      })
    },

    /** 我的 → 答题记录: the participant's past rounds, newest first (`limit` 1–100, default 20). */
    listRounds(pid: string, query: { limit?: number } = {}): RoundSummary[] {
      return op(() => {
        const limit = query.limit ?? 20
        if (!Number.isInteger(limit) || limit < 1 || limit > MAX_ROUNDS_KEPT) throw invalid('limit', `limit 应为 1–${MAX_ROUNDS_KEPT} 的整数`)
        const t = now()
        const out: RoundSummary[] = []
        for (const ref of readRefs(pid)) {
          if (out.length >= limit) break
          try {
            out.push(summaryOf(loadSettled(pid, ref.id, t)))
          } catch {
            // unreadable round: skip
          }
        }
        return out
      })
    },

    /** The participant's 竞答 standing for a day (default today): rounds used, counted left, best. */
    getDayStatus(pid: string, dayKey?: string): DayStatus {
      const d = dayKey ?? dayKeyOf(now())
      if (!isDayKey(d)) throw invalid('dayKey', '日期有误（应为 YYYY-MM-DD）')
      const rec = readParticipant(pid) ?? freshParticipant()
      const used = rec.attempts[d] ?? 0
      const b = rec.best[d]
      return {
        dayKey: d,
        competitionRounds: used,
        countedRoundsLeft: Math.max(0, COUNTED_ROUNDS_PER_DAY - used),
        best: b ? { roundId: b[3], score: b[0], timeMs: b[1], finishedAt: b[2] } : null,
        dailyRoundId: rec.daily[d] ?? null
      }
    },

    /** The 错题本, most recently missed first. */
    getWrongBook(pid: string): WrongBookEntry[] {
      return readWrong(pid).map((w) => {
        const q = byId.get(w.questionId)!
        return { ...w, question: publicQuestion(q, null), relatedSiteId: q.relatedSiteId }
      })
    },

    /** Whether, and as whom, the participant agreed to appear on the boards. */
    getConsent(pid: string): Consent {
      const c = readParticipant(pid)?.consent
      return c ? { agreed: true, nickname: c.nickname, unit: c.unit, agreedAt: c.at } : { agreed: false, nickname: '', unit: '', agreedAt: null }
    },

    /**
     * Agrees to appear on the boards as `{ nickname, unit }` (or updates them when already agreed).
     * The participant's past day bests appear at once. @throws `INVALID_INPUT` with `fields.nickname` / `fields.unit`
     */
    agreeToBoards(pid: string, input: unknown): Consent {
      const clean = validateNameAndUnit(input)
      const existing = readParticipant(pid)
      const rec = existing ?? freshParticipant()
      const at = rec.consent?.at ?? now()
      rec.consent = { nickname: clean.nickname, unit: clean.unit, at }
      saveParticipant(pid, rec, !existing)
      const idx = ensureIndex()
      const m = memberOf(pid, rec)
      if (idx.hasMember(pid)) idx.updateMember(m)
      else idx.addMember(m, bestEntries(rec))
      return { agreed: true, nickname: clean.nickname, unit: clean.unit, agreedAt: at }
    },

    /** Withdraws consent: the participant leaves every board at once (their rounds are kept). */
    withdrawFromBoards(pid: string): Consent {
      const rec = readParticipant(pid)
      if (rec?.consent) {
        rec.consent = null
        saveParticipant(pid, rec, false)
      }
      ensureIndex().removeMember(pid)
      return { agreed: false, nickname: '', unit: '', agreedAt: null }
    },

    /**
     * An individual board (day/week/all) with the caller's own entry and neighbours.
     * `pid` null for an anonymous read. @throws `INVALID_INPUT` for a bad period, key, limit or neighbours
     */
    getLeaderboard(pid: string | null, query: unknown): LeaderboardView {
      const t = now()
      const q = validateBoardQuery(query, t)
      const idx = ensureIndex()
      const consented = !!pid && idx.hasMember(pid)
      return idx.individualView(q.period, q.key, pid, q.limit, q.neighbours, consented, t)
    },

    /** The unit board of a period, with the caller's unit (as agreed) even outside the top. */
    getUnitLeaderboard(pid: string | null, query: unknown): UnitLeaderboardView {
      const t = now()
      const q = validateBoardQuery(query, t)
      const idx = ensureIndex()
      const unit = pid ? idx.getMember(pid)?.unit || null : null
      return idx.unitView(q.period, q.key, unit, q.limit, q.neighbours, t)
    },

    /**
     * **Server side only** (seeding, imports, the benchmark; never route client input here):
     * loads participants, as agreed to appear, and their day bests as results, not answer by
     * answer. `persist: false` keeps them in the index only (demo data, re-seeded at start-up).
     * Nicknames and units are checked first; nothing is loaded when one is bad.
     * @returns how many participants and results were loaded
     */
    importResults(participants: readonly ImportParticipant[], results: readonly ImportResult[], opts: { persist?: boolean } = {}): { participants: number; results: number } {
      const members: BoardMember[] = participants.map((p, i) => {
        const nick = checkDisplayText(p.nickname, '昵称', NICKNAME_MAX, true)
        const unit = checkDisplayText(p.unit, '单位', UNIT_MAX, false)
        if (!nick.ok || !unit.ok || typeof p.participantId !== 'string' || !p.participantId) {
          throw new DataError('INVALID_INPUT', `第 ${i + 1} 位参与者：${!nick.ok ? nick.message : !unit.ok ? unit.message : '编号有误'}`)
        }
        return { id: p.participantId, nickname: nick.value, unit: unit.value, demo: !!p.demo }
      })
      const known = new Set(members.map((m) => m.id))
      const valid: ImportResult[] = []
      const ok = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0
      for (const r of results) {
        if (!known.has(r.participantId)) continue
        if (!isDayKey(r.dayKey) || !ok(r.score) || !ok(r.timeMs) || !ok(r.finishedAt)) throw new DataError('INVALID_INPUT', `成绩数据有误：${r.participantId} ${String(r.dayKey)}`)
        valid.push(r)
      }
      const idx = ensureIndex() // built from the store before this import is written to it
      if (opts.persist !== false) {
        const byPid = new Map<string, ImportResult[]>()
        for (const r of valid) {
          const list = byPid.get(r.participantId)
          if (list) list.push(r)
          else byPid.set(r.participantId, [r])
        }
        const fresh: string[] = []
        for (const m of members) {
          const existing = readParticipant(m.id)
          const rec = existing ?? freshParticipant()
          if (!existing) fresh.push(m.id)
          rec.consent = { nickname: m.nickname, unit: m.unit, at: rec.consent?.at ?? now() }
          if (m.demo) rec.demo = true
          for (const r of byPid.get(m.id) ?? []) {
            const cur = rec.best[r.dayKey]
            if (!cur || isBetterResult(r, { score: cur[0], timeMs: cur[1], finishedAt: cur[2] })) rec.best[r.dayKey] = [r.score, r.timeMs, r.finishedAt, r.roundId ?? 'import']
          }
          store.set(K.participant(m.id), rec)
        }
        register(fresh)
      }
      idx.bulkLoad(members, valid)
      return { participants: members.length, results: valid.length }
    },

    /**
     * **Server side only**: offers one counted result as a participant's best of a day, the same
     * path a finished ranked round takes (store and index). For imports and the benchmark.
     * @returns whether it became the day's best
     */
    importDayResult(pid: string, dayKey: string, r: DayResult, roundId = 'import'): boolean {
      if (!isDayKey(dayKey)) throw invalid('dayKey', '日期有误（应为 YYYY-MM-DD）')
      const existing = readParticipant(pid)
      const rec = existing ?? freshParticipant()
      const idx = ensureIndex()
      const better = offerBest(rec, dayKey, r, roundId)
      if (better) {
        saveParticipant(pid, rec, !existing)
        if (rec.consent) idx.setDayResult(pid, dayKey, r)
      }
      return better
    },

    /** Participants on the boards (agreed), for diagnostics and the benchmark. */
    boardMemberCount(): number {
      return ensureIndex().memberCount
    }
  }
}

export type QuizRules = ReturnType<typeof createQuizRules>
