/**
 * The in-process mock quiz source: the quiz rules (`rules/`) over the embedded question bank
 * (`mock/data/questions.json`), with the participant's rounds, 错题本, consent and day bests kept
 * in Taro storage (keys `rcc:mock:quiz:…`, beside the me feature's `rcc:mock:` records, so
 * clearing the mock data clears both). Works with no network at all.
 *
 * - **Participant**: the local id ({@link localParticipantId}), the same one the profile uses.
 * - **Demo participants**: the boards are seeded once per source (the app keeps one: once per
 *   app run) with {@link seedDemoLeaderboard}, in memory only and labelled as demo data.
 * - **Bundle size**: this module carries the question bank. It is reached only through this
 *   feature's `index.ts` (quiz subpackage / async chunk), never from a tab page.
 *
 * Every method rejects only with a DataError. The rules and the bank are set up lazily, on the
 * first call, so a bad bank also surfaces as a (rejected) DataError.
 */
import questionsJson from '@mock/data/questions.json'
import indexJson from '@mock/data/heritage-index.json'
import { callRule } from '../core/errors'
import { localParticipantId } from '../core/ids'
import type { KeyValueStore } from '../core/kv'
import { createTaroKeyValue } from '../core/storage'
import type { Question } from './contract'
import { createQuizRepository } from './repository'
import { createQuizRules, type QuizRules } from './rules'
import { DEFAULT_DEMO, seedDemoLeaderboard } from './rules/demo'
import type { QuizSource } from './source'

/** Options of {@link createMockQuizSource} (tests override them; the app passes none). */
export interface MockQuizSourceOptions {
  /**
   * The key-value store the rules' repository ({@link createQuizRepository}) keeps their records
   * in; default Taro storage under `rcc:mock:` (shared with the me mock source).
   */
  store?: KeyValueStore
  /** The participant; default the stored local id. */
  participantId?: string
  /** The question bank; default the embedded `mock/data/questions.json`. */
  questions?: readonly Question[]
  /** Clock in ms since the epoch (tests pass a fake). */
  now?: () => number
  /** Whether a site is in the app's dataset (practice by site); default: the ids of the embedded `heritage-index.json`. */
  siteExists?: (id: string) => boolean
  /** Round ids (tests); default random. */
  newId?: () => string
  /** Demo participants for the boards, or `false` for none. Default {@link DEFAULT_DEMO}. */
  demo?: { participants: number; days: number; seed: string | number } | false
}

/** Creates the mock quiz source. */
export function createMockQuizSource(opts: MockQuizSourceOptions = {}): QuizSource {
  let rules: QuizRules | null = null
  let pid = opts.participantId

  const ready = (): QuizRules => {
    if (rules) return rules
    const siteIds = opts.siteExists ? null : new Set((indexJson.sites as Array<{ id: string }>).map((s) => s.id))
    const r = createQuizRules(createQuizRepository(opts.store ?? createTaroKeyValue('rcc:mock:', 'throw')), {
      questions: opts.questions ?? (questionsJson as Question[]),
      now: opts.now,
      newId: opts.newId,
      siteExists: opts.siteExists ?? ((id) => siteIds!.has(id))
    })
    const demo = opts.demo === undefined ? DEFAULT_DEMO : opts.demo
    if (demo) seedDemoLeaderboard(r, demo)
    rules = r
    return r
  }
  const me = () => (pid ??= localParticipantId())

  // Runs a rule call as a promise that rejects only with DataError (a bad bank included).
  const run = <T,>(fn: (r: QuizRules) => T): Promise<T> => callRule(() => fn(ready()))

  return {
    kind: 'mock',
    listTopics: () => run((r) => r.listTopics()),
    listPracticeSites: () => run((r) => r.listPracticeSites()),
    getDayStatus: () => run((r) => r.getDayStatus(me())),
    startRound: (input) => run((r) => r.startRound(me(), input)),
    getRound: (roundId) => run((r) => r.getRound(me(), roundId)),
    getActiveRound: (mode) => run((r) => r.getActiveRound(me(), mode)),
    openNextQuestion: (roundId) => run((r) => r.openNextQuestion(me(), roundId)),
    answer: (submission) => run((r) => r.answer(me(), submission)),
    finishRound: (input) => run((r) => r.finishRound(me(), input)),
    getRoundResult: (roundId) => run((r) => r.getRoundResult(me(), roundId)),
    listRounds: (limit) => run((r) => r.listRounds(me(), limit === undefined ? {} : { limit })),
    getWrongBook: () => run((r) => r.getWrongBook(me())),
    getConsent: () => run((r) => r.getConsent(me())),
    agreeToBoards: (input) => run((r) => r.agreeToBoards(me(), input)),
    withdrawFromBoards: () => run((r) => r.withdrawFromBoards(me())),
    getLeaderboard: (query) => run((r) => r.getLeaderboard(me(), query)),
    getUnitLeaderboard: (query) => run((r) => r.getUnitLeaderboard(me(), query))
  }
}
