/**
 * Where the quiz rules keep their records: participants (consent, day bests, attempts), rounds,
 * each participant's list of rounds, and the 错题本. The rules call only these operations; an
 * implementation may keep them anywhere (Taro storage on the device, memory in the HTTP mock
 * server, a database later) without touching the rules.
 *
 * {@link createQuizRepository} implements it over a {@link KeyValueStore}, one record per key
 * (the key names of the earlier layout, so data already on a device still reads):
 * - `quiz:p:<pid>` a participant record;
 * - `quiz:round:<id>` one round;
 * - `quiz:rounds:<pid>` the participant's round list (newest first, at most {@link MAX_ROUNDS_KEPT} refs);
 * - `quiz:wrong:<pid>` the participant's 错题本 (at most one entry per bank question);
 * - `quiz:reg` (`{ count }`) and `quiz:reg:<n>` (pages of {@link REGISTRY_PAGE} ids): the registry
 *   of participant ids, appended to, never rewritten whole.
 *
 * Every read validates what it finds (shape and bounds, see the `parse…` functions): a corrupt or
 * absurd stored value (wrong type, a huge string, an oversized list, numbers out of range) reads
 * as absent or empty, checked in time proportional to the bounds, never to the stored size, and
 * never throws.
 */
import { createJournaledStore, type KeyValueStore } from '../core/kv'
import { NICKNAME_MAX, UNIT_MAX } from '../core/display-text'
import { MAX_ROUNDS_KEPT, QUIZ_MODES, type PracticeSource, type QuizMode, type RoundStatus } from './contract'
import { isDayKey } from './rules/time'

// ---------------------------------------------------------------------------------------------
// Stored shapes
// ---------------------------------------------------------------------------------------------

/** An accepted answer as stored. */
export interface StoredAnswer {
  /** Indexes in the participant's shuffled order, as submitted. */
  choice: number[]
  /** The submission's idempotency key. */
  key: string
  /** When it was received, ms since the epoch (the server's clock). */
  at: number
  correct: boolean
  /** Points scored. */
  score: number
  /** Time counted for the question, ms. */
  timeMs: number
}

/** One question of a stored round. */
export interface StoredItem {
  questionId: string
  /** Displayed option i is the bank's option perm[i]; null = the bank's order. */
  perm: number[] | null
  /** When the question was opened, ms since the epoch; null while not yet opened (timed rounds). */
  openedAt: number | null
  answer: StoredAnswer | null
  timedOut: boolean
}

/** A round as stored (version 1). Times are ms since the epoch. */
export interface StoredRound {
  v: 1
  id: string
  /** The participant who plays it. */
  pid: string
  mode: QuizMode
  ranked: boolean
  attemptNumber: number
  /** Asia/Shanghai day of the start, `YYYY-MM-DD`. */
  dayKey: string
  startedAt: number
  expiresAt: number
  status: RoundStatus
  finishedAt: number | null
  /** The idempotency key that started it. */
  startKey: string
  finishKey: string | null
  practice: PracticeSource | null
  timed: boolean
  items: StoredItem[]
  /** Timed rounds: index of the most recently opened question, -1 before the first. */
  current: number
}

/** A day's best counted round: [score (points), timeMs (ms), finishedAt (ms since the epoch), roundId]. */
export type StoredBest = [number, number, number, string]

/** A participant's quiz record (version 1). */
export interface StoredParticipant {
  v: 1
  /** As whom the participant agreed to appear on the boards (`at` ms since the epoch); null when not agreed. */
  consent: { nickname: string; unit: string; at: number } | null
  /** Best counted round per Asia/Shanghai day key. */
  best: Record<string, StoredBest>
  /** 竞答 rounds started per day (kept for 8 days). */
  attempts: Record<string, number>
  /** The day's 每日答题 round id (kept for 8 days). */
  daily: Record<string, string>
  /** A demo participant (seeded or imported as demo data). */
  demo?: boolean
}

/** An entry of a participant's round list (enough to find a round without reading it). */
export interface StoredRoundRef {
  id: string
  mode: QuizMode
  dayKey: string
  /** The idempotency key that started the round. */
  startKey: string
  /** ms since the epoch. */
  startedAt: number
}

/** A 错题本 entry as stored (times ms since the epoch). */
export interface StoredWrong {
  questionId: string
  addedAt: number
  lastWrongAt: number
  wrongCount: number
  rightCount: number
}

// ---------------------------------------------------------------------------------------------
// The interface
// ---------------------------------------------------------------------------------------------

/**
 * The quiz feature's storage operations. Reads return validated records (or null / an empty
 * list for absent or corrupt ones); the rules check what only they can know (a round's owner,
 * whether its questions are still in the bank).
 *
 * ## Atomicity
 * The rules run each operation that writes (start a round, open a question, answer, finish,
 * agree, withdraw, import) as one {@link QuizRepository.atomically} unit: they read, check, then
 * write. That is what makes **an answer counted once** (the check "this question has no answer
 * yet" and the write of the answer cannot be separated by a second submission) and **a round
 * started once per idempotency key** (the look-up of the key in the round list and the write of
 * the new round and list cannot be separated by a second start with the same key). Besides,
 * {@link QuizRepository.saveParticipant} is atomic in itself (the record and its registry entry).
 */
export interface QuizRepository {
  /**
   * Runs `fn` as one unit: no other unit's writes happen between its reads and writes.
   * **Atomic and all-or-nothing.** The rules check everything before their first write; when a
   * write itself fails mid-way (a full phone), the unit's earlier writes are undone
   * ({@link createJournaledStore}), so a step is either wholly saved or not at all. A database
   * implementation runs `fn` in a transaction (and rolls back on throw).
   * @returns what `fn` returns; rethrows what it throws
   */
  atomically<T>(fn: () => T): T

  /** The participant's record, or null when absent or unreadable. */
  readParticipant(pid: string): StoredParticipant | null
  /**
   * Creates or replaces a participant's record; a participant saved for the first time joins the
   * registry ({@link participantIdPages}). **Atomic**: the record and its registry entry are
   * written together, and an id joins the registry once.
   */
  saveParticipant(pid: string, rec: StoredParticipant): void
  /** {@link saveParticipant} for many participants at once (imports), in one registry update. */
  saveParticipants(entries: ReadonlyArray<readonly [string, StoredParticipant]>): void
  /** Every registered participant id, a page at a time (pages of at most {@link REGISTRY_PAGE} ids). */
  participantIdPages(): Iterable<string[]>

  /** A round, or null when absent or unreadable. */
  readRound(roundId: string): StoredRound | null
  /** Creates or replaces a round. */
  saveRound(round: StoredRound): void
  /** Deletes a round (dropped from its participant's list). */
  removeRound(roundId: string): void
  /** The participant's round list, newest first (at most {@link MAX_ROUNDS_KEPT}); empty when none or unreadable. */
  listRoundRefs(pid: string): StoredRoundRef[]
  /** Replaces the participant's round list (the rules keep it at most {@link MAX_ROUNDS_KEPT} long). */
  saveRoundRefs(pid: string, refs: readonly StoredRoundRef[]): void

  /** The participant's 错题本, most recently missed first; empty when none or unreadable. */
  readWrongBook(pid: string): StoredWrong[]
  /** Replaces the participant's 错题本 (at most one entry per bank question). */
  saveWrongBook(pid: string, entries: readonly StoredWrong[]): void
}

// ---------------------------------------------------------------------------------------------
// Reading stored values: shape and bounds
// ---------------------------------------------------------------------------------------------

/** Participant ids per registry page. */
export const REGISTRY_PAGE = 1000
/** Most registry pages read (10 million participants): a larger stored count is corrupt. */
const REGISTRY_MAX_PAGES = 10_000
/** Longest id (participant, round, question) or key accepted from storage. */
const ID_MAX = 200
/** Most entries a stored 错题本 keeps (far above any bank). */
const WRONG_BOOK_MAX = 10_000
/** Most questions in a stored round, options in a stored permutation or choice. */
const ITEMS_MAX = 100
const OPTIONS_MAX = 10
/** Most day entries read from a participant's `best`, `attempts` and `daily` (about 27 years of days). */
const DAYS_MAX = 10_000

type Obj = Record<string, unknown>

const isObj = (x: unknown): x is Obj => !!x && typeof x === 'object' && !Array.isArray(x)
const isId = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= ID_MAX
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x)
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0
const isMode = (x: unknown): x is QuizMode => typeof x === 'string' && (QUIZ_MODES as readonly string[]).includes(x)
const STATUSES: readonly string[] = ['in_progress', 'finished', 'expired']

/** The entries of a stored record-of-days whose keys are day keys and values pass `ok`; {} when oversized. */
function parseDays<T>(raw: unknown, ok: (v: unknown) => v is T): Record<string, T> {
  const out: Record<string, T> = {}
  if (!isObj(raw)) return out
  let n = 0
  for (const k in raw) {
    if (++n > DAYS_MAX) return {}
    const v = raw[k]
    if (isDayKey(k) && ok(v)) out[k] = v
  }
  return out
}

const isBest = (b: unknown): b is StoredBest =>
  Array.isArray(b) && b.length === 4 && isCount(b[0]) && isCount(b[1]) && isCount(b[2]) && isId(b[3])

// Stored nicknames and units were checked by code points; UTF-16 length is at most twice that.
const isText = (x: unknown, max: number): x is string => typeof x === 'string' && x.length <= 2 * max

function parseConsent(raw: unknown): StoredParticipant['consent'] {
  if (!isObj(raw) || !isText(raw.nickname, NICKNAME_MAX) || !raw.nickname || !isText(raw.unit, UNIT_MAX) || !isTime(raw.at)) return null
  return { nickname: raw.nickname, unit: raw.unit, at: raw.at }
}

/** A stored participant record, or null when it is not one. */
export function parseParticipant(raw: unknown): StoredParticipant | null {
  if (!isObj(raw) || raw.v !== 1) return null
  return {
    v: 1,
    consent: parseConsent(raw.consent),
    best: parseDays(raw.best, isBest),
    attempts: parseDays(raw.attempts, isCount),
    daily: parseDays(raw.daily, isId),
    ...(raw.demo === true ? { demo: true } : {})
  }
}

/** Whether `p` is a permutation of 0…p.length-1 (at most {@link OPTIONS_MAX} long). */
function isPerm(p: unknown): p is number[] {
  if (!Array.isArray(p) || p.length > OPTIONS_MAX) return false
  const seen = new Set<unknown>()
  for (const x of p) {
    if (!Number.isInteger(x) || x < 0 || x >= p.length || seen.has(x)) return false
    seen.add(x)
  }
  return true
}

function isChoice(c: unknown): c is number[] {
  return Array.isArray(c) && c.length <= OPTIONS_MAX && c.every((x) => Number.isInteger(x) && x >= 0 && x < OPTIONS_MAX)
}

function isAnswer(a: unknown): a is StoredAnswer {
  return isObj(a) && isChoice(a.choice) && isId(a.key) && isTime(a.at) && typeof a.correct === 'boolean' && isCount(a.score) && isCount(a.timeMs)
}

function isItem(it: unknown): it is StoredItem {
  return (
    isObj(it) &&
    isId(it.questionId) &&
    (it.perm === null || isPerm(it.perm)) &&
    (it.openedAt === null || isTime(it.openedAt)) &&
    (it.answer === null || isAnswer(it.answer)) &&
    typeof it.timedOut === 'boolean'
  )
}

function isPractice(p: unknown): p is PracticeSource {
  if (!isObj(p)) return false
  if (p.kind === 'topic') return isId(p.topic)
  if (p.kind === 'site') return isId(p.siteId)
  return p.kind === 'wrong_book'
}

/** A stored round, or null when it is not one (every field checked, items at most {@link ITEMS_MAX}). */
export function parseRound(raw: unknown): StoredRound | null {
  if (!isObj(raw) || raw.v !== 1) return null
  const r = raw
  const items = r.items
  if (!Array.isArray(items) || items.length > ITEMS_MAX) return null
  const ok =
    isId(r.id) &&
    isId(r.pid) &&
    isMode(r.mode) &&
    typeof r.ranked === 'boolean' &&
    isCount(r.attemptNumber) &&
    isDayKey(r.dayKey) &&
    isTime(r.startedAt) &&
    isTime(r.expiresAt) &&
    typeof r.status === 'string' &&
    STATUSES.includes(r.status) &&
    (r.finishedAt === null || isTime(r.finishedAt)) &&
    isId(r.startKey) &&
    (r.finishKey === null || isId(r.finishKey)) &&
    (r.practice === null || isPractice(r.practice)) &&
    typeof r.timed === 'boolean' &&
    Number.isInteger(r.current) &&
    (r.current as number) >= -1 &&
    (r.current as number) < items.length &&
    items.every(isItem)
  return ok ? (raw as unknown as StoredRound) : null
}

function isRoundRef(x: unknown): x is StoredRoundRef {
  return isObj(x) && isId(x.id) && isMode(x.mode) && isDayKey(x.dayKey) && isId(x.startKey) && isTime(x.startedAt)
}

/** A stored round list: its valid refs among the first {@link MAX_ROUNDS_KEPT}; empty when not a list. */
export function parseRoundRefs(raw: unknown): StoredRoundRef[] {
  return Array.isArray(raw) ? raw.slice(0, MAX_ROUNDS_KEPT).filter(isRoundRef) : []
}

function isWrong(x: unknown): x is StoredWrong {
  return isObj(x) && isId(x.questionId) && isTime(x.addedAt) && isTime(x.lastWrongAt) && isCount(x.wrongCount) && isCount(x.rightCount)
}

/** A stored 错题本: its valid entries among the first {@link WRONG_BOOK_MAX}; empty when not a list. */
export function parseWrongBook(raw: unknown): StoredWrong[] {
  return Array.isArray(raw) ? raw.slice(0, WRONG_BOOK_MAX).filter(isWrong) : []
}

/** A stored registry page: its ids (at most {@link REGISTRY_PAGE}); null when not a list. */
function parseRegistryPage(raw: unknown): string[] | null {
  return Array.isArray(raw) ? raw.slice(0, REGISTRY_PAGE).filter(isId) : null
}

// ---------------------------------------------------------------------------------------------
// The key-value implementation
// ---------------------------------------------------------------------------------------------

const K = {
  participant: (pid: string) => `quiz:p:${pid}`,
  rounds: (pid: string) => `quiz:rounds:${pid}`,
  round: (id: string) => `quiz:round:${id}`,
  wrong: (pid: string) => `quiz:wrong:${pid}`,
  registry: 'quiz:reg',
  registryPage: (n: number) => `quiz:reg:${n}`
}

/**
 * The registry over a key-value store: pages of ids appended to, and `{ count }`. A stored count
 * that does not match the pages (corrupt, absurd, or a write cut short) is recounted from the
 * pages, reading at most one page past the last full one.
 */
function createRegistry(kv: KeyValueStore) {
  const page = (n: number) => parseRegistryPage(kv.get<unknown>(K.registryPage(n)))

  function recount(): number {
    let count = 0
    for (let n = 0; n < REGISTRY_MAX_PAGES; n++) {
      const ids = page(n)
      count += ids?.length ?? 0
      if (!ids || ids.length < REGISTRY_PAGE) break
    }
    return count
  }

  function count(): number {
    const meta = kv.get<unknown>(K.registry)
    const c = isObj(meta) ? meta.count : undefined
    if (!isCount(c) || c > REGISTRY_MAX_PAGES * REGISTRY_PAGE) return recount()
    if (c === 0) return page(0)?.length ? recount() : 0
    const last = Math.floor((c - 1) / REGISTRY_PAGE)
    return page(last)?.length === c - last * REGISTRY_PAGE ? c : recount()
  }

  return {
    /** Appends ids (the caller passes only new ones). */
    add(pids: readonly string[]): void {
      if (!pids.length) return
      let total = count()
      let n = Math.floor(total / REGISTRY_PAGE)
      let ids = total % REGISTRY_PAGE ? (page(n) ?? []) : []
      for (const pid of pids) {
        if (ids.length >= REGISTRY_PAGE) {
          kv.set(K.registryPage(n++), ids)
          ids = []
        }
        ids.push(pid)
        total++
      }
      kv.set(K.registryPage(n), ids)
      kv.set(K.registry, { count: total })
    },
    *pages(): Iterable<string[]> {
      const total = count()
      for (let n = 0; n * REGISTRY_PAGE < total; n++) {
        const ids = page(n)
        if (!ids) return
        yield ids
      }
    }
  }
}

/**
 * A {@link QuizRepository} over a key-value store (Taro storage on the device, memory on the
 * server), with the key layout described in the file comment.
 *
 * Why its operations are atomic: JavaScript runs one thing at a time, the store's operations
 * are synchronous, and so are the rules: nothing else runs between a unit's first read and last
 * write, on the device (one JS thread, Taro's synchronous storage API) as in the mock server
 * (one Node process, the rules called synchronously by each request handler). Its
 * {@link QuizRepository.atomically} journals the unit's writes and undoes them when the unit
 * throws, so a write refused half-way (a full phone) leaves nothing half-done.
 * @param store the store; its writes may throw (a full phone): the unit is undone and the error propagates
 */
export function createQuizRepository(store: KeyValueStore): QuizRepository {
  const { kv, atomically } = createJournaledStore(store)
  const registry = createRegistry(kv)
  const exists = (pid: string) => kv.get<unknown>(K.participant(pid)) !== undefined
  return {
    atomically,
    readParticipant: (pid) => parseParticipant(kv.get<unknown>(K.participant(pid))),
    saveParticipant(pid, rec) {
      const isNew = !exists(pid)
      kv.set(K.participant(pid), rec)
      if (isNew) registry.add([pid])
    },
    saveParticipants(entries) {
      const fresh: string[] = []
      for (const [pid, rec] of entries) {
        if (!exists(pid)) fresh.push(pid)
        kv.set(K.participant(pid), rec)
      }
      registry.add(fresh)
    },
    participantIdPages: () => registry.pages(),
    readRound: (id) => parseRound(kv.get<unknown>(K.round(id))),
    saveRound: (round) => kv.set(K.round(round.id), round),
    removeRound: (id) => kv.remove(K.round(id)),
    listRoundRefs: (pid) => parseRoundRefs(kv.get<unknown>(K.rounds(pid))),
    saveRoundRefs: (pid, refs) => kv.set(K.rounds(pid), refs),
    readWrongBook: (pid) => parseWrongBook(kv.get<unknown>(K.wrong(pid))),
    saveWrongBook: (pid, entries) => kv.set(K.wrong(pid), entries)
  }
}
