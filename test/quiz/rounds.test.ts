/** @jest-environment node */
import { COMPETITION_QUESTION_COUNT, DAILY_QUESTION_COUNT, LOCAL_TOPIC, type Round } from '@/services/quiz/contract'
import { DataError } from '@/services/core/errors'
import { dayStartMs } from '@/services/quiz/rules/time'
import { bankById, harness, playCompetition, rightChoice, T0, wrongChoice, type Harness } from './helpers'

function codeOf(fn: () => unknown): string {
  try {
    fn()
  } catch (err) {
    if (err instanceof DataError) return err.code
    throw err
  }
  throw new Error('expected a DataError')
}

function startCompetition(h: Harness, pid: string): Round {
  return h.rules.startRound(pid, { mode: 'competition', idempotencyKey: h.key() })
}

describe('每日答题', () => {
  it('is the same 10 questions for everyone that day, untimed, options in a per-participant order', () => {
    const h = harness()
    const a = h.rules.startRound('alice', { mode: 'daily', idempotencyKey: h.key() })
    h.advance(3_600_000)
    const b = h.rules.startRound('bob', { mode: 'daily', idempotencyKey: h.key() })
    expect(a.items).toHaveLength(DAILY_QUESTION_COUNT)
    expect(b.items.map((i) => i.question.id)).toEqual(a.items.map((i) => i.question.id))
    expect(a.timed).toBe(false)
    expect(a.ranked).toBe(false)
    for (const it of a.items) expect([...it.question.options].sort()).toEqual([...bankById.get(it.question.id)!.options].sort())
    expect(h.rules.dailyQuestionIds('2026-11-30')).toEqual(a.items.map((i) => i.question.id))
  })

  it('is drawn fresh the next Asia/Shanghai day', () => {
    const h = harness()
    const today = h.rules.dailyQuestionIds('2026-11-30')
    const tomorrow = h.rules.dailyQuestionIds('2026-12-01')
    expect(tomorrow).not.toEqual(today)
    expect(h.rules.dailyQuestionIds('2026-11-30')).toEqual(today)
  })

  it('uses the Asia/Shanghai day: 15:59:59Z and 16:00:00Z fall on different days', () => {
    const before = harness(Date.parse('2026-11-30T15:59:59Z'))
    const after = harness(Date.parse('2026-11-30T16:00:00Z'))
    const r1 = before.rules.startRound('p', { mode: 'daily', idempotencyKey: before.key() })
    const r2 = after.rules.startRound('p', { mode: 'daily', idempotencyKey: after.key() })
    expect(r1.dayKey).toBe('2026-11-30')
    expect(r2.dayKey).toBe('2026-12-01')
    expect(r1.items.map((i) => i.question.id)).toEqual(before.rules.dailyQuestionIds('2026-11-30'))
    expect(r2.items.map((i) => i.question.id)).toEqual(after.rules.dailyQuestionIds('2026-12-01'))
  })

  it('one round per participant and day: starting again returns it; explanations come with each answer', () => {
    const h = harness()
    const r = h.rules.startRound('p', { mode: 'daily', idempotencyKey: h.key() })
    const q = r.items[0].question
    const res = h.rules.answer('p', { roundId: r.id, questionId: q.id, choice: rightChoice(q), idempotencyKey: h.key() })
    expect(res.correct).toBe(true)
    expect(res.score).toBe(100)
    expect(res.explanation).toBe(bankById.get(q.id)!.explanation)
    const again = h.rules.startRound('p', { mode: 'daily', idempotencyKey: h.key() })
    expect(again.id).toBe(r.id)
    expect(again.answeredCount).toBe(1)
  })

  it('finishes by itself when the last question is answered', () => {
    const h = harness()
    const r = h.rules.startRound('p', { mode: 'daily', idempotencyKey: h.key() })
    for (const it of r.items) {
      h.advance(2000)
      h.rules.answer('p', { roundId: r.id, questionId: it.question.id, choice: rightChoice(it.question), idempotencyKey: h.key() })
    }
    const res = h.rules.getRoundResult('p', r.id)
    expect(res.status).toBe('finished')
    expect(res.score).toBe(1000)
    expect(res.correctCount).toBe(10)
    expect(res.timeMs).toBe(20_000)
  })
})

describe('竞答 rounds', () => {
  it('draws 20 questions by the mix: 8 泉州地方党史, 6 easy / 10 medium / 4 hard, easy first', () => {
    const h = harness()
    const r = startCompetition(h, 'p')
    expect(r.total).toBe(COMPETITION_QUESTION_COUNT)
    expect(r.items).toHaveLength(0) // nothing is shown before it is opened
    const full = h.rules.finishRound('p', { roundId: r.id, idempotencyKey: h.key() }).review.map((x) => bankById.get(x.question.id)!)
    expect(new Set(full.map((q) => q.id)).size).toBe(20)
    expect(full.filter((q) => q.topic === LOCAL_TOPIC)).toHaveLength(8)
    const levels = full.map((q) => q.difficulty)
    expect(levels.filter((d) => d === 1)).toHaveLength(6)
    expect(levels.filter((d) => d === 2)).toHaveLength(10)
    expect(levels.filter((d) => d === 3)).toHaveLength(4)
    expect(levels).toEqual([...levels].sort())
  })

  it('shuffles options per participant, and scores against the order each participant saw', () => {
    const h = harness()
    let shuffledSomewhere = false
    const orders = new Map<string, string[][]>()
    for (const pid of ['alice', 'bob', 'carol']) {
      const r = startCompetition(h, pid)
      for (let i = 0; i < r.total; i++) {
        const item = h.rules.openNextQuestion(pid, r.id)!
        const full = bankById.get(item.question.id)!
        expect([...item.question.options].sort()).toEqual([...full.options].sort())
        if (item.question.options.join() !== full.options.join()) shuffledSomewhere = true
        orders.set(item.question.id, [...(orders.get(item.question.id) ?? []), item.question.options])
        h.advance(4000)
        const res = h.rules.answer(pid, { roundId: r.id, questionId: item.question.id, choice: rightChoice(item.question), idempotencyKey: h.key() })
        expect(res.correct).toBe(true)
        expect(res.score).toBe(180)
        expect(res.correctChoice).toEqual(rightChoice(item.question))
      }
    }
    expect(shuffledSomewhere).toBe(true)
    // Where two participants got the same single/multiple question, the orders differ somewhere.
    const shared = [...orders].filter(([id, os]) => os.length > 1 && bankById.get(id)!.type !== 'judge')
    if (shared.length) expect(shared.some(([, os]) => os.some((o) => o.join() !== os[0].join()))).toBe(true)
  })

  it('a faster right answer scores more; wrong scores 0', () => {
    const h = harness()
    const r = startCompetition(h, 'p')
    let item = h.rules.openNextQuestion('p', r.id)!
    h.advance(2_000)
    expect(h.rules.answer('p', { roundId: r.id, questionId: item.question.id, choice: rightChoice(item.question), idempotencyKey: h.key() }).score).toBe(190)
    item = h.rules.openNextQuestion('p', r.id)!
    h.advance(12_000)
    expect(h.rules.answer('p', { roundId: r.id, questionId: item.question.id, choice: rightChoice(item.question), idempotencyKey: h.key() }).score).toBe(140)
    item = h.rules.openNextQuestion('p', r.id)!
    h.advance(1_000)
    const wrong = h.rules.answer('p', { roundId: r.id, questionId: item.question.id, choice: wrongChoice(item.question), idempotencyKey: h.key() })
    expect(wrong).toMatchObject({ correct: false, score: 0 })
  })

  it('accepts an answer at 22.000 s (score 100) and rejects one at 22.001 s', () => {
    const h = harness()
    const r = startCompetition(h, 'p')
    const q1 = h.rules.openNextQuestion('p', r.id)!
    expect(q1.deadlineAt).toBe(q1.openedAt! + 20_000)
    h.advance(22_000)
    const ok = h.rules.answer('p', { roundId: r.id, questionId: q1.question.id, choice: rightChoice(q1.question), idempotencyKey: h.key() })
    expect(ok).toMatchObject({ correct: true, score: 100, timeMs: 20_000, timedOut: false })

    const q2 = h.rules.openNextQuestion('p', r.id)!
    h.advance(22_001)
    const before = h.snapshot()
    expect(codeOf(() => h.rules.answer('p', { roundId: r.id, questionId: q2.question.id, choice: rightChoice(q2.question), idempotencyKey: h.key() }))).toBe('CONFLICT')
    expect(h.snapshot()).toEqual(before)
    const view = h.rules.getRound('p', r.id)
    expect(view.items[1]).toMatchObject({ status: 'timed_out', result: { score: 0, timedOut: true } })
    expect(view.score).toBe(100)
  })

  it('reopening the app resumes the round with the clock run on, and never gives a second try', () => {
    const h = harness()
    const r = startCompetition(h, 'p')
    const q1 = h.rules.openNextQuestion('p', r.id)!
    h.advance(8_000) // app closed
    const resumed = h.rules.getRound('p', r.id)
    expect(resumed.current).toBe(0)
    expect(resumed.items).toHaveLength(1)
    expect(resumed.items[0].deadlineAt).toBe(q1.deadlineAt)
    expect(resumed.serverNow - resumed.items[0].openedAt!).toBe(8_000)
    // Asking for "the next" question again returns the same one, same deadline.
    const again = h.rules.openNextQuestion('p', r.id)!
    expect(again.question.id).toBe(q1.question.id)
    expect(again.openedAt).toBe(q1.openedAt)
    h.advance(1_000)
    const res = h.rules.answer('p', { roundId: r.id, questionId: q1.question.id, choice: wrongChoice(q1.question), idempotencyKey: h.key() })
    expect(res.score).toBe(0)
    // A second, different answer to the same question is refused.
    expect(codeOf(() => h.rules.answer('p', { roundId: r.id, questionId: q1.question.id, choice: rightChoice(q1.question), idempotencyKey: h.key() }))).toBe('CONFLICT')
    // A question left open while the app was closed times out and cannot be answered after.
    const q2 = h.rules.openNextQuestion('p', r.id)!
    h.advance(60_000)
    expect(h.rules.getRound('p', r.id).items[1].status).toBe('timed_out')
    expect(codeOf(() => h.rules.answer('p', { roundId: r.id, questionId: q2.question.id, choice: rightChoice(q2.question), idempotencyKey: h.key() }))).toBe('CONFLICT')
    // The next question opens fresh.
    const q3 = h.rules.openNextQuestion('p', r.id)!
    expect(q3.index).toBe(2)
    expect(q3.openedAt).toBe(h.clock.t)
  })

  it('refuses an answer to a question not yet opened (CONFLICT) or not in the round (NOT_FOUND)', () => {
    const h = harness()
    const r = startCompetition(h, 'p')
    h.rules.openNextQuestion('p', r.id)
    // White-box: the round's second question, which the participant has not been shown.
    const stored = h.store.get<{ items: Array<{ questionId: string }> }>(`quiz:round:${r.id}`)!
    const unopened = stored.items[1].questionId
    expect(codeOf(() => h.rules.answer('p', { roundId: r.id, questionId: unopened, choice: [0], idempotencyKey: h.key() }))).toBe('CONFLICT')
    const notInRound = [...bankById.keys()].find((id) => !stored.items.some((i) => i.questionId === id))!
    expect(codeOf(() => h.rules.answer('p', { roundId: r.id, questionId: notInRound, choice: [0], idempotencyKey: h.key() }))).toBe('NOT_FOUND')
  })

  it('a round expires 30 minutes after start: answers and finishing are refused, the result stands', () => {
    const h = harness()
    const r = startCompetition(h, 'p')
    const q1 = h.rules.openNextQuestion('p', r.id)!
    h.advance(3_000)
    h.rules.answer('p', { roundId: r.id, questionId: q1.question.id, choice: rightChoice(q1.question), idempotencyKey: h.key() })
    const q2 = h.rules.openNextQuestion('p', r.id)!
    h.advance(31 * 60_000)
    expect(codeOf(() => h.rules.answer('p', { roundId: r.id, questionId: q2.question.id, choice: [0], idempotencyKey: h.key() }))).toBe('CONFLICT')
    expect(codeOf(() => h.rules.finishRound('p', { roundId: r.id, idempotencyKey: h.key() }))).toBe('CONFLICT')
    expect(codeOf(() => h.rules.openNextQuestion('p', r.id))).toBe('CONFLICT')
    const res = h.rules.getRoundResult('p', r.id)
    expect(res).toMatchObject({ status: 'expired', score: 185, correctCount: 1, finishedAt: r.expiresAt })
    // It was ranked: it counts as the day's best.
    expect(h.rules.getDayStatus('p').best).toMatchObject({ roundId: r.id, score: 185 })
  })

  it('after the round: score, correct count, time used, every answer and explanation, related site', () => {
    const h = harness()
    const res = playCompetition(h, 'p', { answerMs: 5_000, wrong: 2 })
    expect(res.total).toBe(20)
    expect(res.correctCount).toBe(18)
    expect(res.score).toBe(18 * 175)
    expect(res.timeMs).toBe(20 * 5_000)
    expect(res.maxScore).toBe(4000)
    expect(res.bestOfDay).toBe(true)
    for (const item of res.review) {
      const full = bankById.get(item.question.id)!
      expect(item.result.explanation).toBe(full.explanation)
      expect(item.result.relatedSiteId).toBe(full.relatedSiteId)
      expect(item.result.correctChoice.map((i) => item.question.options[i]).sort()).toEqual(full.answer.map((i) => full.options[i]).sort())
    }
  })
})

describe('idempotency', () => {
  it('the same start key returns the same round and uses one attempt', () => {
    const h = harness()
    const key = h.key()
    const a = h.rules.startRound('p', { mode: 'competition', idempotencyKey: key })
    const b = h.rules.startRound('p', { mode: 'competition', idempotencyKey: key })
    expect(b.id).toBe(a.id)
    expect(h.rules.getDayStatus('p')).toMatchObject({ competitionRounds: 1, countedRoundsLeft: 2 })
  })

  it('the same answer key twice returns the first result and counts once', () => {
    const h = harness()
    const r = startCompetition(h, 'p')
    const q = h.rules.openNextQuestion('p', r.id)!
    const key = h.key()
    h.advance(4_000)
    const first = h.rules.answer('p', { roundId: r.id, questionId: q.question.id, choice: rightChoice(q.question), idempotencyKey: key })
    h.advance(10_000) // the retry arrives later, even with a different body
    const retry = h.rules.answer('p', { roundId: r.id, questionId: q.question.id, choice: wrongChoice(q.question), idempotencyKey: key })
    expect(retry).toEqual(first)
    const view = h.rules.getRound('p', r.id)
    expect(view.score).toBe(first.score)
    expect(view.answeredCount).toBe(1)
    // The key cannot be reused for another question.
    const q2 = h.rules.openNextQuestion('p', r.id)!
    expect(codeOf(() => h.rules.answer('p', { roundId: r.id, questionId: q2.question.id, choice: [0], idempotencyKey: key }))).toBe('CONFLICT')
  })

  it('a retried round finish returns the same result and counts once on the boards', () => {
    const h = harness()
    h.rules.agreeToBoards('p', { nickname: '小林', unit: '鲤城区第一支部' })
    const r = startCompetition(h, 'p')
    const q = h.rules.openNextQuestion('p', r.id)!
    h.advance(2_000)
    h.rules.answer('p', { roundId: r.id, questionId: q.question.id, choice: rightChoice(q.question), idempotencyKey: h.key() })
    const key = h.key()
    const a = h.rules.finishRound('p', { roundId: r.id, idempotencyKey: key })
    h.advance(5_000)
    const b = h.rules.finishRound('p', { roundId: r.id, idempotencyKey: key })
    const c = h.rules.finishRound('p', { roundId: r.id, idempotencyKey: h.key() })
    expect(b).toEqual(a)
    expect(c).toEqual(a)
    const week = h.rules.getLeaderboard('p', { period: 'week' })
    expect(week.me).toMatchObject({ score: 190, days: 1 })
    expect(h.rules.getLeaderboard('p', { period: 'all' }).me).toMatchObject({ score: 190, days: 1 })
  })
})

describe('daily attempt limit', () => {
  it('counts the first 3 竞答 rounds a day; the 4th is practice, scored but not ranked', () => {
    const h = harness()
    h.rules.agreeToBoards('p', { nickname: '小林', unit: '' })
    const scores: number[] = []
    for (let i = 0; i < 3; i++) {
      const res = playCompetition(h, 'p', { answerMs: 10_000, wrong: 5 }) // 15 × 150
      expect(res.ranked).toBe(true)
      expect(res.attemptNumber).toBe(i + 1)
      scores.push(res.score)
    }
    expect(h.rules.getDayStatus('p').countedRoundsLeft).toBe(0)
    const fourth = playCompetition(h, 'p', { answerMs: 1_000 }) // a much better round
    expect(fourth).toMatchObject({ ranked: false, attemptNumber: 4, bestOfDay: false })
    expect(fourth.score).toBe(20 * 195)
    expect(fourth.review).toHaveLength(20)
    const day = h.rules.getLeaderboard('p', { period: 'day' })
    expect(day.me?.score).toBe(Math.max(...scores))
    expect(h.rules.getDayStatus('p')).toMatchObject({ competitionRounds: 4, countedRoundsLeft: 0 })
  })

  it('the limit resets on the next Asia/Shanghai day', () => {
    const h = harness(dayStartMs('2026-12-01') - 60 * 60_000) // 23:00 on 30 Nov
    for (let i = 0; i < 3; i++) playCompetition(h, 'p')
    expect(h.rules.getDayStatus('p').countedRoundsLeft).toBe(0)
    h.clock.t = dayStartMs('2026-12-01') + 1000
    const r = startCompetition(h, 'p')
    expect(r).toMatchObject({ ranked: true, attemptNumber: 1, dayKey: '2026-12-01' })
  })

  it('the day’s best round counts: a worse later round does not replace it', () => {
    const h = harness()
    h.rules.agreeToBoards('p', { nickname: '小林', unit: '' })
    const good = playCompetition(h, 'p', { answerMs: 2_000 })
    playCompetition(h, 'p', { answerMs: 2_000, wrong: 10 })
    expect(h.rules.getDayStatus('p').best?.roundId).toBe(good.roundId)
    expect(h.rules.getLeaderboard('p', { period: 'day' }).me?.score).toBe(good.score)
  })
})

describe('专题练习', () => {
  it('by topic: untimed, not ranked, only that topic', () => {
    const h = harness()
    const r = h.rules.startRound('p', { mode: 'practice', topic: '抗日战争', count: 5, idempotencyKey: h.key() })
    expect(r).toMatchObject({ mode: 'practice', ranked: false, timed: false, total: 5, practice: { kind: 'topic', topic: '抗日战争' } })
    for (const it of r.items) expect(it.question.topic).toBe('抗日战争')
    expect(h.rules.listTopics()[0]).toMatchObject({ topic: LOCAL_TOPIC, local: true })
  })

  it('by heritage site', () => {
    const h = harness()
    const site = h.rules.listPracticeSites()[0]
    const r = h.rules.startRound('p', { mode: 'practice', siteId: site.siteId, idempotencyKey: h.key() })
    expect(r.total).toBe(Math.min(10, site.count))
    for (const it of r.items) expect(bankById.get(it.question.id)!.relatedSiteId).toBe(site.siteId)
  })

  it('unknown topic or site → NOT_FOUND; an empty 错题本 → CONFLICT', () => {
    const h = harness()
    expect(codeOf(() => h.rules.startRound('p', { mode: 'practice', topic: '不存在的专题', idempotencyKey: h.key() }))).toBe('NOT_FOUND')
    expect(codeOf(() => h.rules.startRound('p', { mode: 'practice', siteId: 'no-such-site', idempotencyKey: h.key() }))).toBe('NOT_FOUND')
    expect(codeOf(() => h.rules.startRound('p', { mode: 'practice', wrongBook: true, idempotencyKey: h.key() }))).toBe('CONFLICT')
  })
})

describe('错题本', () => {
  it('keeps every wrong answer, and lets it go after two right answers since the last wrong one', () => {
    const h = harness()
    const daily = h.rules.startRound('p', { mode: 'daily', idempotencyKey: h.key() })
    const q = daily.items[0].question
    h.rules.answer('p', { roundId: daily.id, questionId: q.id, choice: wrongChoice(q), idempotencyKey: h.key() })
    expect(h.rules.getWrongBook('p').map((w) => w.questionId)).toEqual([q.id])

    const retry = () => {
      const r = h.rules.startRound('p', { mode: 'practice', wrongBook: true, idempotencyKey: h.key() })
      expect(r.items.map((i) => i.question.id)).toEqual([q.id])
      return r
    }
    let r = retry()
    h.rules.answer('p', { roundId: r.id, questionId: q.id, choice: rightChoice(r.items[0].question), idempotencyKey: h.key() })
    expect(h.rules.getWrongBook('p')[0]).toMatchObject({ questionId: q.id, rightCount: 1, wrongCount: 1 })
    // Wrong again: the count starts over.
    r = retry()
    h.rules.answer('p', { roundId: r.id, questionId: q.id, choice: wrongChoice(r.items[0].question), idempotencyKey: h.key() })
    expect(h.rules.getWrongBook('p')[0]).toMatchObject({ rightCount: 0, wrongCount: 2 })
    for (let i = 0; i < 2; i++) {
      r = retry()
      h.rules.answer('p', { roundId: r.id, questionId: q.id, choice: rightChoice(r.items[0].question), idempotencyKey: h.key() })
    }
    expect(h.rules.getWrongBook('p')).toEqual([])
  })

  it('collects wrong answers from 竞答 rounds too', () => {
    const h = harness()
    const res = playCompetition(h, 'p', { wrong: 3 })
    const wrongIds = res.review.filter((x) => !x.result.correct).map((x) => x.question.id)
    expect(h.rules.getWrongBook('p').map((w) => w.questionId).sort()).toEqual(wrongIds.sort())
  })
})

describe('我的 → past rounds', () => {
  it('lists the participant’s rounds, newest first, with their scores', () => {
    const h = harness()
    const a = playCompetition(h, 'p')
    h.advance(60_000)
    const d = h.rules.startRound('p', { mode: 'daily', idempotencyKey: h.key() })
    const list = h.rules.listRounds('p')
    expect(list.map((x) => x.id)).toEqual([d.id, a.roundId])
    expect(list[1]).toMatchObject({ mode: 'competition', status: 'finished', score: a.score, correctCount: 20 })
    expect(h.rules.listRounds('someone-else')).toEqual([])
  })

  it('starting a new 竞答 round ends the one in progress; getActiveRound finds a round to resume', () => {
    const h = harness()
    const first = startCompetition(h, 'p')
    expect(h.rules.getActiveRound('p')?.id).toBe(first.id)
    const second = startCompetition(h, 'p')
    expect(h.rules.getRound('p', first.id).status).toBe('finished')
    expect(h.rules.getActiveRound('p', 'competition')?.id).toBe(second.id)
  })

  it('another participant’s round is NOT_FOUND', () => {
    const h = harness()
    const r = startCompetition(h, 'alice')
    expect(codeOf(() => h.rules.getRound('bob', r.id))).toBe('NOT_FOUND')
    expect(codeOf(() => h.rules.openNextQuestion('bob', r.id))).toBe('NOT_FOUND')
  })
})

it('T0 is a Monday morning in Shanghai', () => {
  expect(new Date(T0 + 8 * 3_600_000).getUTCDay()).toBe(1)
})
