/**
 * Synthetic demo participants for the leaderboards, so the boards are not empty in the mock
 * sources. They are labelled as demo data everywhere: nicknames `示例学员001`…, units ending in
 * `（演示数据）`, and `demo: true` on every board entry. No real names.
 *
 * Their results follow the real scoring rule: each demo participant has a seeded accuracy and
 * speed, and each of the round's 20 questions is right or wrong with a server-style elapsed time,
 * scored by `timedScore` (so every demo score is one a real round could produce).
 */
import { COMPETITION_QUESTION_COUNT, QUESTION_TIME_MS } from '../contract'
import type { ImportParticipant, ImportResult, QuizRules } from './index'
import { createRng } from './random'
import { timedScore } from './scoring'
import { addDays, dayStartMs, DAY_MS } from './time'

/** Demo participants seeded on the boards by default (the mock source and the HTTP mock server): 60 over the last 7 days, seed `demo`. */
export const DEFAULT_DEMO = { participants: 60, days: 7, seed: 'demo' } as const

/** Demo work units, each visibly marked as demo data. */
export const DEMO_UNITS = [
  '示例单位甲（演示数据）',
  '示例支部乙（演示数据）',
  '示例学校丙（演示数据）',
  '示例社区丁（演示数据）',
  '示例单位戊（演示数据）',
  '示例学校己（演示数据）'
] as const

/** The nickname of demo participant `n` (1-based): `示例学员001`. */
export function demoNickname(n: number, width = 3): string {
  return `示例学员${String(n).padStart(width, '0')}`
}

export interface DemoDataOptions {
  /** How many demo participants. */
  participants: number
  /** How many days, ending with `endDay` (inclusive). */
  days: number
  /** Seed: the same seed gives the same data. */
  seed: number | string
  /** The last day (Asia/Shanghai `YYYY-MM-DD`). */
  endDay: string
  /** The clock: results of `endDay` finish no later than this (ms since the epoch). */
  nowMs: number
  /** Chance a participant plays on a given day (default 0.6; the benchmark uses 1). */
  playProbability?: number
  /** Participant id prefix (default `demo-`). */
  idPrefix?: string
  /** Units to spread participants over (default {@link DEMO_UNITS}). */
  units?: readonly string[]
}

/** Generates demo participants and their daily best rounds (results, not answers). Deterministic. */
export function generateDemoData(o: DemoDataOptions): { participants: ImportParticipant[]; results: ImportResult[] } {
  const rng = createRng(o.seed)
  const units = o.units ?? DEMO_UNITS
  const width = Math.max(3, String(o.participants).length)
  const prefix = o.idPrefix ?? 'demo-'
  const play = o.playProbability ?? 0.6
  const participants: ImportParticipant[] = []
  const results: ImportResult[] = []
  const firstDay = addDays(o.endDay, -(o.days - 1))
  const dayList = Array.from({ length: o.days }, (_, d) => addDays(firstDay, d))
  const starts = dayList.map(dayStartMs)
  for (let n = 1; n <= o.participants; n++) {
    const id = `${prefix}${String(n).padStart(width, '0')}`
    participants.push({ participantId: id, nickname: demoNickname(n, width), unit: units[(n - 1) % units.length], demo: true })
    const accuracy = 0.45 + rng.next() * 0.5
    const speed = 0.25 + rng.next() * 0.6
    for (let d = 0; d < o.days; d++) {
      if (rng.next() >= play) continue
      const day = dayList[d]
      const start = starts[d]
      const latest = Math.min(start + DAY_MS - 1, o.nowMs)
      // No results on days before the epoch (a test clock near 1970): times are never negative.
      if (start < 0 || latest - start < 10 * 60_000) continue
      let score = 0
      let timeMs = 0
      for (let q = 0; q < COMPETITION_QUESTION_COUNT; q++) {
        const elapsed = Math.round(QUESTION_TIME_MS * (1 - speed) * (0.4 + rng.next() * 1.2))
        const correct = rng.next() < accuracy
        score += timedScore(correct, elapsed)
        timeMs += Math.min(elapsed, QUESTION_TIME_MS)
      }
      const finishedAt = start + 7 * 3_600_000 + Math.floor(rng.next() * Math.max(1, latest - start - 7 * 3_600_000))
      results.push({ participantId: id, dayKey: day, score, timeMs, finishedAt: Math.min(finishedAt, latest), roundId: `demo-round-${n}-${day}` })
    }
  }
  return { participants, results }
}

/**
 * Seeds the boards with demo participants for the last `days` days (today included), kept in the
 * leaderboard index only (not in storage), so both mock sources call it at start-up. Idempotent:
 * the same options load the same participants again, replacing them.
 * @returns how many participants and results were loaded
 */
export function seedDemoLeaderboard(
  rules: Pick<QuizRules, 'importResults' | 'now' | 'today'>,
  opts: { participants: number; days: number; seed: number | string }
): { participants: number; results: number } {
  const data = generateDemoData({ ...opts, endDay: rules.today(), nowMs: rules.now() })
  return rules.importResults(data.participants, data.results, { persist: false })
}
