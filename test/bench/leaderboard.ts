/**
 * Leaderboard benchmark (`npm run bench:leaderboard`, or `tsx test/bench/leaderboard.ts`).
 * Prints figures; it is not a timed test and asserts nothing but sanity.
 *
 * For 10,000 and then 100,000 participants it loads a week of daily best rounds (7 results per
 * participant: 70,000 and 700,000 results, loaded as results through the rules module's bulk
 * import, not answer by answer) into the quiz rules over an in-memory store, and prints:
 * - bulk load throughput (results/s), and one-at-a-time submission throughput (results/s) of
 *   further day results through the same path a finished ranked round takes (store + index);
 * - median and p99 of reading the top 100 (day, week, all-time boards, and the unit board);
 * - median and p99 of reading one participant's rank with the 2 entries above and below;
 * - heap used by the loaded data (the in-memory store's JSON records + the leaderboard index).
 *
 * The boards are order-statistic treaps (see `src/services/quiz/rules/boards.ts`): rank reads are
 * O(log n), so the read figures should barely move between the two sizes.
 * Options: `BENCH_SIZES=10000,100000` `BENCH_SAMPLES=1000`.
 */
import * as path from 'node:path'
import * as fs from 'node:fs'
import * as v8 from 'node:v8'
import * as vm from 'node:vm'
import type { Question } from '../../src/services/quiz/contract'
import { createQuizRules, type QuizRules } from '../../src/services/quiz/rules'
import { createQuizRepository } from '../../src/services/quiz/repository'
import { generateDemoData } from '../../src/services/quiz/rules/demo'
import { createRng } from '../../src/services/quiz/rules/random'
import { addDays, dayStartMs, weekKeyOf } from '../../src/services/quiz/rules/time'
import { createMemoryStore } from '../../src/services/core/kv'

v8.setFlagsFromString('--expose-gc')
const gc: () => void = (globalThis as { gc?: () => void }).gc ?? vm.runInNewContext('gc')

const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number)
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 1000)
// A Monday-to-Sunday week, so the weekly board holds the whole week.
const END_DAY = '2026-11-29' // a Sunday
const FIRST_DAY = addDays(END_DAY, -6)
const NOW = dayStartMs(END_DAY) + 23 * 3_600_000

const questions = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../mock/data/questions.json'), 'utf8')) as Question[]

const hr = () => Number(process.hrtime.bigint()) / 1e6 // ms

function quantiles(ms: number[]): { p50: number; p99: number } {
  const s = ms.slice().sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]
  return { p50: at(0.5), p99: at(0.99) }
}

function sample(n: number, fn: (i: number) => void): { p50: number; p99: number } {
  for (let i = 0; i < Math.min(50, n); i++) fn(i) // warm up
  const times: number[] = []
  for (let i = 0; i < n; i++) {
    const t0 = hr()
    fn(i)
    times.push(hr() - t0)
  }
  return quantiles(times)
}

interface Row {
  n: number
  results: number
  loadS: number
  loadRate: number
  submitRate: number
  top: Record<string, { p50: number; p99: number }>
  rank: Record<string, { p50: number; p99: number }>
  heapMb: number
}

function run(n: number): Row {
  gc()
  const heap0 = process.memoryUsage().heapUsed
  const units = Array.from({ length: Math.max(10, Math.round(n / 100)) }, (_, i) => `基准测试单位${String(i + 1).padStart(4, '0')}`)
  const data = generateDemoData({ participants: n, days: 7, seed: `bench-${n}`, endDay: END_DAY, nowMs: NOW, playProbability: 1, idPrefix: 'bench-', units })
  for (const r of data.results) delete r.roundId
  const store = createMemoryStore()
  let clock = NOW
  const rules: QuizRules = createQuizRules(createQuizRepository(store), { questions, now: () => clock })

  const t0 = hr()
  const loaded = rules.importResults(data.participants, data.results)
  const loadMs = hr() - t0
  if (loaded.results !== n * 7) throw new Error(`expected ${n * 7} results, loaded ${loaded.results}`)
  data.results = [] // so the heap figure is the store + the index, not the generated input

  // One-at-a-time submissions: better results for the last day, through the ranked-round path.
  const submits = Math.min(20_000, n)
  const rng = createRng(`submit-${n}`)
  const t1 = hr()
  let improved = 0
  for (let i = 0; i < submits; i++) {
    const pid = data.participants[rng.int(n)].participantId
    clock += 1
    if (rules.importDayResult(pid, END_DAY, { score: 3000 + rng.int(1000), timeMs: 100_000 + rng.int(200_000), finishedAt: clock })) improved++
  }
  const submitMs = hr() - t1
  if (improved === 0) throw new Error('no submission improved a best')

  const weekKey = weekKeyOf(END_DAY)
  const top: Row['top'] = {
    day: sample(SAMPLES, () => rules.getLeaderboard(null, { period: 'day', key: END_DAY, limit: 100 })),
    week: sample(SAMPLES, () => rules.getLeaderboard(null, { period: 'week', key: weekKey, limit: 100 })),
    all: sample(SAMPLES, () => rules.getLeaderboard(null, { period: 'all', limit: 100 })),
    'unit·week': sample(SAMPLES, () => rules.getUnitLeaderboard(null, { period: 'week', key: weekKey, limit: 100 }))
  }
  const pick = createRng(`pick-${n}`)
  const pids = Array.from({ length: SAMPLES + 50 }, () => data.participants[pick.int(n)].participantId)
  const rank: Row['rank'] = {
    day: sample(SAMPLES, (i) => rules.getLeaderboard(pids[i], { period: 'day', key: END_DAY, limit: 1, neighbours: 2 })),
    week: sample(SAMPLES, (i) => rules.getLeaderboard(pids[i], { period: 'week', key: weekKey, limit: 1, neighbours: 2 })),
    all: sample(SAMPLES, (i) => rules.getLeaderboard(pids[i], { period: 'all', limit: 1, neighbours: 2 }))
  }
  // Sanity: a participant's view has a rank, and neighbours sit right next to it.
  const me = rules.getLeaderboard(pids[0], { period: 'all', limit: 100, neighbours: 2 })
  if (!me.me || me.total !== n) throw new Error('bad view')
  if (me.neighbours.above.length && me.neighbours.above[me.neighbours.above.length - 1].rank !== me.me.rank - 1) throw new Error('bad neighbours')

  gc()
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 1048576
  // keep everything alive until measured
  if (!rules.boardMemberCount() || !store.keys().length) throw new Error('empty')
  return {
    n,
    results: loaded.results,
    loadS: loadMs / 1000,
    loadRate: loaded.results / (loadMs / 1000),
    submitRate: submits / (submitMs / 1000),
    top,
    rank,
    heapMb
  }
}

const fmtMs = (x: number) => (x < 1 ? `${(x * 1000).toFixed(0)} µs` : `${x.toFixed(2)} ms`)
const fmtRate = (x: number) => `${Math.round(x).toLocaleString('en-US')}/s`

console.log(`Leaderboard benchmark — week ${FIRST_DAY}…${END_DAY}, ${SAMPLES} samples per read, node ${process.version}, ${process.platform}/${process.arch}`)
console.log('Structure: order-statistic treap per board (score desc, time asc, finish asc, id); rank, top-N and neighbours O(log n + k).\n')
const rows: Row[] = []
for (const n of sizes) {
  const started = hr()
  rows.push(run(n))
  console.log(`  … ${n.toLocaleString('en-US')} participants done in ${((hr() - started) / 1000).toFixed(1)} s`)
}

const header = ['participants', 'results', 'bulk load', 'load rate', 'submit rate', 'heap']
const table: string[][] = [header]
for (const r of rows) table.push([r.n.toLocaleString('en-US'), r.results.toLocaleString('en-US'), `${r.loadS.toFixed(2)} s`, fmtRate(r.loadRate), fmtRate(r.submitRate), `${r.heapMb.toFixed(0)} MB`])
const printTable = (t: string[][]) => {
  const w = t[0].map((_, c) => Math.max(...t.map((row) => row[c].length)))
  t.forEach((row, i) => {
    console.log('| ' + row.map((cell, c) => cell.padEnd(w[c])).join(' | ') + ' |')
    if (i === 0) console.log('|' + w.map((x) => '-'.repeat(x + 2)).join('|') + '|')
  })
}
console.log('\nLoading (7 daily bests per participant; heap = in-memory store + index after GC)')
printTable(table)

const reads: string[][] = [['read', 'board', ...rows.flatMap((r) => [`p50 @${r.n / 1000}k`, `p99 @${r.n / 1000}k`])]]
for (const board of Object.keys(rows[0].top)) reads.push(['top 100', board, ...rows.flatMap((r) => [fmtMs(r.top[board].p50), fmtMs(r.top[board].p99)])])
for (const board of Object.keys(rows[0].rank)) reads.push(['rank ±2', board, ...rows.flatMap((r) => [fmtMs(r.rank[board].p50), fmtMs(r.rank[board].p99)])])
console.log('\nReads (through rules.getLeaderboard / getUnitLeaderboard, including validation and view building)')
printTable(reads)
if (rows.length >= 2) {
  const a = rows[0]
  const b = rows[rows.length - 1]
  console.log(`\nGrowth ${a.n.toLocaleString('en-US')} → ${b.n.toLocaleString('en-US')} (×${b.n / a.n}): rank±2 (all) median ×${(b.rank.all.p50 / a.rank.all.p50).toFixed(2)}, top 100 (all) median ×${(b.top.all.p50 / a.top.all.p50).toFixed(2)}; log2 ratio ${(Math.log2(b.n) / Math.log2(a.n)).toFixed(2)}`)
}
