/**
 * @jest-environment node
 */
/**
 * What only the remote quiz source has (the suite on both sources is in `quiz-suite.ts`,
 * registered in `contracts.test.ts`): the raw wire (no answer key before answering, a client's
 * score ignored, the Idempotency-Key header), malformed answers, the catalogue's offline copy, and
 * the sign-in shared with the heritage remote source.
 */
import { buildServer } from '@mock/server/app'
import { API, fillPath } from '../support/api'
import { createRemoteQuizSource } from '@/services/quiz/remote'
import type { QuizSource } from '@/services/quiz/source'
import { createRemoteSource } from '../support/sources'
import { createMemoryStore } from '@/services/core/kv'
import Taro from '@tarojs/taro'
import { expectDataError, installFetchRequest, listenFastify, listenStub, type Listening } from './http'
import { BANK_BY_ID, newKey, QUIZ_T0, rightChoice, wrongChoice } from './quiz-suite'

// ---------------------------------------------------------------------------------------------
// Remote only
// ---------------------------------------------------------------------------------------------

/** Fields of the answer key that must never reach the client before it answers. */
const KEY_FIELDS = /"(answer|explanation|correctChoice|sources|relatedSiteId|relatedSiteRef|origin|topicBasis|difficultyBasis)"\s*:/

describe('remote quiz source only', () => {
  let server: Listening
  const clock = { t: QUIZ_T0 }

  beforeEach(async () => {
    clock.t = QUIZ_T0
    installFetchRequest()
    server = await listenFastify(buildServer({ now: () => clock.t, quiz: { demo: false } }))
  })
  afterEach(() => server.close())

  async function raw(method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) }
    if (opts.token) headers.authorization = `Bearer ${opts.token}`
    if (opts.body !== undefined) headers['content-type'] = 'application/json'
    const res = await fetch(`${server.baseUrl}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) })
    const text = await res.text()
    return { status: res.status, text, json: JSON.parse(text) as any }
  }
  const signIn = async (code: string) => (await raw('POST', API.login.path, { body: { code } })).json.token as string

  it('no answer key crosses the wire before answering (daily and 竞答), only after', async () => {
    const token = await signIn('wire-1')
    const daily = await raw('POST', API.quizStartRound.path, { token, body: { mode: 'daily', idempotencyKey: newKey() } })
    expect(daily.status).toBe(200)
    expect(daily.json.items).toHaveLength(10)
    expect(daily.text).not.toMatch(KEY_FIELDS)
    const comp = await raw('POST', API.quizStartRound.path, { token, body: { mode: 'competition', idempotencyKey: newKey() } })
    const id = comp.json.id as string
    const next = await raw('POST', fillPath(API.quizOpenNext.path, { id }), { token })
    expect(next.status).toBe(200)
    const again = await raw('GET', fillPath(API.quizGetRound.path, { id }), { token })
    const active = await raw('GET', `${API.quizActiveRound.path}?mode=competition`, { token })
    for (const res of [comp, next, again, active]) {
      expect(res.text).not.toMatch(KEY_FIELDS)
      for (const it of (res.json.items ?? res.json.round?.items ?? [res.json.item]) as Array<{ question: { id: string } }>) {
        const explanation = BANK_BY_ID.get(it.question.id)!.explanation
        if (explanation) expect(res.text).not.toContain(explanation)
      }
    }
    expect(Object.keys(next.json.item.question).sort()).toEqual(['difficulty', 'id', 'options', 'text', 'topic', 'type'])

    const q = next.json.item.question
    const answered = await raw('POST', fillPath(API.quizAnswer.path, { id }), { token, body: { questionId: q.id, choice: rightChoice(q), idempotencyKey: newKey() } })
    expect(answered.status).toBe(200)
    expect(answered.json.explanation).toBe(BANK_BY_ID.get(q.id)!.explanation)
  })

  it('the server’s clock decides: a score, time or verdict in the body is ignored', async () => {
    const token = await signIn('cheat-1')
    const start = await raw('POST', API.quizStartRound.path, { token, body: { mode: 'competition', idempotencyKey: newKey(), ranked: true, attemptNumber: 1, startedAt: 0 } })
    const id = start.json.id as string
    const q1 = (await raw('POST', fillPath(API.quizOpenNext.path, { id }), { token })).json.item.question
    clock.t += 7_300
    const cheat = { score: 999_999, timeMs: 0, answeredAt: QUIZ_T0, correct: true, timedOut: false, openedAt: clock.t }
    const right = await raw('POST', fillPath(API.quizAnswer.path, { id }), { token, body: { questionId: q1.id, choice: rightChoice(q1), idempotencyKey: newKey(), ...cheat } })
    expect(right.json).toMatchObject({ correct: true, score: 164, timeMs: 7_300, answeredAt: clock.t })

    const q2 = (await raw('POST', fillPath(API.quizOpenNext.path, { id }), { token })).json.item.question
    clock.t += 1_000
    const wrong = await raw('POST', fillPath(API.quizAnswer.path, { id }), { token, body: { questionId: q2.id, choice: wrongChoice(q2), idempotencyKey: newKey(), ...cheat } })
    expect(wrong.json).toMatchObject({ correct: false, score: 0, timeMs: 1_000 })

    const q3 = (await raw('POST', fillPath(API.quizOpenNext.path, { id }), { token })).json.item.question
    clock.t += 25_000
    const late = await raw('POST', fillPath(API.quizAnswer.path, { id }), { token, body: { questionId: q3.id, choice: rightChoice(q3), idempotencyKey: newKey(), ...cheat } })
    expect(late.status).toBe(409)
    expect(late.json.error.code).toBe('CONFLICT')

    const finish = await raw('POST', fillPath(API.quizFinish.path, { id }), { token, body: { idempotencyKey: newKey(), score: 4000, finishedAt: 1 } })
    expect(finish.json).toMatchObject({ score: 164, correctCount: 1, finishedAt: clock.t })
    expect((await raw('GET', API.quizDay.path, { token })).json.best).toMatchObject({ roundId: id, score: 164 })
  })

  it('sends the idempotency key in the body and as the Idempotency-Key header', async () => {
    const calls = installFetchRequest()
    const qs = createRemoteQuizSource({ baseUrl: server.baseUrl, login: async () => 'idem-1', cache: createMemoryStore(), now: () => clock.t })
    const startKey = newKey()
    const round = await qs.startRound({ mode: 'competition', idempotencyKey: startKey })
    const item = (await qs.openNextQuestion(round.id))!
    const answerKey = newKey()
    await qs.answer({ roundId: round.id, questionId: item.question.id, choice: rightChoice(item.question), idempotencyKey: answerKey })
    const finishKey = newKey()
    await qs.finishRound({ roundId: round.id, idempotencyKey: finishKey })
    const writes = calls.filter((c) => c.method === 'POST' && !c.url.endsWith('/auth/login') && !c.url.endsWith('/next'))
    expect(writes.map((c) => [c.header['Idempotency-Key'], (c.data as { idempotencyKey: string }).idempotencyKey])).toEqual([
      [startKey, startKey],
      [answerKey, answerKey],
      [finishKey, finishKey]
    ])
    expect(writes.every((c) => /^Bearer \S+$/.test(c.header.Authorization))).toBe(true)
    // A malformed key is not put in a header; the server refuses it from the body.
    await expectDataError(qs.startRound({ mode: 'daily', idempotencyKey: '键'.repeat(10) }), 'INVALID_INPUT', 'idempotencyKey')
    expect(calls[calls.length - 1].header['Idempotency-Key']).toBeUndefined()
  })

  it('the server takes the key from the header alone, and refuses a header that differs from the body', async () => {
    const token = await signIn('idem-2')
    const key = newKey()
    const a = await raw('POST', API.quizStartRound.path, { token, body: { mode: 'competition' }, headers: { 'idempotency-key': key } })
    expect(a.status).toBe(200)
    const b = await raw('POST', API.quizStartRound.path, { token, body: { mode: 'competition', idempotencyKey: key }, headers: { 'idempotency-key': key } })
    expect(b.json.id).toBe(a.json.id)
    const mismatch = await raw('POST', API.quizStartRound.path, { token, body: { mode: 'competition', idempotencyKey: newKey() }, headers: { 'idempotency-key': key } })
    expect(mismatch.status).toBe(400)
    expect(mismatch.json.error).toMatchObject({ code: 'INVALID_INPUT', fields: { idempotencyKey: expect.stringMatching(/Idempotency-Key/) } })
    expect((await raw('GET', API.quizDay.path, { token })).json.competitionRounds).toBe(1)

    const id = a.json.id as string
    const q = (await raw('POST', fillPath(API.quizOpenNext.path, { id }), { token })).json.item.question
    const answerKey = newKey()
    const body = { questionId: q.id, choice: rightChoice(q) }
    const first = await raw('POST', fillPath(API.quizAnswer.path, { id }), { token, body, headers: { 'idempotency-key': answerKey } })
    clock.t += 3_000
    const retry = await raw('POST', fillPath(API.quizAnswer.path, { id }), { token, body: { ...body, idempotencyKey: answerKey } })
    expect(first.status).toBe(200)
    expect(retry.json).toEqual(first.json)
    const finish = await raw('POST', fillPath(API.quizFinish.path, { id }), { token, headers: { 'idempotency-key': newKey() } })
    expect(finish.json).toMatchObject({ roundId: id, status: 'finished' })
  })

  it('the round id comes from the path; a different one in the body is refused', async () => {
    const token = await signIn('path-1')
    const id = (await raw('POST', API.quizStartRound.path, { token, body: { mode: 'daily', idempotencyKey: newKey() } })).json.id as string
    const round = (await raw('GET', fillPath(API.quizGetRound.path, { id }), { token })).json
    const q = round.items[0].question
    const res = await raw('POST', fillPath(API.quizAnswer.path, { id }), { token, body: { roundId: 'other-round', questionId: q.id, choice: [0], idempotencyKey: newKey() } })
    expect(res.status).toBe(400)
    expect(res.json.error.fields).toHaveProperty('roundId')
    expect((await raw('GET', fillPath(API.quizGetRound.path, { id }), { token })).json.answeredCount).toBe(0)
  })

  it('shares the sign-in with the heritage remote source', async () => {
    const login = jest.fn(async () => 'shared-device')
    const heritage = createRemoteSource({ baseUrl: server.baseUrl, login, cache: createMemoryStore() })
    const qs = createRemoteQuizSource({ baseUrl: server.baseUrl, login, cache: createMemoryStore() })
    const profile = await heritage.getProfile()
    const round = await qs.startRound({ mode: 'daily', idempotencyKey: newKey() })
    expect(round.participantId).toBe(profile.participantId)
    expect(login).toHaveBeenCalledTimes(1)
  })

  it('topics and sites answer from the last good copy when offline; round state never does', async () => {
    const cache = createMemoryStore()
    const qs = createRemoteQuizSource({ baseUrl: server.baseUrl, login: async () => 'offline-1', cache })
    const topics = await qs.listTopics()
    const sites = await qs.listPracticeSites()
    await qs.getDayStatus()
    await server.close()
    expect(await qs.listTopics()).toEqual(topics)
    expect(await qs.listPracticeSites()).toEqual(sites)
    await expectDataError(qs.getDayStatus(), 'NETWORK')
    await expectDataError(qs.getLeaderboard({ period: 'day' }), 'NETWORK')
    await expectDataError(qs.startRound({ mode: 'daily', idempotencyKey: newKey() }), 'NETWORK')
    server = await listenFastify(buildServer({ quiz: { demo: false } })) // for afterEach
  })
})

describe('malformed quiz answers become BAD_RESPONSE, never data', () => {
  let stub: Listening
  const json = (res: import('node:http').ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
    res.end(JSON.stringify(body))
  }
  const goodItem = { index: 0, question: { id: 'q-0123456789', type: 'single', text: '题', options: ['甲', '乙'], topic: '专题', difficulty: 2 }, openedAt: 1, deadlineAt: 20_001, status: 'open', result: null }

  beforeAll(async () => {
    stub = await listenStub((req, res) => {
      const path = (req.url ?? '').split('?')[0]
      if (path === API.login.path) return json(res, 200, { token: 'tok-abcdefgh', expiresIn: 7200, participantId: 'p-x' })
      if (path === API.quizTopics.path) return json(res, 200, { items: [{ topic: '专题', count: -1, local: false }] })
      if (path === API.quizSites.path) return json(res, 200, [{ siteId: 'a', count: 1 }])
      if (path === API.quizDay.path) return json(res, 200, { dayKey: '2026/11/30', competitionRounds: 0, countedRoundsLeft: 3, best: null, dailyRoundId: null })
      if (path.endsWith('/next')) return json(res, 200, { item: { ...goodItem, status: 'ready' } })
      if (path.endsWith('/answers')) return json(res, 200, { roundId: 'r', questionId: 'q-0123456789', index: 0, choice: [0], correct: true, score: 150 })
      if (path === fillPath(API.quizGetRound.path, { id: 'r' })) return json(res, 200, { id: 'r', mode: 'competition', items: [goodItem] })
      if (path === fillPath(API.quizLeaderboard.path, { period: 'day' })) return json(res, 200, { period: 'day', periodKey: '2026-11-30', total: 1, entries: [{ rank: 0 }], me: null })
      if (path === API.quizGetConsent.path) return json(res, 200, 'agreed')
      return json(res, 200, {})
    })
  })
  afterAll(() => stub.close())
  beforeEach(() => {
    installFetchRequest()
  })

  it.each<[string, (qs: QuizSource) => Promise<unknown>]>([
    ['topics with a negative count', (qs) => qs.listTopics()],
    ['sites as a bare array', (qs) => qs.listPracticeSites()],
    ['a day status with a bad day key', (qs) => qs.getDayStatus()],
    ['a round missing most fields', (qs) => qs.getRound('r')],
    ['an item with an unknown status', (qs) => qs.openNextQuestion('r')],
    ['an answer result missing the verdict fields', (qs) => qs.answer({ roundId: 'r', questionId: 'q-0123456789', choice: [0], idempotencyKey: newKey() })],
    ['a board with rank 0 and no neighbours', (qs) => qs.getLeaderboard({ period: 'day' })],
    ['consent as a string', (qs) => qs.getConsent()],
    ['an empty object for a result', (qs) => qs.getRoundResult('r')]
  ])('%s', async (_, call) => {
    const cache = createMemoryStore()
    const qs = createRemoteQuizSource({ baseUrl: stub.baseUrl, login: async () => 'bad-1', cache })
    await expectDataError(call(qs), 'BAD_RESPONSE')
    expect(cache.keys().filter((k) => k.startsWith('GET '))).toEqual([]) // a bad answer is never cached
  })
})

describe('the remote quiz source never rejects with anything but a DataError', () => {
  it('a platform failure of Taro.request is NETWORK', async () => {
    ;(Taro.request as unknown as jest.Mock).mockImplementation(() => {
      throw new Error('url not in domain list')
    })
    const qs = createRemoteQuizSource({ baseUrl: 'http://127.0.0.1:9', login: async () => 'x', cache: createMemoryStore() })
    await expectDataError(qs.listTopics(), 'NETWORK')
    await expectDataError(qs.getRound('r'), 'NETWORK')
  })
})
