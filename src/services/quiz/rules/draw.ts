/**
 * How questions are drawn for a round. Pure functions of the bank and a seeded {@link Rng}.
 *
 * **The mix rule** ({@link drawByMix}), used by 竞答 ({@link COMPETITION_MIX}: 20 questions) and
 * by 每日答题 ({@link DAILY_MIX}: 10 questions):
 *
 * 1. Topics. `localCount` questions come from 泉州地方党史 (8 of 20; 4 of 10); the rest are dealt
 *    round-robin over the other topics, in an order shuffled per draw, so every other topic gets
 *    an equal share ±1 (12 over the bank's 7 other topics: five topics give 2, two give 1). A
 *    topic that runs out passes its slot to the next; if all others run out, 泉州地方党史 fills.
 * 2. Difficulty. The slots are given levels to meet the quota (竞答: 6 easy, 10 medium, 4 hard;
 *    每日: 3/5/2), the scarcest level first, each to a random slot whose topic still has a question
 *    of that level. A slot that no quota level fits takes the level its topic has most left of.
 * 3. Within a slot's topic and level the question is random, preferring questions not in `avoid`
 *    (the participant's other rounds that day) while any are left.
 * 4. Order: easy to hard; random within a level.
 *
 * The daily set is `drawByMix(rankedPool(bank), DAILY_MIX, rng('daily|' + dayKey))`: the same 10
 * questions for everyone on that Asia/Shanghai day, and a fresh draw each day. 每日答题 and 竞答
 * draw only from {@link rankedPool} (questions with a source fit to show).
 */
import { LOCAL_TOPIC, type Difficulty, type Question } from '../contract'
import { createRng, shuffled, type Rng } from './random'

/** A draw's composition. */
export interface MixRule {
  size: number
  localTopic: string
  localCount: number
  /** Questions per difficulty level; sums to `size`. */
  difficulty: Record<Difficulty, number>
}

/** 竞答: 20 questions, 8 from 泉州地方党史, 6 easy / 10 medium / 4 hard. */
export const COMPETITION_MIX: MixRule = { size: 20, localTopic: LOCAL_TOPIC, localCount: 8, difficulty: { 1: 6, 2: 10, 3: 4 } }
/** 每日答题: 10 questions, 4 from 泉州地方党史, 3 easy / 5 medium / 2 hard. */
export const DAILY_MIX: MixRule = { size: 10, localTopic: LOCAL_TOPIC, localCount: 4, difficulty: { 1: 3, 2: 5, 3: 2 } }

const LEVELS: Difficulty[] = [1, 2, 3]

/** Questions per topic and level, each list preferred (not avoided) first, each part shuffled. */
type Pools = Map<string, Record<Difficulty, Question[]>>

/** Step 0: the pools, and the topics in bank order. */
function buildPools(bank: readonly Question[], rng: Rng, avoid: ReadonlySet<string>): { pools: Pools; topics: string[] } {
  const pools: Pools = new Map()
  const topics: string[] = []
  for (const q of bank) {
    let p = pools.get(q.topic)
    if (!p) {
      p = { 1: [], 2: [], 3: [] }
      pools.set(q.topic, p)
      topics.push(q.topic)
    }
    p[q.difficulty].push(q)
  }
  for (const t of topics) {
    const p = pools.get(t)!
    for (const d of LEVELS) {
      p[d] = [...shuffled(p[d].filter((q) => !avoid.has(q.id)), rng), ...shuffled(p[d].filter((q) => avoid.has(q.id)), rng)]
    }
  }
  return { pools, topics }
}

/** Step 1: questions per topic (the local quota, the rest round-robin over the others, then local again). */
function topicSlots(rule: MixRule, pools: Pools, topics: readonly string[], rng: Rng): Map<string, number> {
  const avail = (t: string) => {
    const p = pools.get(t)
    return p ? p[1].length + p[2].length + p[3].length : 0
  }
  const slots = new Map<string, number>()
  const local = Math.min(rule.localCount, avail(rule.localTopic))
  if (local > 0) slots.set(rule.localTopic, local)
  let left = rule.size - local
  const others = shuffled(topics.filter((t) => t !== rule.localTopic), rng)
  while (left > 0) {
    let placed = false
    for (const t of others) {
      if (left === 0) break
      if ((slots.get(t) ?? 0) < avail(t)) {
        slots.set(t, (slots.get(t) ?? 0) + 1)
        left--
        placed = true
      }
    }
    if (!placed) break
  }
  if (left > 0) {
    const more = Math.min(left, avail(rule.localTopic) - (slots.get(rule.localTopic) ?? 0))
    slots.set(rule.localTopic, (slots.get(rule.localTopic) ?? 0) + more)
    left -= more
  }
  if (left > 0) throw new Error('question bank too small for the mix')
  return slots
}

/** Step 2: a level per slot, the quota's scarcest level first; a slot no quota level fits takes its topic's most plentiful level. */
function slotLevels(rule: MixRule, pools: Pools, slots: ReadonlyMap<string, number>, rng: Rng): Array<{ topic: string; level: Difficulty }> {
  const slotList: Array<{ topic: string; level: Difficulty | null }> = []
  for (const [t, n] of slots) for (let i = 0; i < n; i++) slotList.push({ topic: t, level: null })
  const reserved = new Map<string, Record<Difficulty, number>>()
  for (const t of slots.keys()) reserved.set(t, { 1: 0, 2: 0, 3: 0 })
  const remaining = (t: string, d: Difficulty) => pools.get(t)![d].length - reserved.get(t)![d]
  const scarcity = (d: Difficulty) => [...slots.keys()].reduce((s, t) => s + pools.get(t)![d].length, 0)
  const levelOrder = LEVELS.slice().sort((a, b) => scarcity(a) - scarcity(b) || a - b)
  for (const d of levelOrder) {
    for (let k = 0; k < rule.difficulty[d]; k++) {
      const eligible = slotList.filter((s) => s.level === null && remaining(s.topic, d) > 0)
      if (!eligible.length) break
      const s = eligible[rng.int(eligible.length)]
      s.level = d
      reserved.get(s.topic)![d]++
    }
  }
  for (const s of slotList) {
    if (s.level !== null) continue
    let best: Difficulty = 2
    let bestLeft = -1
    for (const d of LEVELS) {
      const r = remaining(s.topic, d)
      if (r > bestLeft) {
        best = d
        bestLeft = r
      }
    }
    s.level = best
    reserved.get(s.topic)![best]++
  }
  return slotList as Array<{ topic: string; level: Difficulty }>
}

/**
 * Draws `rule.size` distinct questions by the mix rule (see the file comment). Throws when the
 * bank has fewer questions than `rule.size`.
 */
export function drawByMix(bank: readonly Question[], rule: MixRule, rng: Rng, avoid: ReadonlySet<string> = new Set()): Question[] {
  if (bank.length < rule.size) throw new Error(`question bank too small: ${bank.length} < ${rule.size}`)
  const { pools, topics } = buildPools(bank, rng, avoid)
  const slots = topicSlots(rule, pools, topics, rng)
  const levels = slotLevels(rule, pools, slots, rng)
  // 3. Questions; 4. order easy → hard, random within a level.
  const picked = levels.map((s) => pools.get(s.topic)![s.level].shift()!)
  return LEVELS.flatMap((d) => shuffled(picked.filter((q) => q.difficulty === d), rng))
}

/**
 * The questions 每日答题 and 竞答 may draw: those with a source fit to show. A question marked
 * `needsSource` (no source may be shown) is left out; 专题练习 may still show it, as 待核实.
 */
export function rankedPool<Q extends Pick<Question, 'needsSource'>>(bank: readonly Q[]): Q[] {
  return bank.filter((q) => !q.needsSource)
}

/** The Asia/Shanghai day's 每日答题 set: the same for everyone, seeded by the day key, from {@link rankedPool}. */
export function dailyQuestions(bank: readonly Question[], dayKey: string): Question[] {
  const pool = rankedPool(bank)
  return drawByMix(pool, { ...DAILY_MIX, size: Math.min(DAILY_MIX.size, pool.length) }, createRng(`daily|${dayKey}`))
}

/** Up to `count` questions from a list, in a random order. */
export function drawSome(questions: readonly Question[], count: number, rng: Rng): Question[] {
  return shuffled(questions, rng).slice(0, count)
}
