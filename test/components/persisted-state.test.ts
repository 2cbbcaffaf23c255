/**
 * Persisted client state (zustand `persist` over Taro storage): the 探索 tab and the quiz's play
 * request with its idempotency keys. Stored data may be missing, corrupt, of the wrong shape or
 * from another version: the stores keep their defaults (or the fields that check) and never throw.
 */
import * as Taro from '../__mocks__/@tarojs/taro'
import { HERITAGE_PREFS_KEY, useHeritageStore } from '../../src/features/heritage/store'
import { useQuizStore } from '../../src/features/quiz/store'
import { QUIZ_PLAY_KEY } from '../../src/features/quiz/store/persisted'

const heritageInitial = useHeritageStore.getInitialState()
const quizInitial = useQuizStore.getInitialState()
const stored = (key: string) => JSON.parse(Taro.taroMock.storage.get(key) as string)

async function rehydrateWith(key: string, raw: string | undefined) {
  useHeritageStore.setState(heritageInitial, true)
  useQuizStore.setState(quizInitial, true)
  if (raw === undefined) Taro.taroMock.storage.delete(key)
  else Taro.taroMock.storage.set(key, raw)
  await useHeritageStore.persist.rehydrate()
  await useQuizStore.persist.rehydrate()
}

describe('探索 tab preference (rcc:prefs:heritage)', () => {
  it('keeps the chosen tab, versioned', () => {
    useHeritageStore.getState().setExploreTab('sites')
    expect(stored(HERITAGE_PREFS_KEY)).toEqual({ state: { exploreTab: 'sites' }, version: 1 })
  })

  it('reads it back on launch', async () => {
    await rehydrateWith(HERITAGE_PREFS_KEY, JSON.stringify({ state: { exploreTab: 'sites' }, version: 1 }))
    expect(useHeritageStore.getState().exploreTab).toBe('sites')
  })

  it('migrates an old version (0: before versions) and rewrites it as the current one', async () => {
    await rehydrateWith(HERITAGE_PREFS_KEY, JSON.stringify({ state: { exploreTab: 'sites', stale: 1 }, version: 0 }))
    expect(useHeritageStore.getState().exploreTab).toBe('sites')
    expect(stored(HERITAGE_PREFS_KEY)).toEqual({ state: { exploreTab: 'sites' }, version: 1 })
  })

  it.each([
    ['nothing stored', undefined],
    ['an empty string (Taro for a missing key)', ''],
    ['corrupt JSON', '{"state": {"exploreTab": "si'],
    ['a number', '42'],
    ['an array', '[1,2]'],
    ['state of the wrong type', JSON.stringify({ state: 'sites', version: 1 })],
    ['an unknown tab', JSON.stringify({ state: { exploreTab: 'map' }, version: 1 })],
    ['a tab of the wrong type', JSON.stringify({ state: { exploreTab: ['sites'] }, version: 1 })]
  ])('keeps the default tab with %s', async (_label, raw) => {
    await rehydrateWith(HERITAGE_PREFS_KEY, raw)
    expect(useHeritageStore.getState().exploreTab).toBe('routes')
    expect(typeof useHeritageStore.getState().setExploreTab).toBe('function')
  })
})

describe('quiz play request and pending submissions (rcc:quiz:play)', () => {
  const request = { mode: 'practice' as const, topic: '泉州革命史' }

  it('keeps the request and its idempotency keys, not the round or the lists', () => {
    useQuizStore.setState({ request, startKey: 'k-start', answerKeys: { q1: 'k-a1' }, finishKey: null, phase: { kind: 'loading' } })
    expect(stored(QUIZ_PLAY_KEY)).toEqual({ state: { request, startKey: 'k-start', answerKeys: { q1: 'k-a1' }, finishKey: null }, version: 1 })
  })

  it('reads them back, and the same request reuses the keys', async () => {
    await rehydrateWith(QUIZ_PLAY_KEY, JSON.stringify({ state: { request, startKey: 'k-start', answerKeys: { q1: 'k-a1' }, finishKey: 'k-f' }, version: 1 }))
    const s = useQuizStore.getState()
    expect(s.request).toEqual(request)
    expect(s.startKey).toBe('k-start')
    expect(s.answerKeys).toEqual({ q1: 'k-a1' })
    expect(s.finishKey).toBe('k-f')
    expect(s.phase).toEqual({ kind: 'idle' })
  })

  it('keeps only the fields that check', async () => {
    await rehydrateWith(QUIZ_PLAY_KEY, JSON.stringify({ state: { request: { mode: 'daily', topic: 7, wrongBook: 'yes' }, startKey: 12, answerKeys: { q1: 'ok', q2: 3, q3: '' } }, version: 1 }))
    const s = useQuizStore.getState()
    expect(s.request).toEqual({ mode: 'daily' })
    expect(s.startKey).toBeNull()
    expect(s.answerKeys).toEqual({ q1: 'ok' })
  })

  it.each([
    ['corrupt JSON', '{"state":'],
    ['a string', '"hello"'],
    ['an unknown mode (keys without their round are dropped)', JSON.stringify({ state: { request: { mode: 'vr' }, startKey: 'k', answerKeys: { q: 'k' } }, version: 1 })],
    ['a newer version it cannot read', JSON.stringify({ state: { request, startKey: 'k' }, version: 2 })],
    ['answer keys of the wrong type', JSON.stringify({ state: { request: null, answerKeys: ['k'] }, version: 1 })]
  ])('starts clean with %s', async (_label, raw) => {
    await rehydrateWith(QUIZ_PLAY_KEY, raw)
    const s = useQuizStore.getState()
    expect(s.request).toBeNull()
    expect(s.startKey).toBeNull()
    expect(s.answerKeys).toEqual({})
    expect(typeof s.startPlay).toBe('function')
  })

  it('does not rewrite storage when the persisted part did not change', () => {
    useQuizStore.setState({ request, startKey: 'k' })
    const writes = Taro.setStorageSync.mock.calls.length
    useQuizStore.setState({ phase: { kind: 'loading' } })
    useQuizStore.setState({ clockOffset: 5 })
    expect(Taro.setStorageSync.mock.calls.length).toBe(writes)
  })
})
