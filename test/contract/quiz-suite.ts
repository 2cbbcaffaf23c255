/**
 * The quiz contract: one suite every {@link QuizSource} implementation must pass (the in-process
 * mock, and the remote source over the HTTP mock server), so the two cannot drift apart.
 *
 * Each target runs on a fake clock the test controls (the same clock drives the rules in-process
 * and the server's rules over HTTP), so time windows are exact to the millisecond.
 *
 * Expectations come from the raw bank (`mock/data/questions.json`): the right option is found by
 * its TEXT in whatever order the participant sees, so scoring against each participant's own
 * shuffle is checked independently of the rules. The daily draw and the demo board come from the
 * pure functions the rules use (`dailyQuestions`, `generateDemoData`).
 */
import * as v from 'valibot'
import questionsJson from '@mock/data/questions.json'
import sitesJson from '@mock/data/sites.json'
import {
  COMPETITION_QUESTION_COUNT,
  DAILY_QUESTION_COUNT,
  LOCAL_TOPIC,
  PublicQuestionSchema,
  QuestionSchema,
  type PublicQuestion,
  type Round,
  type RoundItem
} from '@/services/quiz/contract'
import type { QuizSource } from '@/services/quiz/source'
import { dailyQuestions } from '@/services/quiz/rules/draw'
import { generateDemoData } from '@/services/quiz/rules/demo'
import { dayKeyOf } from '@/services/quiz/rules/time'
import { createMemoryStore } from '@/services/core/kv'
import { createMockQuizSource } from '@/services/quiz/mock'
import { createRemoteQuizSource } from '@/services/quiz/remote'
import type { FeatureContract } from './harness'
import { expectDataError } from './http'

/** The raw bank, validated (the oracle). */
export const BANK = v.parse(v.array(QuestionSchema), questionsJson)
export const BANK_BY_ID = new Map(BANK.map((q) => [q.id, q]))
const SITE_IDS = new Set((sitesJson as Array<{ id: string }>).map((s) => s.id))

/** 2026-11-30 10:00 in Asia/Shanghai (02:00 UTC), a Monday: the fake clock's start. */
export const QUIZ_T0 = Date.UTC(2026, 10, 30, 2, 0, 0)
/** Demo participants both targets seed (the defaults). */
export const DEMO = { participants: 60, days: 7, seed: 'demo' } as const

/** A quiz backend under test: sources for several participants over one backend and one fake clock. */
export interface QuizTarget {
  /** The source of participant `who` (default `'a'`); the same `who` gives the same participant. */
  source(who?: string): QuizSource
  /** The fake clock shared by the client and its backend (ms since the epoch). */
  clock: { t: number }
}

let keySeq = 0
/** A fresh idempotency key. */
export const newKey = () => `qkey-${Date.now().toString(36)}-${(keySeq++).toString(36).padStart(5, '0')}`

/** The right option indexes in the order this participant sees, found by option text. */
export function rightChoice(q: PublicQuestion): number[] {
  const full = BANK_BY_ID.get(q.id)!
  return full.answer.map((i) => q.options.indexOf(full.options[i])).sort((a, b) => a - b)
}

/** A wrong choice of the right shape. */
export function wrongChoice(q: PublicQuestion): number[] {
  const right = rightChoice(q)
  if (q.type === 'multiple') return right.slice(0, 1)
  return [q.options.findIndex((_, i) => !right.includes(i))]
}

/** The public question's keys: nothing of the answer key. */
const PUBLIC_KEYS = Object.keys(PublicQuestionSchema.entries).sort()

function expectPublic(q: PublicQuestion): void {
  expect(Object.keys(q).sort()).toEqual(PUBLIC_KEYS)
  const full = BANK_BY_ID.get(q.id)!
  expect([...q.options].sort()).toEqual([...full.options].sort())
}

/** The demo participants' day results for the fake day (what both targets seed). */
function demoDay(dayKey: string, nowMs: number) {
  return generateDemoData({ ...DEMO, endDay: dayKey, nowMs }).results.filter((r) => r.dayKey === dayKey)
}

const better = (a: { score: number; timeMs: number; finishedAt: number }, b: typeof a) =>
  a.score !== b.score ? a.score > b.score : a.timeMs !== b.timeMs ? a.timeMs < b.timeMs : a.finishedAt < b.finishedAt

/**
 * Registers the quiz contract suite.
 * @param name label of the implementation
 * @param makeTarget a fresh backend per test, its clock at {@link QUIZ_T0}
 * @param cleanup called after each test (stop a server)
 */
export function runQuizContract(name: string, makeTarget: () => Promise<QuizTarget>, cleanup: () => Promise<void>): void {
  describe(`QuizSource contract: ${name}`, () => {
    let t: QuizTarget
    let qs: QuizSource
    const advance = (ms: number) => {
      t.clock.t += ms
    }
    beforeEach(async () => {
      t = await makeTarget()
      qs = t.source()
    })
    afterEach(cleanup)

    const startCompetition = (src = qs) => src.startRound({ mode: 'competition', idempotencyKey: newKey() })
    const answerItem = (item: RoundItem, roundId: string, choice: number[], src = qs) =>
      src.answer({ roundId, questionId: item.question.id, choice, idempotencyKey: newKey() })

    describe('catalogue', () => {
      it('lists the topics with their counts, 泉州地方党史 first', async () => {
        const counts = new Map<string, number>()
        for (const q of BANK) counts.set(q.topic, (counts.get(q.topic) ?? 0) + 1)
        const topics = await qs.listTopics()
        expect(topics[0]).toEqual({ topic: LOCAL_TOPIC, count: counts.get(LOCAL_TOPIC), local: true })
        expect(new Map(topics.map((x) => [x.topic, x.count]))).toEqual(counts)
        expect(topics.filter((x) => x.local).map((x) => x.topic)).toEqual([LOCAL_TOPIC])
      })

      it('lists the dataset’s sites that have questions', async () => {
        const counts = new Map<string, number>()
        for (const q of BANK) if (q.relatedSiteId && SITE_IDS.has(q.relatedSiteId)) counts.set(q.relatedSiteId, (counts.get(q.relatedSiteId) ?? 0) + 1)
        const sites = await qs.listPracticeSites()
        expect(sites.length).toBeGreaterThan(0)
        expect(new Map(sites.map((s) => [s.siteId, s.count]))).toEqual(counts)
        const round = await qs.startRound({ mode: 'practice', siteId: sites[0].siteId, idempotencyKey: newKey() })
        expect(round.items.every((i) => BANK_BY_ID.get(i.question.id)!.relatedSiteId === sites[0].siteId)).toBe(true)
      })
    })

    describe('每日答题', () => {
      it('10 questions, the same for two participants that day, untimed, with no answer key before answering', async () => {
        const a = await qs.startRound({ mode: 'daily', idempotencyKey: newKey() })
        advance(3_600_000)
        const b = await t.source('b').startRound({ mode: 'daily', idempotencyKey: newKey() })
        const day = dayKeyOf(QUIZ_T0)
        expect(a).toMatchObject({ mode: 'daily', timed: false, ranked: false, total: DAILY_QUESTION_COUNT, status: 'in_progress', dayKey: day, questionTimeMs: null })
        expect(a.items).toHaveLength(DAILY_QUESTION_COUNT)
        const ids = a.items.map((i) => i.question.id)
        expect(b.items.map((i) => i.question.id)).toEqual(ids)
        expect(ids).toEqual(dailyQuestions(BANK, day).map((q) => q.id))
        expect(a.participantId).not.toBe(b.participantId)
        for (const it of a.items) {
          expectPublic(it.question)
          // Options shuffled per participant (判断 keeps 正确/错误): the bank's options, in some order.
          expect([...it.question.options].sort()).toEqual([...BANK_BY_ID.get(it.question.id)!.options].sort())
          if (it.question.type === 'judge') expect(it.question.options).toEqual(BANK_BY_ID.get(it.question.id)!.options)
          expect(it).toMatchObject({ status: 'open', result: null, deadlineAt: null })
        }
        // Starting again (another key) returns the day's round.
        expect((await qs.startRound({ mode: 'daily', idempotencyKey: newKey() })).id).toBe(a.id)
        expect((await qs.getDayStatus()).dailyRoundId).toBe(a.id)
      })

      it('each answer comes back with the right option, the explanation and its sources; 100 points when right', async () => {
        const r = await qs.startRound({ mode: 'daily', idempotencyKey: newKey() })
        let expected = 0
        for (const [n, it] of r.items.entries()) {
          const full = BANK_BY_ID.get(it.question.id)!
          const choice = n % 3 === 0 ? wrongChoice(it.question) : rightChoice(it.question)
          advance(4_000)
          const res = await answerItem(it, r.id, choice)
          expect(res).toMatchObject({
            roundId: r.id,
            questionId: full.id,
            index: n,
            choice,
            correct: n % 3 !== 0,
            correctChoice: rightChoice(it.question),
            explanation: full.explanation,
            sources: full.citations.filter((c) => c.showable).map((c) => c.url),
            citations: full.citations.filter((c) => c.showable).map((c) => ({ label: c.label, link: c.link })),
            relatedSiteId: full.relatedSiteId,
            score: n % 3 === 0 ? 0 : 100,
            timedOut: false,
            answeredAt: t.clock.t
          })
          expected += res.score
        }
        const result = await qs.finishRound({ roundId: r.id, idempotencyKey: newKey() })
        expect(result).toMatchObject({ status: 'finished', score: expected, maxScore: 1000, total: 10, correctCount: 6, ranked: false })
        expect(result.review.every((x) => x.result.explanation === BANK_BY_ID.get(x.question.id)!.explanation)).toBe(true)
      })
    })

    describe('竞答', () => {
      /** Plays a whole round right by option text; on the first shuffled single question, answers with the bank's index instead. */
      async function playShuffled(src: QuizSource) {
        const round = await startCompetition(src)
        expect(round).toMatchObject({ mode: 'competition', timed: true, total: COMPETITION_QUESTION_COUNT, questionTimeMs: 20_000, graceMs: 2_000, current: null })
        expect(round.items).toEqual([]) // no question is visible before it is opened
        const perms: number[][] = []
        let trap: string | null = null
        for (;;) {
          const item = await src.openNextQuestion(round.id)
          if (!item) break
          expectPublic(item.question)
          expect(item).toMatchObject({ status: 'open', result: null, openedAt: t.clock.t, deadlineAt: t.clock.t + 20_000 })
          const full = BANK_BY_ID.get(item.question.id)!
          const perm = item.question.options.map((o) => full.options.indexOf(o))
          perms.push(perm)
          const right = rightChoice(item.question)
          advance(2_000)
          if (!trap && full.type === 'single' && right[0] !== full.answer[0]) {
            trap = full.id
            const res = await answerItem(item, round.id, full.answer, src) // right in the bank's order, wrong in this shuffle
            expect(res).toMatchObject({ correct: false, score: 0, correctChoice: right })
          } else {
            const res = await answerItem(item, round.id, right, src)
            expect(res).toMatchObject({ correct: true, score: 190, correctChoice: right, timeMs: 2_000 })
          }
        }
        expect(perms).toHaveLength(COMPETITION_QUESTION_COUNT)
        expect(trap).not.toBeNull()
        const result = await src.finishRound({ roundId: round.id, idempotencyKey: newKey() })
        expect(result).toMatchObject({ score: 19 * 190, correctCount: 19, total: 20, maxScore: 4000, ranked: true, attemptNumber: 1 })
        return perms
      }

      it('20 questions with options shuffled per participant, each scored against its own shuffle', async () => {
        const a = await playShuffled(qs)
        const b = await playShuffled(t.source('b'))
        const identity = (p: number[]) => p.every((x, i) => x === i)
        expect(a.some((p) => !identity(p))).toBe(true)
        expect(b.some((p) => !identity(p))).toBe(true)
        expect(a).not.toEqual(b)
      })

      it('scores a right answer by the server-measured time: 100 + round(100 × (20 000 − t) / 20 000)', async () => {
        const round = await startCompetition()
        const first = (await qs.openNextQuestion(round.id))!
        advance(7_300) // 100 × 12 700 / 20 000 = 63.5 → 64
        expect(await answerItem(first, round.id, rightChoice(first.question))).toMatchObject({ correct: true, score: 164, timeMs: 7_300 })
        const second = (await qs.openNextQuestion(round.id))!
        advance(1_000)
        expect(await answerItem(second, round.id, wrongChoice(second.question))).toMatchObject({ correct: false, score: 0, timeMs: 1_000 })
        const third = (await qs.openNextQuestion(round.id))!
        advance(20_500) // in the grace: right, no speed bonus, time capped at 20 s
        expect(await answerItem(third, round.id, rightChoice(third.question))).toMatchObject({ correct: true, score: 100, timeMs: 20_000 })
        expect(await qs.getRound(round.id)).toMatchObject({ score: 264, answeredCount: 3, correctCount: 2 })
      })

      it('accepts an answer 22 000 ms after opening and refuses one at 22 001 ms with CONFLICT', async () => {
        const round = await startCompetition()
        const first = (await qs.openNextQuestion(round.id))!
        advance(22_000)
        expect(await answerItem(first, round.id, rightChoice(first.question))).toMatchObject({ correct: true, score: 100 })
        const second = (await qs.openNextQuestion(round.id))!
        expect(second.index).toBe(1)
        advance(22_001)
        await expectDataError(answerItem(second, round.id, rightChoice(second.question)), 'CONFLICT')
        const now = await qs.getRound(round.id)
        expect(now.items[1]).toMatchObject({ status: 'timed_out', result: { timedOut: true, score: 0, choice: null } })
        expect(now).toMatchObject({ answeredCount: 1, score: 100, current: null })
        expect((await qs.openNextQuestion(round.id))!.index).toBe(2)
      })

      it('an answer retried with its key returns the first result and counts once; another answer is CONFLICT', async () => {
        const round = await startCompetition()
        const item = (await qs.openNextQuestion(round.id))!
        advance(3_000)
        const sub = { roundId: round.id, questionId: item.question.id, choice: rightChoice(item.question), idempotencyKey: newKey() }
        const first = await qs.answer(sub)
        advance(5_000)
        expect(await qs.answer(sub)).toEqual(first)
        expect(await qs.answer({ ...sub, choice: wrongChoice(item.question) })).toEqual(first) // the key decides, not the body
        await expectDataError(qs.answer({ ...sub, choice: wrongChoice(item.question), idempotencyKey: newKey() }), 'CONFLICT')
        expect(await qs.getRound(round.id)).toMatchObject({ answeredCount: 1, score: first.score })
      })

      it('starting with the same key twice is one round and one attempt', async () => {
        const key = newKey()
        const a = await qs.startRound({ mode: 'competition', idempotencyKey: key })
        const b = await qs.startRound({ mode: 'competition', idempotencyKey: key })
        expect(b.id).toBe(a.id)
        expect(await qs.getDayStatus()).toMatchObject({ competitionRounds: 1, countedRoundsLeft: 2 })
      })

      it('reopening gives the same question with its original deadline, never a fresh one', async () => {
        const round = await startCompetition()
        const item = (await qs.openNextQuestion(round.id))!
        advance(6_000)
        const again = (await qs.openNextQuestion(round.id))!
        expect(again).toEqual(item)
        const resumed = await qs.getRound(round.id)
        expect(resumed).toMatchObject({ current: 0, serverNow: t.clock.t })
        expect(resumed.items).toEqual([item])
        expect((await qs.getActiveRound('competition'))!.id).toBe(round.id)
        expect(await qs.getActiveRound('daily')).toBeNull()
        advance(16_001) // 22 001 ms after opening: the window closed while "away"
        expect((await qs.getRound(round.id)).items[0].status).toBe('timed_out')
        const next = (await qs.openNextQuestion(round.id))!
        expect(next).toMatchObject({ index: 1, openedAt: t.clock.t })
      })

      it('finishing twice returns the same result; the review reveals every question', async () => {
        const round = await startCompetition()
        const item = (await qs.openNextQuestion(round.id))!
        advance(1_000)
        await answerItem(item, round.id, rightChoice(item.question))
        advance(1_000)
        const key = newKey()
        const first = await qs.finishRound({ roundId: round.id, idempotencyKey: key })
        advance(60_000)
        expect(await qs.finishRound({ roundId: round.id, idempotencyKey: key })).toEqual(first)
        expect(await qs.finishRound({ roundId: round.id, idempotencyKey: newKey() })).toEqual(first)
        expect(await qs.getRoundResult(round.id)).toEqual(first)
        expect(first).toMatchObject({ status: 'finished', score: 195, correctCount: 1, total: 20, bestOfDay: true })
        expect(first.review).toHaveLength(20)
        expect(first.review.map((r) => r.status)).toEqual(['answered', ...Array(19).fill('unanswered')])
        await expectDataError(answerItem(item, round.id, rightChoice(item.question)), 'CONFLICT')
        expect((await qs.listRounds(5))[0]).toMatchObject({ id: round.id, status: 'finished', score: 195 })
      })

      it('the day’s first 3 rounds are counted; the 4th is practice (ranked false)', async () => {
        const rounds: Round[] = []
        for (let i = 0; i < 4; i++) {
          rounds.push(await startCompetition())
          advance(60_000)
        }
        expect(rounds.map((r) => [r.ranked, r.attemptNumber])).toEqual([
          [true, 1],
          [true, 2],
          [true, 3],
          [false, 4]
        ])
        expect(await qs.getDayStatus()).toMatchObject({ dayKey: dayKeyOf(QUIZ_T0), competitionRounds: 4, countedRoundsLeft: 0 })
      })

      it('a round past its 30 minutes is expired: no more questions or answers', async () => {
        const round = await startCompetition()
        await qs.openNextQuestion(round.id)
        advance(30 * 60_000 + 1)
        expect((await qs.getRound(round.id)).status).toBe('expired')
        await expectDataError(qs.openNextQuestion(round.id), 'CONFLICT')
        expect((await qs.getRoundResult(round.id)).status).toBe('expired')
      })
    })

    describe('错题本', () => {
      it('keeps a wrongly answered question until it is answered right twice in practice', async () => {
        const daily = await qs.startRound({ mode: 'daily', idempotencyKey: newKey() })
        const item = daily.items[0]
        const full = BANK_BY_ID.get(item.question.id)!
        advance(1_000)
        await answerItem(item, daily.id, wrongChoice(item.question))
        const book = await qs.getWrongBook()
        expect(book).toHaveLength(1)
        expect(book[0]).toMatchObject({ questionId: full.id, wrongCount: 1, rightCount: 0, relatedSiteId: full.relatedSiteId, addedAt: t.clock.t })
        expectPublic(book[0].question)

        for (const rights of [1, 2]) {
          advance(60_000)
          const practice = await qs.startRound({ mode: 'practice', wrongBook: true, idempotencyKey: newKey() })
          expect(practice).toMatchObject({ mode: 'practice', practice: { kind: 'wrong_book' }, total: 1, timed: false, ranked: false })
          const q = practice.items[0]
          expect(q.question.id).toBe(full.id)
          expect(await answerItem(q, practice.id, rightChoice(q.question))).toMatchObject({ correct: true, score: 100 })
          const after = await qs.getWrongBook()
          if (rights === 1) expect(after).toMatchObject([{ questionId: full.id, rightCount: 1 }])
          else expect(after).toEqual([])
        }
        await expectDataError(qs.startRound({ mode: 'practice', wrongBook: true, idempotencyKey: newKey() }), 'CONFLICT')
      })
    })

    describe('consent and the boards', () => {
      it('a participant appears on the day board only after agreeing, with rank and neighbours; withdrawing removes them', async () => {
        const day = dayKeyOf(QUIZ_T0)
        const demo = demoDay(day, QUIZ_T0)
        expect(demo.length).toBeGreaterThan(10)
        const median = demo.map((r) => r.score).sort((x, y) => x - y)[Math.floor(demo.length / 2)]
        const rightCount = Math.min(19, Math.max(1, Math.round(median / 175)))

        // Play one counted round: `rightCount` right at 5 s (175 each), the rest wrong at 1 s.
        const round = await startCompetition()
        for (let i = 0; i < COMPETITION_QUESTION_COUNT; i++) {
          const item = (await qs.openNextQuestion(round.id))!
          advance(i < rightCount ? 5_000 : 1_000)
          await answerItem(item, round.id, i < rightCount ? rightChoice(item.question) : wrongChoice(item.question))
        }
        const result = await qs.finishRound({ roundId: round.id, idempotencyKey: newKey() })
        const mine = { score: rightCount * 175, timeMs: rightCount * 5_000 + (20 - rightCount) * 1_000, finishedAt: t.clock.t }
        expect(result).toMatchObject({ score: mine.score, timeMs: mine.timeMs, finishedAt: mine.finishedAt, bestOfDay: true })

        expect(await qs.getConsent()).toEqual({ agreed: false, nickname: '', unit: '', agreedAt: null })
        const before = await qs.getLeaderboard({ period: 'day' })
        expect(before).toMatchObject({ period: 'day', periodKey: day, total: demo.length, me: null, consented: false, neighbours: { above: [], below: [] } })
        expect(before.entries.some((e) => e.isMe || !e.demo)).toBe(false)

        const consent = await qs.agreeToBoards({ nickname: ' 小林 ', unit: '测试一支部' })
        expect(consent).toEqual({ agreed: true, nickname: '小林', unit: '测试一支部', agreedAt: t.clock.t })
        expect(await qs.getConsent()).toEqual(consent)

        const board = await qs.getLeaderboard({ period: 'day', limit: 100, neighbours: 2 })
        const rank = 1 + demo.filter((d) => better(d, mine)).length
        const total = demo.length + 1
        expect(rank).toBeGreaterThan(1)
        expect(rank).toBeLessThan(total)
        expect(board).toMatchObject({ total, consented: true })
        expect(board.me).toEqual({ rank, nickname: '小林', unit: '测试一支部', score: mine.score, timeMs: mine.timeMs, finishedAt: mine.finishedAt, days: 1, demo: false, isMe: true })
        expect(board.entries[rank - 1]).toEqual(board.me)
        expect(board.entries.filter((e) => e.isMe)).toHaveLength(1)
        expect(board.neighbours.above.map((e) => e.rank)).toEqual([rank - 2, rank - 1].filter((r) => r >= 1))
        expect(board.neighbours.below.map((e) => e.rank)).toEqual([rank + 1, rank + 2].filter((r) => r <= total))
        expect(board.neighbours.above.every((e) => e.demo && !e.isMe)).toBe(true)
        expect(board.entries.map((e) => e.rank)).toEqual(Array.from({ length: total }, (_, i) => i + 1))

        const units = await qs.getUnitLeaderboard({ period: 'day' })
        expect(units.mine).toMatchObject({ unit: '测试一支部', meanScore: mine.score, participantCount: 1, demo: false, isMine: true })
        // Another participant does not see me as "me", but sees me listed.
        const other = await t.source('b').getLeaderboard({ period: 'day' })
        expect(other.me).toBeNull()
        expect(other.entries.find((e) => e.nickname === '小林')).toMatchObject({ rank, isMe: false })

        expect(await qs.withdrawFromBoards()).toEqual({ agreed: false, nickname: '', unit: '', agreedAt: null })
        const after = await qs.getLeaderboard({ period: 'day' })
        expect(after).toMatchObject({ total: demo.length, me: null, consented: false })
        expect(after.entries.some((e) => e.nickname === '小林')).toBe(false)
        expect((await qs.getUnitLeaderboard({ period: 'day' })).mine).toBeNull()
        expect((await qs.getLeaderboard({ period: 'week' })).entries.some((e) => !e.demo)).toBe(false)
      })

      it('the boards are not empty: demo participants, labelled demo', async () => {
        const all = await qs.getLeaderboard({ period: 'all', limit: 5 })
        const played = new Set(generateDemoData({ ...DEMO, endDay: dayKeyOf(QUIZ_T0), nowMs: QUIZ_T0 }).results.map((r) => r.participantId))
        expect(played.size).toBeGreaterThan(DEMO.participants * 0.9) // (a participant who sat out all 7 days is on no board)
        expect(all.total).toBe(played.size)
        expect(all.entries).toHaveLength(5)
        expect(all.entries.every((e) => e.demo && /^示例学员\d{3}$/.test(e.nickname) && e.unit.endsWith('（演示数据）'))).toBe(true)
      })
    })

    describe('bad input', () => {
      it('is refused with a typed error, and nothing stored changes', async () => {
        await qs.agreeToBoards({ nickname: '小林', unit: '' })
        const round = await startCompetition()
        const item = (await qs.openNextQuestion(round.id))!
        advance(2_000)
        const view = async () => ({
          round: await qs.getRound(round.id),
          day: await qs.getDayStatus(),
          consent: await qs.getConsent(),
          book: await qs.getWrongBook(),
          rounds: await qs.listRounds(),
          board: await qs.getLeaderboard({ period: 'day' })
        })
        const before = await view()
        const sub = { roundId: round.id, questionId: item.question.id, choice: rightChoice(item.question), idempotencyKey: newKey() }
        const n = item.question.options.length

        await expectDataError(qs.getRound('no-such-round'), 'NOT_FOUND')
        await expectDataError(qs.getRound(''), 'INVALID_INPUT', 'roundId')
        await expectDataError(t.source('b').getRound(round.id), 'NOT_FOUND') // someone else's round
        await expectDataError(qs.openNextQuestion('no-such-round'), 'NOT_FOUND')
        await expectDataError(qs.getRoundResult('no-such-round'), 'NOT_FOUND')
        await expectDataError(qs.finishRound({ roundId: 'no-such-round', idempotencyKey: newKey() }), 'NOT_FOUND')
        await expectDataError(qs.answer({ ...sub, roundId: 'no-such-round' }), 'NOT_FOUND')
        await expectDataError(qs.answer({ ...sub, questionId: 'q-0000000000' }), 'NOT_FOUND')
        await expectDataError(qs.answer({ ...sub, choice: 'B' as never }), 'INVALID_INPUT', 'choice')
        await expectDataError(qs.answer({ ...sub, choice: [] }), 'INVALID_INPUT', 'choice')
        await expectDataError(qs.answer({ ...sub, choice: [1.5] }), 'INVALID_INPUT', 'choice')
        await expectDataError(qs.answer({ ...sub, choice: [n] }), 'INVALID_INPUT', 'choice')
        await expectDataError(qs.answer({ ...sub, idempotencyKey: 'short' }), 'INVALID_INPUT', 'idempotencyKey')
        await expectDataError(qs.startRound({ mode: 'exam' as never, idempotencyKey: newKey() }), 'INVALID_INPUT', 'mode')
        await expectDataError(qs.startRound({ mode: 'practice', idempotencyKey: newKey() }), 'INVALID_INPUT', 'topic')
        await expectDataError(qs.startRound({ mode: 'practice', topic: '没有的专题', idempotencyKey: newKey() }), 'NOT_FOUND')
        await expectDataError(qs.startRound({ mode: 'practice', siteId: 'no-such-site', idempotencyKey: newKey() }), 'NOT_FOUND')
        await expectDataError(qs.startRound({ mode: 'practice', topic: LOCAL_TOPIC, count: 21, idempotencyKey: newKey() }), 'INVALID_INPUT', 'count')
        await expectDataError(qs.getActiveRound('exam' as never), 'INVALID_INPUT', 'mode')
        await expectDataError(qs.listRounds(0), 'INVALID_INPUT', 'limit')
        await expectDataError(qs.agreeToBoards({ nickname: '' }), 'INVALID_INPUT', 'nickname')
        await expectDataError(qs.agreeToBoards({ nickname: '   ' }), 'INVALID_INPUT', 'nickname')
        await expectDataError(qs.agreeToBoards({ nickname: '林'.repeat(21) }), 'INVALID_INPUT', 'nickname')
        await expectDataError(qs.agreeToBoards({ nickname: '小\u0007林' }), 'INVALID_INPUT', 'nickname')
        await expectDataError(qs.agreeToBoards({ nickname: '小林', unit: '单'.repeat(41) }), 'INVALID_INPUT', 'unit')
        await expectDataError(qs.getLeaderboard({ period: 'month' as never }), 'INVALID_INPUT', 'period')
        await expectDataError(qs.getLeaderboard({ period: 'day', key: '2026/11/30' }), 'INVALID_INPUT', 'key')
        await expectDataError(qs.getLeaderboard({ period: 'day', limit: 0 }), 'INVALID_INPUT', 'limit')
        await expectDataError(qs.getUnitLeaderboard({ period: 'week', neighbours: 11 }), 'INVALID_INPUT', 'neighbours')

        expect(await view()).toEqual(before)
        // And the open question can still be answered normally.
        expect(await qs.answer(sub)).toMatchObject({ correct: true, score: 190 })
      })
    })
  })
}

let run = 0

/** The quiz feature on both sources, on one fake clock (registered in `contracts.test.ts`). */
export const quizContract: FeatureContract<QuizTarget> = {
  feature: 'quiz',
  mock: async () => {
    const store = createMemoryStore()
    const clock = { t: QUIZ_T0 }
    // One device holds one participant; a second participant is a second source over the same
    // store (its leaderboard index is built from the store when first used).
    const sources = new Map<string, QuizSource>()
    const source = (who = 'a') => {
      let s = sources.get(who)
      if (!s) {
        s = createMockQuizSource({ store, participantId: `p-${who}`, now: () => clock.t })
        sources.set(who, s)
      }
      return s
    }
    await source('a').getConsent() // set up (and seed the demo board) at QUIZ_T0, as the server does at start-up
    return { source, clock }
  },
  remote: async (listen) => {
    // The server's rules are driven by the same fake clock (so the 22 000 / 22 001 ms window is exact).
    const clock = { t: QUIZ_T0 }
    const baseUrl = await listen({ now: () => clock.t })
    const id = ++run
    const sources = new Map<string, QuizSource>()
    const source = (who = 'a') => {
      let s = sources.get(who)
      if (!s) {
        // Each participant is its own device: its own sign-in code and stored sign-in.
        s = createRemoteQuizSource({ baseUrl, login: async () => `quiz-${id}-${who}`, authKey: `rcc:auth:${who}`, cache: createMemoryStore(), now: () => clock.t })
        sources.set(who, s)
      }
      return s
    }
    return { source, clock }
  },
  suite: runQuizContract
}
