/**
 * The leaderboards' in-memory index: daily, weekly and all-time boards, individual and by work
 * unit, each kept in an **order-statistic treap** so that every read and write is O(log n) in the
 * number of participants on the board:
 *
 * - a treap (a binary search tree whose nodes also carry random heap priorities, which keeps its
 *   expected depth at O(log n)) ordered by the board's sort key, each node augmented with the size
 *   of its subtree;
 * - upsert of a participant's score = delete the old node + insert the new one: O(log n);
 * - the rank of a participant = one walk from the root summing left-subtree sizes: O(log n)
 *   (the participant's node is found through a `Map` from id to node, O(1));
 * - the top N, and the K entries just above and below a rank = select the first index in
 *   O(log n), then an in-order walk: O(log n + N).
 *
 * Sort keys, all ascending in the tree (so rank 1 is the leftmost node):
 * - individual boards: score descending, time used ascending, finish ascending, then the
 *   participant id (so ranks are distinct positions and the order is total and deterministic);
 * - unit boards: mean score descending, participant count descending, latest member finish
 *   ascending, then the unit name.
 *
 * Periods: a day board per Asia/Shanghai day holds each member's best counted round of that day;
 * a week board per ISO week and the all-time board hold, per member, the sums of score and time
 * of their daily bests in the period, the number of such days, and the latest of their finishes.
 * A unit board is kept beside every individual board: per unit the sum of its members' scores on
 * that board, their count and the latest finish, ranked by sum ÷ count.
 *
 * Bulk loads (seeding, imports, the benchmark) sort each board's new entries and rebuild the tree
 * balanced from the merged order, O(n + m log m), instead of m single inserts.
 *
 * One operation is not logarithmic: when a member leaves a unit (withdrawn consent, a unit
 * change) and was that unit's latest finisher, the unit's latest finish is found by a scan of the
 * board (O(n)); both are rare, user-initiated events.
 *
 * Only members (participants who agreed to appear) are in the index. The index is not persisted:
 * the quiz rules rebuild it from the stored participant records (`participants.ts`) on first
 * use, and demo participants are loaded straight into it.
 */
import type { BoardPeriod, LeaderboardEntry, LeaderboardView, UnitBoardEntry, UnitLeaderboardView } from '../contract'
import { weekDays, weekKeyOf } from './time'

/** One counted round's figures: points, time used (ms), finish (ms since the epoch). */
export interface DayResult {
  score: number
  timeMs: number
  finishedAt: number
}

/** A participant shown on the boards. `unit` '' means no unit (not on the unit boards). */
export interface BoardMember {
  id: string
  nickname: string
  unit: string
  demo: boolean
}

/**
 * Whether result `a` ranks before `b` for the same participant's best of a day: higher score,
 * then less time, then the earlier finish (an equal later round does not replace the earlier one).
 */
export function isBetterResult(a: DayResult, b: DayResult): boolean {
  if (a.score !== b.score) return a.score > b.score
  if (a.timeMs !== b.timeMs) return a.timeMs < b.timeMs
  return a.finishedAt < b.finishedAt
}

// ---------------------------------------------------------------------------------------------
// Order-statistic treap
// ---------------------------------------------------------------------------------------------

/**
 * A tree node; its sort key is (`k1` desc, `k2` asc, `k3` asc, `id` asc). Never change the key of
 * a node while it is in a tree.
 */
export class RankNode {
  k1 = 0
  k2 = 0
  k3 = 0
  /** Individual: days counted. Unit: member count. */
  n = 0
  /** Individual: the member's unit ('' for none). */
  unit = ''
  demo = false
  prio = 0
  size = 1
  left: RankNode | null = null
  right: RankNode | null = null
  constructor(readonly id: string) {}
}

/** Whether `a` sorts before `b`. */
function before(a: RankNode, b: RankNode): boolean {
  if (a.k1 !== b.k1) return a.k1 > b.k1
  if (a.k2 !== b.k2) return a.k2 < b.k2
  if (a.k3 !== b.k3) return a.k3 < b.k3
  return a.id < b.id
}

/** Sort comparator for the same order as {@link before}. */
function compareNodes(a: RankNode, b: RankNode): number {
  return before(a, b) ? -1 : before(b, a) ? 1 : 0
}

const sz = (t: RankNode | null) => (t ? t.size : 0)

/** An order-statistic treap over {@link RankNode}s: insert, remove, rank-of and select in expected O(log n). */
export class RankTree {
  private root: RankNode | null = null
  private seed: number

  constructor(seed = 0x2545f491) {
    this.seed = seed >>> 0 || 1
  }

  get size(): number {
    return sz(this.root)
  }

  private nextPrio(): number {
    // xorshift32
    let x = this.seed
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    this.seed = x >>> 0
    return this.seed
  }

  /** Inserts a node that is not in the tree. */
  insert(node: RankNode): void {
    node.left = node.right = null
    node.size = 1
    node.prio = this.nextPrio()
    this.root = this.ins(this.root, node)
  }

  /** Removes a node that is in the tree. */
  remove(node: RankNode): void {
    this.root = this.rem(this.root, node)
    node.left = node.right = null
    node.size = 1
  }

  /** 0-based position of a node that is in the tree. */
  rankOf(node: RankNode): number {
    let t = this.root
    let r = 0
    while (t) {
      if (t === node) return r + sz(t.left)
      if (before(node, t)) t = t.left
      else {
        r += sz(t.left) + 1
        t = t.right
      }
    }
    throw new Error('RankTree.rankOf: node not in tree')
  }

  /** The node at 0-based position `i`, or null. */
  at(i: number): RankNode | null {
    let t = this.root
    while (t) {
      const l = sz(t.left)
      if (i < l) t = t.left
      else if (i === l) return t
      else {
        i -= l + 1
        t = t.right
      }
    }
    return null
  }

  /** The nodes at positions [start, start + count), in order. O(log n + count). */
  range(start: number, count: number): RankNode[] {
    const out: RankNode[] = []
    const s = Math.max(0, start)
    const end = Math.min(this.size, start + count)
    if (end > s) this.collect(this.root, s, end, 0, out)
    return out
  }

  /**
   * Replaces the tree's contents with `sorted` (nodes in tree order): a perfectly balanced tree in
   * O(n), for bulk loads. Priorities decrease with depth (each level takes a 2^26-wide band, random
   * within it), so the heap property holds and later random-priority inserts keep it a valid treap.
   */
  buildFrom(sorted: RankNode[]): void {
    const build = (lo: number, hi: number, depth: number): RankNode | null => {
      if (lo >= hi) return null
      const mid = (lo + hi) >>> 1
      const n = sorted[mid]
      n.prio = Math.max(0, 0xffffffff - depth * 0x4000000 - (this.nextPrio() & 0x3ffffff)) >>> 0
      n.left = build(lo, mid, depth + 1)
      n.right = build(mid + 1, hi, depth + 1)
      n.size = hi - lo
      return n
    }
    this.root = build(0, sorted.length, 0)
  }

  /** Every node in order (tests). */
  toArray(): RankNode[] {
    return this.range(0, this.size)
  }

  private collect(t: RankNode | null, start: number, end: number, offset: number, out: RankNode[]): void {
    while (t) {
      const idx = offset + sz(t.left)
      if (start < idx) this.collect(t.left, start, end, offset, out)
      if (idx >= end) return
      if (idx >= start) out.push(t)
      offset = idx + 1
      if (end <= offset) return
      t = t.right
    }
  }

  private ins(t: RankNode | null, n: RankNode): RankNode {
    if (!t) return n
    if (n.prio > t.prio) {
      this.split(t, n)
      n.left = this.splitL
      n.right = this.splitR
      n.size = 1 + sz(n.left) + sz(n.right)
      return n
    }
    if (before(n, t)) t.left = this.ins(t.left, n)
    else t.right = this.ins(t.right, n)
    t.size++
    return t
  }

  private splitL: RankNode | null = null
  private splitR: RankNode | null = null

  /** Splits `t` into the nodes before `n` (splitL) and after it (splitR). */
  private split(t: RankNode | null, n: RankNode): void {
    if (!t) {
      this.splitL = this.splitR = null
      return
    }
    if (before(t, n)) {
      this.split(t.right, n)
      t.right = this.splitL
      t.size = 1 + sz(t.left) + sz(t.right)
      this.splitL = t
    } else {
      this.split(t.left, n)
      t.left = this.splitR
      t.size = 1 + sz(t.left) + sz(t.right)
      this.splitR = t
    }
  }

  private rem(t: RankNode | null, n: RankNode): RankNode | null {
    if (!t) throw new Error('RankTree.remove: node not in tree')
    if (t === n) return this.merge(t.left, t.right)
    if (before(n, t)) t.left = this.rem(t.left, n)
    else t.right = this.rem(t.right, n)
    t.size--
    return t
  }

  private merge(a: RankNode | null, b: RankNode | null): RankNode | null {
    if (!a) return b
    if (!b) return a
    if (a.prio > b.prio) {
      a.right = this.merge(a.right, b)
      a.size = 1 + sz(a.left) + sz(a.right)
      return a
    }
    b.left = this.merge(a, b.left)
    b.size = 1 + sz(b.left) + sz(b.right)
    return b
  }
}

// ---------------------------------------------------------------------------------------------
// Boards
// ---------------------------------------------------------------------------------------------

interface UnitAgg {
  sum: number
  count: number
  demoCount: number
  last: number
  node: RankNode
}

interface MemberValues {
  k1: number
  k3: number
  unit: string
  demo: boolean
}

/** The unit board beside an individual board: mean of members' scores, count, latest finish. */
class UnitBoard {
  readonly tree: RankTree
  readonly agg = new Map<string, UnitAgg>()

  constructor(private readonly members: Map<string, RankNode>, seed: number) {
    this.tree = new RankTree(seed)
  }

  /** Applies one member's change (`old` → `neu`; null for absent). The member map is already updated. */
  change(old: MemberValues | null, neu: MemberValues | null): void {
    if (old && neu && old.unit && old.unit === neu.unit) {
      const a = this.agg.get(old.unit)!
      a.sum += neu.k1 - old.k1
      a.demoCount += Number(neu.demo) - Number(old.demo)
      if (neu.k3 >= a.last) a.last = neu.k3
      else if (old.k3 === a.last) a.last = this.rescanLast(old.unit)
      this.reposition(a)
      return
    }
    if (old && old.unit) {
      const a = this.agg.get(old.unit)!
      a.sum -= old.k1
      a.count--
      a.demoCount -= Number(old.demo)
      if (a.count === 0) {
        this.tree.remove(a.node)
        this.agg.delete(old.unit)
      } else {
        if (old.k3 === a.last) a.last = this.rescanLast(old.unit)
        this.reposition(a)
      }
    }
    if (neu && neu.unit) {
      let a = this.agg.get(neu.unit)
      if (!a) {
        a = { sum: 0, count: 0, demoCount: 0, last: 0, node: new RankNode(neu.unit) }
        this.agg.set(neu.unit, a)
      } else this.tree.remove(a.node)
      a.sum += neu.k1
      a.count++
      a.demoCount += Number(neu.demo)
      if (neu.k3 > a.last) a.last = neu.k3
      this.place(a)
    }
  }

  /** Adds a new member to its unit's figures without touching the tree; call {@link rebuild} after a batch. */
  addQuiet(neu: RankNode): void {
    if (!neu.unit) return
    let a = this.agg.get(neu.unit)
    if (!a) {
      a = { sum: 0, count: 0, demoCount: 0, last: 0, node: new RankNode(neu.unit) }
      this.agg.set(neu.unit, a)
    }
    a.sum += neu.k1
    a.count++
    a.demoCount += Number(neu.demo)
    if (neu.k3 > a.last) a.last = neu.k3
  }

  /** Rebuilds the unit tree from the figures. O(u log u). */
  rebuild(): void {
    const all: RankNode[] = []
    for (const a of this.agg.values()) {
      a.node.k1 = a.sum / a.count
      a.node.k2 = -a.count
      a.node.k3 = a.last
      a.node.n = a.count
      a.node.demo = a.demoCount === a.count
      all.push(a.node)
    }
    this.tree.buildFrom(all.sort(compareNodes))
  }

  /** The latest finish among a unit's members: a scan, needed only when the latest one leaves or moves back. */
  private rescanLast(unit: string): number {
    let last = 0
    for (const m of this.members.values()) if (m.unit === unit && m.k3 > last) last = m.k3
    return last
  }

  private reposition(a: UnitAgg): void {
    this.tree.remove(a.node)
    this.place(a)
  }

  private place(a: UnitAgg): void {
    a.node.k1 = a.sum / a.count
    a.node.k2 = -a.count
    a.node.k3 = a.last
    a.node.n = a.count
    a.node.demo = a.demoCount === a.count
    this.tree.insert(a.node)
  }
}

/** One period's individual board and its unit board. */
export class Board {
  readonly tree: RankTree
  readonly nodes = new Map<string, RankNode>()
  readonly units: UnitBoard

  constructor(seed: number) {
    this.tree = new RankTree(seed)
    this.units = new UnitBoard(this.nodes, seed ^ 0x9e3779b9)
  }

  get size(): number {
    return this.tree.size
  }

  /** Sets a member's figures (score, time used, latest finish, days counted). O(log n). */
  put(m: BoardMember, score: number, timeMs: number, finishedAt: number, days: number): void {
    let node = this.nodes.get(m.id)
    let old: MemberValues | null = null
    if (node) {
      old = { k1: node.k1, k3: node.k3, unit: node.unit, demo: node.demo }
      this.tree.remove(node)
    } else {
      node = new RankNode(m.id)
      this.nodes.set(m.id, node)
    }
    node.k1 = score
    node.k2 = timeMs
    node.k3 = finishedAt
    node.n = days
    node.unit = m.unit
    node.demo = m.demo
    this.tree.insert(node)
    this.units.change(old, { k1: score, k3: finishedAt, unit: m.unit, demo: m.demo })
  }

  /**
   * Adds many members not yet on this board. When the batch is large next to the board, the tree
   * is rebuilt from the merged sorted order (O((n + m) + m log m)); otherwise they are inserted one
   * by one (O(m log n)).
   */
  bulkAdd(items: Array<{ m: BoardMember; score: number; timeMs: number; finishedAt: number; days: number }>): void {
    const fresh: RankNode[] = []
    for (const it of items) {
      if (this.nodes.has(it.m.id)) {
        this.put(it.m, it.score, it.timeMs, it.finishedAt, it.days)
        continue
      }
      const node = new RankNode(it.m.id)
      node.k1 = it.score
      node.k2 = it.timeMs
      node.k3 = it.finishedAt
      node.n = it.days
      node.unit = it.m.unit
      node.demo = it.m.demo
      this.nodes.set(node.id, node)
      fresh.push(node)
      this.units.addQuiet(node)
    }
    if (fresh.length * 4 >= this.tree.size) {
      fresh.sort(compareNodes)
      const old = this.tree.toArray()
      const merged: RankNode[] = new Array(old.length + fresh.length)
      let i = 0
      let j = 0
      let k = 0
      while (i < old.length && j < fresh.length) merged[k++] = before(old[i], fresh[j]) ? old[i++] : fresh[j++]
      while (i < old.length) merged[k++] = old[i++]
      while (j < fresh.length) merged[k++] = fresh[j++]
      this.tree.buildFrom(merged)
    } else {
      for (const n of fresh) this.tree.insert(n)
    }
    this.units.rebuild()
  }

  /** Removes a member; no-op when absent. */
  delete(id: string): void {
    const node = this.nodes.get(id)
    if (!node) return
    this.tree.remove(node)
    this.nodes.delete(id)
    this.units.change({ k1: node.k1, k3: node.k3, unit: node.unit, demo: node.demo }, null)
  }

  get(id: string): DayResult | undefined {
    const n = this.nodes.get(id)
    return n ? { score: n.k1, timeMs: n.k2, finishedAt: n.k3 } : undefined
  }
}

/** A result to load in bulk: one participant's best counted round of one day. */
export interface BulkResult extends DayResult {
  participantId: string
  dayKey: string
}

/**
 * The index of every board. Boards are created on first use; a board with nobody on it reads as empty.
 */
export class LeaderboardIndex {
  private readonly members = new Map<string, BoardMember>()
  private readonly days = new Map<string, Board>()
  private readonly weeks = new Map<string, Board>()
  private readonly all = new Board(0x1234567)
  private boardSeed = 0x51ed27

  get memberCount(): number {
    return this.members.size
  }

  hasMember(id: string): boolean {
    return this.members.has(id)
  }

  getMember(id: string): BoardMember | undefined {
    return this.members.get(id)
  }

  /** The board of a period, or undefined when nobody is on it yet. `key`: day, week, or ignored for `all`. */
  board(period: BoardPeriod, key: string): Board | undefined {
    if (period === 'all') return this.all
    return (period === 'day' ? this.days : this.weeks).get(key)
  }

  private boardFor(map: Map<string, Board>, key: string): Board {
    let b = map.get(key)
    if (!b) {
      this.boardSeed = (Math.imul(this.boardSeed, 1103515245) + 12345) >>> 0
      b = new Board(this.boardSeed)
      map.set(key, b)
    }
    return b
  }

  /**
   * Adds (or replaces) a member with all their daily bests. O(d log n) for d days.
   * @param days day key → that day's best counted round
   */
  addMember(member: BoardMember, days: Iterable<[string, DayResult]>): void {
    if (this.members.has(member.id)) this.removeMember(member.id)
    const m: BoardMember = { ...member }
    this.members.set(m.id, m)
    const weeks = new Map<string, { score: number; time: number; last: number; n: number }>()
    let score = 0
    let time = 0
    let last = 0
    let n = 0
    for (const [day, r] of days) {
      this.boardFor(this.days, day).put(m, r.score, r.timeMs, r.finishedAt, 1)
      const wk = weekKeyOf(day)
      const w = weeks.get(wk) ?? { score: 0, time: 0, last: 0, n: 0 }
      w.score += r.score
      w.time += r.timeMs
      w.last = Math.max(w.last, r.finishedAt)
      w.n++
      weeks.set(wk, w)
      score += r.score
      time += r.timeMs
      last = Math.max(last, r.finishedAt)
      n++
    }
    for (const [wk, w] of weeks) this.boardFor(this.weeks, wk).put(m, w.score, w.time, w.last, w.n)
    if (n > 0) this.all.put(m, score, time, last, n)
  }

  /** Removes a member from every board (withdrawn consent). O(B log n) for B boards. */
  removeMember(id: string): void {
    if (!this.members.delete(id)) return
    for (const b of this.days.values()) b.delete(id)
    for (const b of this.weeks.values()) b.delete(id)
    this.all.delete(id)
  }

  /** Changes a member's nickname or unit, keeping their results. */
  updateMember(member: BoardMember): void {
    const cur = this.members.get(member.id)
    if (!cur) return
    if (cur.unit === member.unit && cur.demo === member.demo) {
      cur.nickname = member.nickname
      return
    }
    const days: Array<[string, DayResult]> = []
    for (const [day, b] of this.days) {
      const r = b.get(member.id)
      if (r) days.push([day, r])
    }
    this.addMember(member, days)
  }

  /**
   * Sets a member's best of a day (the caller has decided it beats the previous one) and updates
   * that week's and the all-time sums. O(log n). No-op for a non-member.
   */
  setDayResult(id: string, dayKey: string, r: DayResult): void {
    const m = this.members.get(id)
    if (!m) return
    const dayBoard = this.boardFor(this.days, dayKey)
    const old = dayBoard.get(id)
    dayBoard.put(m, r.score, r.timeMs, r.finishedAt, 1)
    // The week: recompute from its (at most 7) day boards.
    const wk = weekKeyOf(dayKey)
    const weekBoard = this.boardFor(this.weeks, wk)
    let ws = 0
    let wt = 0
    let wl = 0
    let wn = 0
    for (const b of this.weekDayBoards(wk)) {
      const x = b.get(id)
      if (x) {
        ws += x.score
        wt += x.timeMs
        wl = Math.max(wl, x.finishedAt)
        wn++
      }
    }
    weekBoard.put(m, ws, wt, wl, wn)
    // All time: incremental, with a rescan only when the latest finish moved back.
    const cur = this.all.nodes.get(id)
    if (!cur) {
      this.all.put(m, r.score, r.timeMs, r.finishedAt, 1)
      return
    }
    let last = Math.max(cur.k3, r.finishedAt)
    if (old && old.finishedAt === cur.k3 && r.finishedAt < old.finishedAt) {
      last = 0
      for (const b of this.days.values()) {
        const x = b.get(id)
        if (x && x.finishedAt > last) last = x.finishedAt
      }
    }
    this.all.put(m, cur.k1 - (old?.score ?? 0) + r.score, cur.k2 - (old?.timeMs ?? 0) + r.timeMs, last, cur.n + (old ? 0 : 1))
  }

  private weekDayBoards(weekKey: string): Board[] {
    const out: Board[] = []
    for (const day of weekDays(weekKey)) {
      const b = this.days.get(day)
      if (b) out.push(b)
    }
    return out
  }

  /**
   * Loads many members and their daily bests at once (seeding, imports, the benchmark). Results
   * of unknown members are ignored; a member's later result for the same day replaces an earlier
   * one only when better. O(r log n).
   */
  bulkLoad(members: Iterable<BoardMember>, results: Iterable<BulkResult>): void {
    const byMember = new Map<string, Map<string, DayResult>>()
    const list: BoardMember[] = []
    for (const m of members) {
      if (byMember.has(m.id)) continue
      list.push(m)
      byMember.set(m.id, new Map())
    }
    for (const r of results) {
      const days = byMember.get(r.participantId)
      if (!days) continue
      const prev = days.get(r.dayKey)
      if (!prev || isBetterResult(r, prev)) days.set(r.dayKey, { score: r.score, timeMs: r.timeMs, finishedAt: r.finishedAt })
    }
    type Item = { m: BoardMember; score: number; timeMs: number; finishedAt: number; days: number }
    const batches = new Map<Board, Item[]>()
    const add = (b: Board, it: Item) => {
      const list = batches.get(b)
      if (list) list.push(it)
      else batches.set(b, [it])
    }
    for (const member of list) {
      const fresh = byMember.get(member.id)!
      if (this.members.has(member.id)) {
        // Already on the boards: merge with what the member has, then re-add (slow path).
        for (const [day, b] of this.days) {
          const r = b.get(member.id)
          const f = fresh.get(day)
          if (r && (!f || isBetterResult(r, f))) fresh.set(day, r)
        }
        this.addMember(member, fresh)
        continue
      }
      const m: BoardMember = { ...member }
      this.members.set(m.id, m)
      const weeks = new Map<string, Item>()
      const total: Item = { m, score: 0, timeMs: 0, finishedAt: 0, days: 0 }
      for (const [day, r] of fresh) {
        add(this.boardFor(this.days, day), { m, score: r.score, timeMs: r.timeMs, finishedAt: r.finishedAt, days: 1 })
        const wk = weekKeyOf(day)
        let w = weeks.get(wk)
        if (!w) {
          w = { m, score: 0, timeMs: 0, finishedAt: 0, days: 0 }
          weeks.set(wk, w)
        }
        for (const x of [w, total]) {
          x.score += r.score
          x.timeMs += r.timeMs
          x.finishedAt = Math.max(x.finishedAt, r.finishedAt)
          x.days++
        }
      }
      for (const [wk, w] of weeks) add(this.boardFor(this.weeks, wk), w)
      if (total.days > 0) add(this.all, total)
    }
    for (const [board, items] of batches) board.bulkAdd(items)
  }

  // -------------------------------------------------------------------------------------------
  // Reads
  // -------------------------------------------------------------------------------------------

  private entry(node: RankNode, rank: number, meId: string | null): LeaderboardEntry {
    const m = this.members.get(node.id)
    return {
      rank,
      nickname: m?.nickname || '匿名',
      unit: m?.unit ?? '',
      score: node.k1,
      timeMs: node.k2,
      finishedAt: node.k3,
      days: node.n,
      demo: node.demo,
      isMe: node.id === meId
    }
  }

  /**
   * The individual board: top `limit`, the participant's own entry (even outside the top) and
   * `neighbours` entries just above and below it. O(log n + limit + neighbours).
   */
  individualView(period: BoardPeriod, periodKey: string, meId: string | null, limit: number, neighbours: number, consented: boolean, now: number): LeaderboardView {
    const b = this.board(period, periodKey)
    const view: LeaderboardView = {
      period,
      periodKey,
      total: b?.size ?? 0,
      entries: [],
      me: null,
      neighbours: { above: [], below: [] },
      consented,
      generatedAt: now
    }
    if (!b) return view
    view.entries = b.tree.range(0, limit).map((n, i) => this.entry(n, i + 1, meId))
    const node = meId ? b.nodes.get(meId) : undefined
    if (node) {
      const r = b.tree.rankOf(node)
      view.me = this.entry(node, r + 1, meId)
      const from = Math.max(0, r - neighbours)
      view.neighbours.above = b.tree.range(from, r - from).map((n, i) => this.entry(n, from + i + 1, meId))
      view.neighbours.below = b.tree.range(r + 1, neighbours).map((n, i) => this.entry(n, r + i + 2, meId))
    }
    return view
  }

  /** The unit board, with the participant's own unit even outside the top. O(log u + limit). */
  unitView(period: BoardPeriod, periodKey: string, myUnit: string | null, limit: number, neighbours: number, now: number): UnitLeaderboardView {
    const b = this.board(period, periodKey)
    const view: UnitLeaderboardView = {
      period,
      periodKey,
      total: b?.units.tree.size ?? 0,
      entries: [],
      mine: null,
      neighbours: { above: [], below: [] },
      generatedAt: now
    }
    if (!b) return view
    const t = b.units.tree
    const entry = (n: RankNode, rank: number): UnitBoardEntry => ({
      rank,
      unit: n.id,
      meanScore: n.k1,
      participantCount: n.n,
      lastFinishedAt: n.k3,
      demo: n.demo,
      isMine: n.id === myUnit
    })
    view.entries = t.range(0, limit).map((n, i) => entry(n, i + 1))
    const mine = myUnit ? b.units.agg.get(myUnit) : undefined
    if (mine) {
      const r = t.rankOf(mine.node)
      view.mine = entry(mine.node, r + 1)
      const from = Math.max(0, r - neighbours)
      view.neighbours.above = t.range(from, r - from).map((n, i) => entry(n, from + i + 1))
      view.neighbours.below = t.range(r + 1, neighbours).map((n, i) => entry(n, r + i + 2))
    }
    return view
  }
}
