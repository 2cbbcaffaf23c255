/**
 * @jest-environment node
 */
/**
 * The quiz routes of the HTTP mock server as an adapter: which routes need a token, demo seeding,
 * the `quiz` server options, query conversion, body whitelisting and the path's round id.
 * (Behaviour is covered by the quiz contract suite; this is the HTTP edge.)
 */
import questionsJson from '@mock/data/questions.json'
import { buildServer } from '@mock/server/app'
import { DEFAULT_DEMO as DEFAULT_QUIZ_DEMO } from '@/services/quiz/rules/demo'
import { API, fillPath } from '../support/api'
import type { Question } from '@/services/quiz/contract'
import { generateDemoData } from '@/services/quiz/rules/demo'
import { dayKeyOf } from '@/services/quiz/rules/time'
import { serve, type Served } from './inject'

const T0 = Date.UTC(2026, 10, 30, 2, 0, 0)
let keys = 0
const key = () => `srv-key-${String(++keys).padStart(6, '0')}`

async function signIn(app: Served, code: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: API.login.path, payload: { code } })
  expect(res.statusCode).toBe(200)
  return res.json().token
}

function expectError(res: { statusCode: number; json(): any }, status: number, code: string, field?: string) {
  expect(res.statusCode).toBe(status)
  const body = res.json()
  expect(body.error.code).toBe(code)
  expect(body.error.message).toMatch(/[\u4e00-\u9fff]/)
  if (field) expect(body.error.fields?.[field]).toMatch(/[\u4e00-\u9fff]/)
}

const quizRoutes = Object.entries(API).filter(([name]) => name.startsWith('quiz'))

describe('quiz routes', () => {
  let app: Served
  const clock = { t: T0 }
  beforeAll(async () => {
    app = await serve(buildServer({ now: () => clock.t }))
  })
  afterAll(() => app.close())

  it('all but the topic and site lists need a bearer token', async () => {
    expect(quizRoutes.length).toBe(17)
    for (const [name, r] of quizRoutes) {
      const url = fillPath(r.path, { id: 'r-1', period: 'day' })
      const res = await app.inject({ method: r.method, url, ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { payload: {} }) })
      if (name === 'quizTopics' || name === 'quizSites') expect({ name, status: res.statusCode }).toEqual({ name, status: 200 })
      else expect({ name, status: res.statusCode, code: res.json().error.code }).toEqual({ name, status: 401, code: 'UNAUTHORIZED' })
    }
  })

  it('seeds the default demo participants at start-up (in memory, labelled demo)', async () => {
    const token = await signIn(app, 'demo-reader')
    const res = await app.inject({ method: 'GET', url: `${fillPath(API.quizLeaderboard.path, { period: 'day' })}?limit=3`, headers: { authorization: `Bearer ${token}` } })
    expect(res.statusCode).toBe(200)
    const day = dayKeyOf(T0)
    const expected = generateDemoData({ ...DEFAULT_QUIZ_DEMO, endDay: day, nowMs: T0 }).results.filter((r) => r.dayKey === day)
    const board = res.json()
    expect(board).toMatchObject({ period: 'day', periodKey: day, total: expected.length, me: null, consented: false })
    expect(board.entries).toHaveLength(3)
    expect(board.entries[0].score).toBe(Math.max(...expected.map((r) => r.score)))
    expect(board.entries.every((e: { demo: boolean }) => e.demo)).toBe(true)
  })

  it('converts limit and neighbours from digits; refuses anything else naming the field', async () => {
    const token = await signIn(app, 'query-1')
    const auth = { authorization: `Bearer ${token}` }
    const board = fillPath(API.quizLeaderboard.path, { period: 'week' })
    expect((await app.inject({ method: 'GET', url: `${board}?limit=2&neighbours=0`, headers: auth })).json().entries).toHaveLength(2)
    expectError(await app.inject({ method: 'GET', url: `${board}?limit=abc`, headers: auth }), 400, 'INVALID_INPUT', 'limit')
    expectError(await app.inject({ method: 'GET', url: `${board}?limit=2.5`, headers: auth }), 400, 'INVALID_INPUT', 'limit')
    expectError(await app.inject({ method: 'GET', url: `${board}?neighbours=-1`, headers: auth }), 400, 'INVALID_INPUT', 'neighbours')
    expectError(await app.inject({ method: 'GET', url: `${board}?key=2026-11-30`, headers: auth }), 400, 'INVALID_INPUT', 'key')
    expectError(await app.inject({ method: 'GET', url: fillPath(API.quizUnitLeaderboard.path, { period: 'year' }), headers: auth }), 400, 'INVALID_INPUT', 'period')
    expectError(await app.inject({ method: 'GET', url: `${API.quizMyRounds.path}?limit=many`, headers: auth }), 400, 'INVALID_INPUT', 'limit')
    expectError(await app.inject({ method: 'GET', url: `${API.quizActiveRound.path}?mode=exam`, headers: auth }), 400, 'INVALID_INPUT', 'mode')
    const active = await app.inject({ method: 'GET', url: `${API.quizActiveRound.path}?mode=daily`, headers: auth })
    expect(active.json()).toEqual({ round: null })
  })

  it('ignores fields outside the contract: another participant id, a ranked flag, a score', async () => {
    const token = await signIn(app, 'extra-1')
    const auth = { authorization: `Bearer ${token}` }
    const day = await app.inject({ method: 'GET', url: API.quizDay.path, headers: auth })
    expect(day.json()).toMatchObject({ competitionRounds: 0, best: null })
    const res = await app.inject({
      method: 'POST',
      url: API.quizStartRound.path,
      headers: auth,
      payload: { mode: 'daily', idempotencyKey: key(), participantId: 'p-someone-else', ranked: true, score: 1000, startedAt: 0 }
    })
    expect(res.statusCode).toBe(200)
    const round = res.json()
    expect(round).toMatchObject({ mode: 'daily', ranked: false, score: 0, startedAt: clock.t })
    expect(round.participantId).not.toBe('p-someone-else')
    const consent = await app.inject({ method: 'PUT', url: API.quizAgree.path, headers: auth, payload: { nickname: '小林', unit: '', agreedAt: 1, demo: true } })
    expect(consent.json()).toEqual({ agreed: true, nickname: '小林', unit: '', agreedAt: clock.t })
  })

  it('refuses bodies that are not objects, and a body round id that differs from the path', async () => {
    const token = await signIn(app, 'shape-1')
    const auth = { authorization: `Bearer ${token}` }
    expectError(
      await app.inject({ method: 'POST', url: API.quizStartRound.path, headers: { ...auth, 'content-type': 'application/json' }, payload: '["daily"]' }),
      400,
      'INVALID_INPUT'
    )
    const round = (await app.inject({ method: 'POST', url: API.quizStartRound.path, headers: auth, payload: { mode: 'daily', idempotencyKey: key() } })).json()
    const q = round.items[0].question
    const url = fillPath(API.quizAnswer.path, { id: round.id })
    expectError(await app.inject({ method: 'POST', url, headers: { ...auth, 'content-type': 'application/json' }, payload: '"A"' }), 400, 'INVALID_INPUT')
    expectError(await app.inject({ method: 'POST', url, headers: auth, payload: { roundId: 'x', questionId: q.id, choice: [0], idempotencyKey: key() } }), 400, 'INVALID_INPUT', 'roundId')
    expectError(await app.inject({ method: 'POST', url, headers: auth, payload: { questionId: q.id, choice: [0] } }), 400, 'INVALID_INPUT', 'idempotencyKey')
    const ok = await app.inject({ method: 'POST', url, headers: auth, payload: { roundId: round.id, questionId: q.id, choice: [0], idempotencyKey: key() } })
    expect(ok.statusCode).toBe(200)
    expectError(await app.inject({ method: 'GET', url: fillPath(API.quizGetRound.path, { id: 'r-nope' }), headers: auth }), 404, 'NOT_FOUND')
  })
})

describe('quiz server options', () => {
  it('demo: false leaves the boards empty; a custom demo seeds that many', async () => {
    const none = await serve(buildServer({ now: () => T0, quiz: { demo: false } }))
    const some = await serve(buildServer({ now: () => T0, quiz: { demo: { participants: 5, days: 3, seed: 'x' } } }))
    try {
      for (const [app, expected] of [
        [none, 0],
        [some, new Set(generateDemoData({ participants: 5, days: 3, seed: 'x', endDay: dayKeyOf(T0), nowMs: T0 }).results.map((r) => r.participantId)).size]
      ] as const) {
        const token = await signIn(app, 'opts')
        const res = await app.inject({ method: 'GET', url: fillPath(API.quizLeaderboard.path, { period: 'all' }), headers: { authorization: `Bearer ${token}` } })
        expect(res.json().total).toBe(expected)
      }
    } finally {
      await none.close()
      await some.close()
    }
  })

  it('questions and a quiz clock of its own can be injected', async () => {
    const bank = (questionsJson as Question[]).slice(0, 30)
    const quizClock = Date.UTC(2027, 0, 1, 4, 0, 0)
    const app = await serve(buildServer({ quiz: { questions: bank, now: () => quizClock, demo: false } }))
    try {
      const topics = (await app.inject({ method: 'GET', url: API.quizTopics.path })).json().items as Array<{ count: number }>
      expect(topics.reduce((n, x) => n + x.count, 0)).toBe(30)
      const token = await signIn(app, 'clock')
      const round = (await app.inject({ method: 'POST', url: API.quizStartRound.path, headers: { authorization: `Bearer ${token}` }, payload: { mode: 'practice', topic: bank[0].topic, idempotencyKey: key() } })).json()
      expect(round).toMatchObject({ startedAt: quizClock, serverNow: quizClock, dayKey: '2027-01-01' })
    } finally {
      await app.close()
    }
  })
})
