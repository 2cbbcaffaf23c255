/** @jest-environment node */
import { DataError } from '@/services/core/errors'
import { isBetterResult, LeaderboardIndex, RankNode, RankTree, type BoardMember, type DayResult } from '@/services/quiz/rules/boards'
import { createQuizRules } from '@/services/quiz/rules'
import { createQuizRepository } from '@/services/quiz/repository'
import { DEMO_UNITS, generateDemoData, seedDemoLeaderboard } from '@/services/quiz/rules/demo'
import { createRng } from '@/services/quiz/rules/random'
import { addDays, dayStartMs, weekKeyOf } from '@/services/quiz/rules/time'
import { bank, harness, playCompetition, T0 } from './helpers'

const DAY = '2026-11-30'
const at = (h: number) => dayStartMs(DAY) + h * 3_600_000

describe('individual board order: score, then less time, then earlier finish', () => {
  it('orders ties by time used, then by finish', () => {
    const h = harness(at(22))
    const people = { a: 'A', b: 'B', c: 'C', d: 'D', e: 'E' }
    for (const [pid, nickname] of Object.entries(people)) h.rules.agreeToBoards(pid, { nickname, unit: '' })
    h.rules.importDayResult('a', DAY, { score: 3000, timeMs: 60_000, finishedAt: at(10) })
    h.rules.importDayResult('b', DAY, { score: 3000, timeMs: 50_000, finishedAt: at(12) })
    h.rules.importDayResult('c', DAY, { score: 3000, timeMs: 50_000, finishedAt: at(11) })
    h.rules.importDayResult('d', DAY, { score: 3100, timeMs: 99_000, finishedAt: at(20) })
    h.rules.importDayResult('e', DAY, { score: 2000, timeMs: 10_000, finishedAt: at(9) })
    const view = h.rules.getLeaderboard('b', { period: 'day', key: DAY })
    expect(view.entries.map((e) => e.nickname)).toEqual(['D', 'C', 'B', 'A', 'E'])
    expect(view.entries.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5])
    expect(view.me).toMatchObject({ rank: 3, nickname: 'B', isMe: true })
    expect(view.neighbours.above.map((e) => e.nickname)).toEqual(['D', 'C'])
    expect(view.neighbours.below.map((e) => e.nickname)).toEqual(['A', 'E'])
  })

  it('a day best is replaced only by a better result (an equal later one does not)', () => {
    const a: DayResult = { score: 100, timeMs: 10, finishedAt: 1 }
    expect(isBetterResult({ ...a, score: 101 }, a)).toBe(true)
    expect(isBetterResult({ ...a, timeMs: 9 }, a)).toBe(true)
    expect(isBetterResult({ ...a, finishedAt: 2 }, a)).toBe(false)
    expect(isBetterResult(a, a)).toBe(false)
  })
})

describe('weekly and all-time boards sum the daily bests', () => {
  it('sums score and time over the days of the ISO week, and over all time', () => {
    const h = harness(dayStartMs('2026-12-08') + 3_600_000)
    h.rules.agreeToBoards('p', { nickname: '小林', unit: '' })
    // 2026-11-30 (Mon) and 2026-12-06 (Sun) are W49; 2026-12-07 is W50.
    h.rules.importDayResult('p', '2026-11-30', { score: 1000, timeMs: 100_000, finishedAt: dayStartMs('2026-11-30') + 5 })
    h.rules.importDayResult('p', '2026-11-30', { score: 900, timeMs: 1_000, finishedAt: dayStartMs('2026-11-30') + 9 }) // worse: ignored
    h.rules.importDayResult('p', '2026-12-06', { score: 2000, timeMs: 200_000, finishedAt: dayStartMs('2026-12-06') + 5 })
    h.rules.importDayResult('p', '2026-12-07', { score: 3000, timeMs: 300_000, finishedAt: dayStartMs('2026-12-07') + 5 })
    expect(h.rules.getLeaderboard('p', { period: 'week', key: '2026-W49' }).me).toMatchObject({ score: 3000, timeMs: 300_000, days: 2, finishedAt: dayStartMs('2026-12-06') + 5 })
    expect(h.rules.getLeaderboard('p', { period: 'week', key: '2026-W50' }).me).toMatchObject({ score: 3000, days: 1 })
    expect(h.rules.getLeaderboard('p', { period: 'week' }).periodKey).toBe('2026-W50')
    expect(h.rules.getLeaderboard('p', { period: 'all' }).me).toMatchObject({ score: 6000, timeMs: 600_000, days: 3 })
    // A better result later the same day replaces that day's best in every sum.
    h.rules.importDayResult('p', '2026-11-30', { score: 1500, timeMs: 90_000, finishedAt: dayStartMs('2026-11-30') + 50 })
    expect(h.rules.getLeaderboard('p', { period: 'week', key: '2026-W49' }).me).toMatchObject({ score: 3500, timeMs: 290_000 })
    expect(h.rules.getLeaderboard('p', { period: 'all' }).me).toMatchObject({ score: 6500, timeMs: 590_000, days: 3 })
  })
})

describe('unit board: mean of members, ties → more participants, then earlier last finish', () => {
  it('ranks units by mean score, with participant counts', () => {
    const h = harness(at(22))
    const add = (pid: string, unit: string, score: number, hour: number) => {
      h.rules.agreeToBoards(pid, { nickname: pid, unit })
      h.rules.importDayResult(pid, DAY, { score, timeMs: 1000, finishedAt: at(hour) })
    }
    add('x1', '甲支部', 100, 9)
    add('x2', '甲支部', 300, 10) // 甲: mean 200, 2 people, last 10:00
    add('y1', '乙学校', 200, 8) // 乙: mean 200, 1 person
    add('z1', '丙单位', 200, 11)
    add('z2', '丙单位', 200, 9) // 丙: mean 200, 2 people, last 11:00
    add('w1', '丁单位', 250, 12) // 丁: mean 250
    add('solo', '', 4000, 7) // no unit: not on the unit board
    const view = h.rules.getUnitLeaderboard('y1', { period: 'day', key: DAY })
    expect(view.entries.map((e) => [e.unit, e.meanScore, e.participantCount])).toEqual([
      ['丁单位', 250, 1],
      ['甲支部', 200, 2],
      ['丙单位', 200, 2],
      ['乙学校', 200, 1]
    ])
    expect(view.entries[1].lastFinishedAt).toBe(at(10))
    expect(view.mine).toMatchObject({ unit: '乙学校', rank: 4, isMine: true })
    expect(view.total).toBe(4)
  })

  it('a member who withdraws leaves the unit’s mean, count and last finish', () => {
    const h = harness(at(22))
    for (const [pid, score, hour] of [['a', 100, 9], ['b', 300, 15]] as const) {
      h.rules.agreeToBoards(pid, { nickname: pid, unit: '甲支部' })
      h.rules.importDayResult(pid, DAY, { score, timeMs: 1000, finishedAt: at(hour) })
    }
    expect(h.rules.getUnitLeaderboard(null, { period: 'day', key: DAY }).entries[0]).toMatchObject({ meanScore: 200, participantCount: 2, lastFinishedAt: at(15) })
    h.rules.withdrawFromBoards('b')
    expect(h.rules.getUnitLeaderboard(null, { period: 'day', key: DAY }).entries[0]).toMatchObject({ meanScore: 100, participantCount: 1, lastFinishedAt: at(9) })
    h.rules.withdrawFromBoards('a')
    expect(h.rules.getUnitLeaderboard(null, { period: 'day', key: DAY }).entries).toEqual([])
  })
})

describe('me outside the top 100', () => {
  it('shows my rank and score with the entries just above and below', () => {
    const h = harness(at(23))
    const participants = Array.from({ length: 150 }, (_, i) => ({ participantId: `p${i}`, nickname: `学员${i}`, unit: '' }))
    // p0 scores highest … p149 lowest.
    const results = participants.map((p, i) => ({ participantId: p.participantId, dayKey: DAY, score: 4000 - i * 10, timeMs: 60_000, finishedAt: at(12) }))
    h.rules.importResults(participants, results)
    const view = h.rules.getLeaderboard('p119', { period: 'day', key: DAY, limit: 100, neighbours: 2 })
    expect(view.total).toBe(150)
    expect(view.entries).toHaveLength(100)
    expect(view.entries.some((e) => e.isMe)).toBe(false)
    expect(view.me).toMatchObject({ rank: 120, score: 4000 - 1190, nickname: '学员119' })
    expect(view.neighbours.above.map((e) => e.rank)).toEqual([118, 119])
    expect(view.neighbours.below.map((e) => e.rank)).toEqual([121, 122])
    const last = h.rules.getLeaderboard('p149', { period: 'day', key: DAY, neighbours: 3 })
    expect(last.me?.rank).toBe(150)
    expect(last.neighbours.below).toEqual([])
    const first = h.rules.getLeaderboard('p0', { period: 'day', key: DAY, neighbours: 3 })
    expect(first.neighbours.above).toEqual([])
    expect(first.neighbours.below.map((e) => e.rank)).toEqual([2, 3, 4])
  })
})

describe('consent', () => {
  it('nobody appears before agreeing; agreeing shows past bests; withdrawing removes from every board', () => {
    const h = harness()
    const round = playCompetition(h, 'p', { answerMs: 3_000 })
    const day = h.rules.getLeaderboard('p', { period: 'day' })
    expect(day).toMatchObject({ consented: false, me: null, total: 0 })
    expect(h.rules.getConsent('p')).toEqual({ agreed: false, nickname: '', unit: '', agreedAt: null })

    expect(h.rules.agreeToBoards('p', { nickname: ' 小林 ', unit: '丰泽区机关支部' })).toMatchObject({ agreed: true, nickname: '小林', unit: '丰泽区机关支部' })
    for (const period of ['day', 'week', 'all'] as const) {
      expect(h.rules.getLeaderboard('p', { period }).me).toMatchObject({ score: round.score, nickname: '小林', unit: '丰泽区机关支部' })
    }
    expect(h.rules.getUnitLeaderboard('p', { period: 'week' }).mine).toMatchObject({ unit: '丰泽区机关支部', participantCount: 1 })

    h.rules.withdrawFromBoards('p')
    for (const period of ['day', 'week', 'all'] as const) {
      const v = h.rules.getLeaderboard('p', { period })
      expect(v).toMatchObject({ me: null, total: 0, consented: false })
      expect(h.rules.getUnitLeaderboard('p', { period }).entries).toEqual([])
    }
    // The rounds are kept; agreeing again brings the participant back.
    expect(h.rules.listRounds('p')).toHaveLength(1)
    h.rules.agreeToBoards('p', { nickname: '小林', unit: '' })
    expect(h.rules.getLeaderboard('p', { period: 'day' }).me?.score).toBe(round.score)
  })

  it('changing the unit moves the participant between unit boards', () => {
    const h = harness()
    h.rules.agreeToBoards('p', { nickname: '小林', unit: '甲' })
    playCompetition(h, 'p')
    h.rules.agreeToBoards('p', { nickname: '小林林', unit: '乙' })
    const units = h.rules.getUnitLeaderboard('p', { period: 'day' })
    expect(units.entries.map((e) => e.unit)).toEqual(['乙'])
    expect(h.rules.getLeaderboard('p', { period: 'day' }).me?.nickname).toBe('小林林')
  })

  it.each([
    [{ nickname: '', unit: '' }, 'nickname'],
    [{ nickname: '   ', unit: '' }, 'nickname'],
    [{ nickname: '一二三四五六七八九十一二三四五六七八九十一', unit: '' }, 'nickname'],
    [{ nickname: '小\u0000林', unit: '' }, 'nickname'],
    [{ nickname: '小林\u202e', unit: '' }, 'nickname'],
    [{ nickname: '小林', unit: 'x'.repeat(41) }, 'unit'],
    [{ nickname: '小林', unit: '支部\u0007' }, 'unit'],
    [{ nickname: 42, unit: '' }, 'nickname']
  ])('refuses %j with INVALID_INPUT on %s and stores nothing', (input, field) => {
    const h = harness()
    h.rules.agreeToBoards('p', { nickname: '原来的', unit: '原单位' })
    const before = h.snapshot()
    let err: unknown
    try {
      h.rules.agreeToBoards('p', input)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(DataError)
    expect((err as DataError).code).toBe('INVALID_INPUT')
    expect((err as DataError).fields?.[field]).toBeTruthy()
    expect(h.snapshot()).toEqual(before)
    expect(h.rules.getConsent('p')).toMatchObject({ nickname: '原来的', unit: '原单位' })
  })
})

describe('the index is rebuilt from the store', () => {
  it('a new rules instance over the same store shows the same boards', () => {
    const h = harness()
    h.rules.agreeToBoards('a', { nickname: '甲', unit: '一支部' })
    h.rules.agreeToBoards('b', { nickname: '乙', unit: '一支部' })
    playCompetition(h, 'a', { answerMs: 2_000 })
    playCompetition(h, 'b', { answerMs: 6_000 })
    playCompetition(h, 'c', { answerMs: 1_000 }) // never agreed
    const again = createQuizRules(createQuizRepository(h.store), { questions: bank, now: () => h.clock.t })
    for (const period of ['day', 'week', 'all'] as const) {
      expect(again.getLeaderboard('a', { period })).toEqual(h.rules.getLeaderboard('a', { period }))
      expect(again.getUnitLeaderboard('b', { period })).toEqual(h.rules.getUnitLeaderboard('b', { period }))
    }
    expect(again.getLeaderboard(null, { period: 'day' }).entries.map((e) => e.nickname)).toEqual(['甲', '乙'])
  })
})

describe('demo data', () => {
  it('seeds labelled synthetic participants, in memory only', () => {
    const h = harness()
    const before = h.snapshot()
    const loaded = seedDemoLeaderboard(h.rules, { participants: 60, days: 7, seed: 42 })
    expect(loaded.participants).toBe(60)
    expect(h.snapshot()).toEqual(before)
    const view = h.rules.getLeaderboard(null, { period: 'week' })
    expect(view.total).toBeGreaterThan(10)
    for (const e of view.entries) {
      expect(e.demo).toBe(true)
      expect(e.nickname).toMatch(/^示例学员\d{3}$/)
      expect(e.unit).toContain('（演示数据）')
      expect(e.score).toBeLessThanOrEqual(4000 * e.days)
    }
    const units = h.rules.getUnitLeaderboard(null, { period: 'all' })
    expect(units.entries.every((u) => u.demo && (DEMO_UNITS as readonly string[]).includes(u.unit))).toBe(true)
    // A real participant ranks among them and is not demo.
    h.rules.agreeToBoards('me', { nickname: '真实学员', unit: '' })
    playCompetition(h, 'me')
    const day = h.rules.getLeaderboard('me', { period: 'day' })
    expect(day.me).toMatchObject({ demo: false, isMe: true })
    // Seeding again is idempotent.
    seedDemoLeaderboard(h.rules, { participants: 60, days: 7, seed: 42 })
    expect(h.rules.getLeaderboard(null, { period: 'week' }).total).toBe(view.total + 1)
  })

  it('is deterministic', () => {
    const o = { participants: 20, days: 3, seed: 's', endDay: DAY, nowMs: T0 }
    expect(generateDemoData(o)).toEqual(generateDemoData(o))
  })
})

// ---------------------------------------------------------------------------------------------
// Property-style checks against naive sorting (seeded)
// ---------------------------------------------------------------------------------------------

function naiveOrder<T extends { id: string; k1: number; k2: number; k3: number }>(xs: T[]): T[] {
  return xs.slice().sort((a, b) => b.k1 - a.k1 || a.k2 - b.k2 || a.k3 - b.k3 || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

describe('RankTree agrees with a naive sort', () => {
  it.each([1, 2, 3])('random inserts, updates and removals (seed %i)', (seed) => {
    const rng = createRng(seed)
    const tree = new RankTree(seed)
    const live = new Map<string, RankNode>()
    for (let step = 0; step < 3000; step++) {
      const id = `p${rng.int(400)}`
      const op = rng.next()
      const cur = live.get(id)
      if (cur && op < 0.2) {
        tree.remove(cur)
        live.delete(id)
      } else {
        if (cur) tree.remove(cur)
        const n = cur ?? new RankNode(id)
        n.k1 = rng.int(50) * 10 // many ties on score
        n.k2 = rng.int(5)
        n.k3 = rng.int(5)
        tree.insert(n)
        live.set(id, n)
      }
      if (step % 250 === 0 || step === 2999) {
        const expected = naiveOrder([...live.values()]).map((n) => n.id)
        expect(tree.toArray().map((n) => n.id)).toEqual(expected)
        expect(tree.size).toBe(expected.length)
        for (const [id, n] of live) expect(tree.rankOf(n)).toBe(expected.indexOf(id))
        const s = rng.int(Math.max(1, expected.length))
        expect(tree.range(s, 7).map((n) => n.id)).toEqual(expected.slice(s, s + 7))
        expect(tree.at(s)?.id).toBe(expected[s])
      }
    }
  })

  it('buildFrom makes a valid tree that keeps working with inserts and removals', () => {
    const rng = createRng(9)
    const nodes = Array.from({ length: 500 }, (_, i) => {
      const n = new RankNode(`n${i}`)
      n.k1 = rng.int(100)
      n.k2 = rng.int(100)
      return n
    })
    const tree = new RankTree(5)
    tree.buildFrom(naiveOrder(nodes))
    for (let i = 0; i < 200; i++) {
      const n = nodes[rng.int(nodes.length)]
      tree.remove(n)
      n.k1 = rng.int(100)
      tree.insert(n)
    }
    expect(tree.toArray().map((n) => n.id)).toEqual(naiveOrder(nodes).map((n) => n.id))
  })
})

describe('LeaderboardIndex agrees with a naive computation', () => {
  it.each([7, 8])('random day results, unit changes and withdrawals (seed %i)', (seed) => {
    const rng = createRng(seed)
    const days = Array.from({ length: 10 }, (_, i) => addDays('2026-11-26', i))
    const units = ['甲', '乙', '丙', '']
    const idx = new LeaderboardIndex()
    const members = new Map<string, BoardMember>()
    const bests = new Map<string, Map<string, DayResult>>() // everyone's bests, member or not
    let clock = 1_000_000
    const ids = Array.from({ length: 60 }, (_, i) => `u${i}`)
    // Half loaded in bulk first.
    const bulkMembers: BoardMember[] = []
    const bulkResults: Array<DayResult & { participantId: string; dayKey: string }> = []
    for (const id of ids.slice(0, 30)) {
      const m = { id, nickname: id, unit: units[rng.int(units.length)], demo: false }
      bulkMembers.push(m)
      members.set(id, m)
      bests.set(id, new Map())
      for (const d of days) {
        if (rng.next() < 0.5) continue
        const r = { score: rng.int(20) * 100, timeMs: rng.int(3) * 1000, finishedAt: clock++ }
        bulkResults.push({ ...r, participantId: id, dayKey: d })
        const prev = bests.get(id)!.get(d)
        if (!prev || isBetterResult(r, prev)) bests.get(id)!.set(d, r)
      }
    }
    idx.bulkLoad(bulkMembers, bulkResults)
    for (let step = 0; step < 1500; step++) {
      const id = ids[rng.int(ids.length)]
      const op = rng.next()
      if (op < 0.05) {
        idx.removeMember(id)
        members.delete(id)
      } else if (op < 0.12) {
        const m = { id, nickname: id, unit: units[rng.int(units.length)], demo: false }
        if (members.has(id)) idx.updateMember(m)
        else idx.addMember(m, bests.get(id) ?? new Map())
        members.set(id, m)
      } else {
        const d = days[rng.int(days.length)]
        const r = { score: rng.int(20) * 100, timeMs: rng.int(3) * 1000, finishedAt: clock++ }
        const mine = bests.get(id) ?? new Map<string, DayResult>()
        bests.set(id, mine)
        const prev = mine.get(d)
        if (!prev || isBetterResult(r, prev)) {
          mine.set(d, r)
          if (members.has(id)) idx.setDayResult(id, d, r)
        }
      }
    }
    // Naive boards.
    const check = (period: 'day' | 'week' | 'all', key: string, inPeriod: (d: string) => boolean) => {
      const rows = [...members.values()].flatMap((m) => {
        const rs = [...(bests.get(m.id) ?? new Map()).entries()].filter(([d]) => inPeriod(d)).map(([, r]) => r)
        if (!rs.length) return []
        return [{ id: m.id, unit: m.unit, k1: rs.reduce((s, r) => s + r.score, 0), k2: rs.reduce((s, r) => s + r.timeMs, 0), k3: Math.max(...rs.map((r) => r.finishedAt)), n: rs.length }]
      })
      const view = idx.individualView(period, key, null, 100, 0, false, 0)
      expect(view.entries.map((e) => [e.nickname, e.score, e.timeMs, e.finishedAt, e.days])).toEqual(naiveOrder(rows).map((r) => [r.id, r.k1, r.k2, r.k3, r.n]))
      const byUnit = new Map<string, { sum: number; count: number; last: number }>()
      for (const r of rows) {
        if (!r.unit) continue
        const u = byUnit.get(r.unit) ?? { sum: 0, count: 0, last: 0 }
        u.sum += r.k1
        u.count++
        u.last = Math.max(u.last, r.k3)
        byUnit.set(r.unit, u)
      }
      const naiveUnits = naiveOrder([...byUnit].map(([id, u]) => ({ id, k1: u.sum / u.count, k2: -u.count, k3: u.last })))
      const unitView = idx.unitView(period, key, null, 100, 0, 0)
      expect(unitView.entries.map((e) => [e.unit, e.meanScore, e.participantCount, e.lastFinishedAt])).toEqual(naiveUnits.map((u) => [u.id, u.k1, -u.k2, u.k3]))
    }
    for (const d of days) check('day', d, (x) => x === d)
    for (const w of new Set(days.map(weekKeyOf))) check('week', w, (x) => weekKeyOf(x) === w)
    check('all', 'all', () => true)
  })
})

describe('bulk import equals one-at-a-time', () => {
  it('gives the same boards', () => {
    const o = { participants: 80, days: 9, seed: 3, endDay: DAY, nowMs: at(23), units: ['甲', '乙', '丙'], idPrefix: 'x-' }
    const generated = generateDemoData(o)
    const data = { ...generated, participants: generated.participants.map((p) => ({ ...p, demo: false })) }
    const bulk = harness(at(23))
    bulk.rules.importResults(data.participants, data.results)
    const single = harness(at(23))
    for (const p of data.participants) single.rules.agreeToBoards(p.participantId, { nickname: p.nickname, unit: p.unit })
    for (const r of data.results) single.rules.importDayResult(r.participantId, r.dayKey, r)
    for (const [period, key] of [['day', DAY], ['week', weekKeyOf(DAY)], ['week', weekKeyOf(addDays(DAY, -7))], ['all', undefined]] as const) {
      const q = { period, key, limit: 100 }
      const strip = (v: { generatedAt: number }) => ({ ...v, generatedAt: 0 })
      expect(strip(bulk.rules.getLeaderboard('x-005', q))).toEqual(strip(single.rules.getLeaderboard('x-005', q)))
      expect(strip(bulk.rules.getUnitLeaderboard('x-005', q))).toEqual(strip(single.rules.getUnitLeaderboard('x-005', q)))
    }
  })
})
