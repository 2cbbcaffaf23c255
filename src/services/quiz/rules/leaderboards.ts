/**
 * Reading the boards (individual and by work unit, per day, ISO week or all time) through the
 * leaderboard index (`boards.ts`), and the server-side imports of results (seeding, imports, the
 * benchmark) that feed the same records and index as finished ranked rounds.
 */
import { DataError, invalid } from '../../core/errors'
import { checkDisplayText, NICKNAME_MAX, UNIT_MAX } from '../../core/display-text'
import type { LeaderboardView, UnitLeaderboardView } from '../contract'
import type { StoredParticipant } from '../repository'
import { isBetterResult, type BoardMember, type BulkResult, type DayResult } from './boards'
import { run, type RulesContext } from './context'
import { offerBest } from './participants'
import { isDayKey } from './time'
import { validateBoardQuery } from './validate'

/** A participant loaded in bulk (`importResults`); imported participants have agreed to appear. */
export interface ImportParticipant {
  participantId: string
  nickname: string
  unit: string
  demo?: boolean
}

/** One imported day's best: `score` points, `timeMs` ms, `finishedAt` ms since the epoch; `roundId` default `import`. */
export type ImportResult = BulkResult & { roundId?: string }

/**
 * An individual board with the caller's own entry and neighbours; `pid` null for an anonymous read.
 * @throws DataError `INVALID_INPUT` for a bad period, key, limit or neighbours
 */
export function getLeaderboard(ctx: RulesContext, pid: string | null, query: unknown): LeaderboardView {
  const t = ctx.now()
  const q = validateBoardQuery(query, t)
  const idx = ctx.people.index()
  const consented = !!pid && idx.hasMember(pid)
  return idx.individualView(q.period, q.key, pid, q.limit, q.neighbours, consented, t)
}

/** The unit board of a period, with the caller's unit (as agreed) even outside the top. @throws as {@link getLeaderboard} */
export function getUnitLeaderboard(ctx: RulesContext, pid: string | null, query: unknown): UnitLeaderboardView {
  const t = ctx.now()
  const q = validateBoardQuery(query, t)
  const idx = ctx.people.index()
  const unit = pid ? idx.getMember(pid)?.unit || null : null
  return idx.unitView(q.period, q.key, unit, q.limit, q.neighbours, t)
}

/** Checks imported participants' ids, nicknames and units. @throws DataError `INVALID_INPUT` naming the first bad one (1-based) */
function importMembers(participants: readonly ImportParticipant[]): BoardMember[] {
  return participants.map((p, i) => {
    const nick = checkDisplayText(p.nickname, '昵称', NICKNAME_MAX, true)
    const unit = checkDisplayText(p.unit, '单位', UNIT_MAX, false)
    if (!nick.ok || !unit.ok || typeof p.participantId !== 'string' || !p.participantId) {
      throw new DataError('INVALID_INPUT', `第 ${i + 1} 位参与者：${!nick.ok ? nick.message : !unit.ok ? unit.message : '编号有误'}`)
    }
    return { id: p.participantId, nickname: nick.value, unit: unit.value, demo: !!p.demo }
  })
}

/** The results of known participants, checked. @throws DataError `INVALID_INPUT` for a bad day key or figure */
function importableResults(results: readonly ImportResult[], known: ReadonlySet<string>): ImportResult[] {
  const ok = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0
  const valid: ImportResult[] = []
  for (const r of results) {
    if (!known.has(r.participantId)) continue
    if (!isDayKey(r.dayKey) || !ok(r.score) || !ok(r.timeMs) || !ok(r.finishedAt)) throw new DataError('INVALID_INPUT', `成绩数据有误：${r.participantId} ${String(r.dayKey)}`)
    valid.push(r)
  }
  return valid
}

/** Writes imported participants (as agreed) and their results as day bests where better, in one registry update. */
function persistImport(ctx: RulesContext, members: readonly BoardMember[], results: readonly ImportResult[]): void {
  const byPid = new Map<string, ImportResult[]>()
  for (const r of results) {
    const list = byPid.get(r.participantId)
    if (list) list.push(r)
    else byPid.set(r.participantId, [r])
  }
  const records = new Map<string, StoredParticipant>() // a participant listed twice: one record, both applied
  for (const m of members) {
    const rec = records.get(m.id) ?? ctx.people.readOrFresh(m.id)
    rec.consent = { nickname: m.nickname, unit: m.unit, at: rec.consent?.at ?? ctx.now() }
    if (m.demo) rec.demo = true
    for (const r of byPid.get(m.id) ?? []) {
      const cur = rec.best[r.dayKey]
      if (!cur || isBetterResult(r, { score: cur[0], timeMs: cur[1], finishedAt: cur[2] })) rec.best[r.dayKey] = [r.score, r.timeMs, r.finishedAt, r.roundId ?? 'import']
    }
    records.set(m.id, rec)
  }
  ctx.repo.saveParticipants([...records])
}

/**
 * **Server side only** (seeding, imports, the benchmark; never route client input here): loads
 * participants, as agreed to appear, and their day bests as results. `persist: false` keeps them
 * in the index only (demo data, re-seeded at start-up). Everything is checked first; nothing is
 * loaded when one participant or result is bad.
 * @returns how many participants and results were loaded
 * @throws DataError `INVALID_INPUT`
 */
export function importResults(
  ctx: RulesContext,
  participants: readonly ImportParticipant[],
  results: readonly ImportResult[],
  opts: { persist?: boolean } = {}
): { participants: number; results: number } {
  return run(ctx, () => {
    const members = importMembers(participants)
    const valid = importableResults(results, new Set(members.map((m) => m.id)))
    const idx = ctx.people.index() // built from storage before this import is written to it
    if (opts.persist !== false) persistImport(ctx, members, valid)
    idx.bulkLoad(members, valid)
    return { participants: members.length, results: valid.length }
  })
}

/**
 * **Server side only**: offers one counted result as a participant's best of a day (`YYYY-MM-DD`),
 * the path a finished ranked round takes (record and index). For imports and the benchmark.
 * @returns whether it became the day's best
 * @throws DataError `INVALID_INPUT` (`dayKey`)
 */
export function importDayResult(ctx: RulesContext, pid: string, dayKey: string, r: DayResult, roundId: string): boolean {
  if (!isDayKey(dayKey)) throw invalid('dayKey', '日期有误（应为 YYYY-MM-DD）')
  return run(ctx, () => {
    const rec = ctx.people.readOrFresh(pid)
    const idx = ctx.people.index()
    const better = offerBest(rec, dayKey, r, roundId)
    if (better) {
      ctx.people.save(pid, rec)
      if (rec.consent) idx.setDayResult(pid, dayKey, r)
    }
    return better
  })
}
