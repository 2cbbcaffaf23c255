/** @jest-environment node */
import { DataError, type DataErrorCode } from '@/services/core/errors'
import { bankById, harness, rightChoice, type Harness } from './helpers'

/** A round in progress with question 1 open, plus a single- and (if drawn) a judge/multiple question to aim at. */
function setUp() {
  const h = harness()
  h.rules.agreeToBoards('p', { nickname: '小林', unit: '一支部' })
  const round = h.rules.startRound('p', { mode: 'competition', idempotencyKey: h.key() })
  const item = h.rules.openNextQuestion('p', round.id)!
  h.advance(3_000)
  return { h, round, item }
}

function expectRefused(h: Harness, fn: () => unknown, code: DataErrorCode) {
  const before = h.snapshot()
  let err: unknown
  try {
    fn()
  } catch (e) {
    err = e
  }
  expect(err).toBeInstanceOf(DataError)
  expect((err as DataError).code).toBe(code)
  expect((err as DataError).message).toMatch(/[\u4e00-\u9fff]/) // a Chinese message
  expect(h.snapshot()).toEqual(before)
}

describe('bad answers are refused with a clear error and leave the store unchanged', () => {
  const cases: Array<[string, (c: ReturnType<typeof setUp>) => unknown, DataErrorCode]> = [
    ['not an object', ({ h }) => h.rules.answer('p', 'A'), 'INVALID_INPUT'],
    ['an array body', ({ h }) => h.rules.answer('p', [1]), 'INVALID_INPUT'],
    ['no round id', ({ h, item }) => h.rules.answer('p', { questionId: item.question.id, choice: [0], idempotencyKey: h.key() }), 'INVALID_INPUT'],
    ['unknown round id', ({ h, item }) => h.rules.answer('p', { roundId: 'r-nope', questionId: item.question.id, choice: [0], idempotencyKey: h.key() }), 'NOT_FOUND'],
    ['another participant’s round', ({ h, round, item }) => h.rules.answer('q', { roundId: round.id, questionId: item.question.id, choice: [0], idempotencyKey: h.key() }), 'NOT_FOUND'],
    ['unknown question id', ({ h, round }) => h.rules.answer('p', { roundId: round.id, questionId: 'q-0000000000', choice: [0], idempotencyKey: h.key() }), 'NOT_FOUND'],
    ['choice not a list', ({ h, round, item }) => h.rules.answer('p', { roundId: round.id, questionId: item.question.id, choice: 'B', idempotencyKey: h.key() }), 'INVALID_INPUT'],
    ['choice a bare number', ({ h, round, item }) => h.rules.answer('p', { roundId: round.id, questionId: item.question.id, choice: 1, idempotencyKey: h.key() }), 'INVALID_INPUT'],
    ['empty choice', ({ h, round, item }) => h.rules.answer('p', { roundId: round.id, questionId: item.question.id, choice: [], idempotencyKey: h.key() }), 'INVALID_INPUT'],
    ['fractional index', ({ h, round, item }) => h.rules.answer('p', { roundId: round.id, questionId: item.question.id, choice: [1.5], idempotencyKey: h.key() }), 'INVALID_INPUT'],
    ['negative index', ({ h, round, item }) => h.rules.answer('p', { roundId: round.id, questionId: item.question.id, choice: [-1], idempotencyKey: h.key() }), 'INVALID_INPUT'],
    ['string index', ({ h, round, item }) => h.rules.answer('p', { roundId: round.id, questionId: item.question.id, choice: ['0'], idempotencyKey: h.key() }), 'INVALID_INPUT'],
    ['repeated index', ({ h, round, item }) => h.rules.answer('p', { roundId: round.id, questionId: item.question.id, choice: [0, 0], idempotencyKey: h.key() }), 'INVALID_INPUT'],
    ['option out of range', ({ h, round, item }) => h.rules.answer('p', { roundId: round.id, questionId: item.question.id, choice: [item.question.options.length], idempotencyKey: h.key() }), 'INVALID_INPUT'],
    ['no idempotency key', ({ h, round, item }) => h.rules.answer('p', { roundId: round.id, questionId: item.question.id, choice: [0] }), 'INVALID_INPUT'],
    ['too short a key', ({ h, round, item }) => h.rules.answer('p', { roundId: round.id, questionId: item.question.id, choice: [0], idempotencyKey: 'abc' }), 'INVALID_INPUT'],
    ['a key with spaces', ({ h, round, item }) => h.rules.answer('p', { roundId: round.id, questionId: item.question.id, choice: [0], idempotencyKey: 'has spaces in it' }), 'INVALID_INPUT']
  ]
  it.each(cases)('%s', (_, fn, code) => {
    const c = setUp()
    expectRefused(c.h, () => fn(c), code)
    // The round is intact: the real answer still goes through.
    const res = c.h.rules.answer('p', { roundId: c.round.id, questionId: c.item.question.id, choice: rightChoice(c.item.question), idempotencyKey: c.h.key() })
    expect(res.correct).toBe(true)
    expect(res.score).toBe(185)
  })

  it('more than one option for a single-choice or judge question', () => {
    const h = harness()
    const r = h.rules.startRound('p', { mode: 'practice', topic: '抗日战争', count: 20, idempotencyKey: h.key() })
    const single = r.items.find((i) => i.question.type !== 'multiple')!
    expectRefused(h, () => h.rules.answer('p', { roundId: r.id, questionId: single.question.id, choice: [0, 1], idempotencyKey: h.key() }), 'INVALID_INPUT')
    const judge = r.items.find((i) => i.question.type === 'judge')
    if (judge) expectRefused(h, () => h.rules.answer('p', { roundId: r.id, questionId: judge.question.id, choice: [2], idempotencyKey: h.key() }), 'INVALID_INPUT')
    expect(bankById.get(single.question.id)).toBeDefined()
  })

  it('an answer to an expired round', () => {
    const { h, round, item } = setUp()
    h.advance(31 * 60_000)
    expectRefused(h, () => h.rules.answer('p', { roundId: round.id, questionId: item.question.id, choice: rightChoice(item.question), idempotencyKey: h.key() }), 'CONFLICT')
    expectRefused(h, () => h.rules.finishRound('p', { roundId: round.id, idempotencyKey: h.key() }), 'CONFLICT')
  })
})

describe('bad round, board and practice requests', () => {
  const cases: Array<[string, (h: Harness) => unknown, DataErrorCode]> = [
    ['unknown mode', (h) => h.rules.startRound('p', { mode: 'blitz', idempotencyKey: h.key() }), 'INVALID_INPUT'],
    ['no start key', (h) => h.rules.startRound('p', { mode: 'competition' }), 'INVALID_INPUT'],
    ['practice with two sources', (h) => h.rules.startRound('p', { mode: 'practice', topic: '抗日战争', wrongBook: true, idempotencyKey: h.key() }), 'INVALID_INPUT'],
    ['practice with none', (h) => h.rules.startRound('p', { mode: 'practice', idempotencyKey: h.key() }), 'INVALID_INPUT'],
    ['a topic on a 竞答 round', (h) => h.rules.startRound('p', { mode: 'competition', topic: '抗日战争', idempotencyKey: h.key() }), 'INVALID_INPUT'],
    ['practice count 0', (h) => h.rules.startRound('p', { mode: 'practice', topic: '抗日战争', count: 0, idempotencyKey: h.key() }), 'INVALID_INPUT'],
    ['practice count 21', (h) => h.rules.startRound('p', { mode: 'practice', topic: '抗日战争', count: 21, idempotencyKey: h.key() }), 'INVALID_INPUT'],
    ['unknown topic', (h) => h.rules.startRound('p', { mode: 'practice', topic: '火星史', idempotencyKey: h.key() }), 'NOT_FOUND'],
    ['finish an unknown round', (h) => h.rules.finishRound('p', { roundId: 'r-nope', idempotencyKey: h.key() }), 'NOT_FOUND'],
    ['finish with no key', (h) => h.rules.finishRound('p', { roundId: 'r-nope' }), 'INVALID_INPUT'],
    ['open next of an unknown round', (h) => h.rules.openNextQuestion('p', 'r-nope'), 'NOT_FOUND'],
    ['round id not a string', (h) => h.rules.getRound('p', 42), 'INVALID_INPUT'],
    ['board period unknown', (h) => h.rules.getLeaderboard('p', { period: 'month' }), 'INVALID_INPUT'],
    ['board day not a day', (h) => h.rules.getLeaderboard('p', { period: 'day', key: '2026-02-30' }), 'INVALID_INPUT'],
    ['board week not a week', (h) => h.rules.getLeaderboard('p', { period: 'week', key: '2026-W60' }), 'INVALID_INPUT'],
    ['board limit too large', (h) => h.rules.getLeaderboard('p', { period: 'all', limit: 101 }), 'INVALID_INPUT'],
    ['board neighbours too many', (h) => h.rules.getUnitLeaderboard('p', { period: 'all', neighbours: 11 }), 'INVALID_INPUT'],
    ['past rounds limit 0', (h) => h.rules.listRounds('p', { limit: 0 }), 'INVALID_INPUT'],
    ['bad import nickname', (h) => h.rules.importResults([{ participantId: 'x', nickname: '\u0000', unit: '' }], []), 'INVALID_INPUT'],
    ['bad import result', (h) => h.rules.importResults([{ participantId: 'x', nickname: '某人', unit: '' }], [{ participantId: 'x', dayKey: '2026-11-30', score: -1, timeMs: 0, finishedAt: 0 }]), 'INVALID_INPUT']
  ]
  it.each(cases)('%s', (_, fn, code) => {
    const h = harness()
    h.rules.agreeToBoards('p', { nickname: '小林', unit: '一支部' })
    h.rules.startRound('p', { mode: 'daily', idempotencyKey: h.key() })
    expectRefused(h, () => fn(h), code)
  })

  it('a corrupt stored round reads as NOT_FOUND and is not overwritten', () => {
    const h = harness()
    h.store.set('quiz:round:r-bad', { v: 1, id: 'r-bad', pid: 'p', items: 'garbage' })
    expectRefused(h, () => h.rules.getRound('p', 'r-bad'), 'NOT_FOUND')
    expectRefused(h, () => h.rules.answer('p', { roundId: 'r-bad', questionId: 'q-0000000000', choice: [0], idempotencyKey: h.key() }), 'NOT_FOUND')
  })
})
