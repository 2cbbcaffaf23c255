/**
 * The 竞答 countdown's clock offset (server clock minus device clock). It used to be taken after
 * the response had been processed, so the time spent on the way back and in processing counted as
 * offset and the countdown showed 21 秒 when a question appeared. Now each request notes the device
 * clock before sending and after receiving, and the server's time is placed at the midpoint; the
 * countdown is also capped at a question's 20 s.
 */
import { clockOffsetFrom, secondsLeft } from '@/features/quiz/model'
import { useQuizStore } from '@/features/quiz/store'
import { quizSource } from '@/services/quiz'
import { createMockQuizSource } from '@/services/quiz/mock'
import type { QuizSource } from '@/services/quiz/source'
import { createMemoryStore } from '@/services/core/kv'

describe('clockOffsetFrom', () => {
  it('places the server time at the midpoint of send and receive', () => {
    // device sent at 1000, got the answer at 1600; the server said 6300 (device clock 5 s behind)
    expect(clockOffsetFrom(6300, 1000, 1600)).toBe(6300 - 1300)
  })

  it('is exact when the way out and the way back (with processing) take equally long', () => {
    const trueOffset = -42_000
    const sentAt = 50_000
    const serverTime = sentAt + 350 + trueOffset
    expect(clockOffsetFrom(serverTime, sentAt, sentAt + 700)).toBe(trueOffset)
  })

  it('never puts the server behind a moment it had certainly passed (notBefore)', () => {
    // midpoint says 5000 - 1300 = 3700, but the question opened at server 6000 before receipt at 1600
    expect(clockOffsetFrom(5000, 1000, 1600, 6000)).toBe(6000 - 1600)
  })

  it('copes with a device clock that went backwards during the request', () => {
    expect(clockOffsetFrom(2000, 1000, 900)).toBe(1000)
  })
})

describe('secondsLeft', () => {
  it('never shows more than a question’s 20 s, even with an offset that lags', () => {
    const deadlineAt = 100_000
    // 20.4 s before the deadline by a lagging estimate: would round up to 21
    expect(secondsLeft(deadlineAt, 0, deadlineAt - 20_400)).toBe(20)
    expect(secondsLeft(deadlineAt, 0, deadlineAt - 19_400)).toBe(20)
    expect(secondsLeft(deadlineAt, 0, deadlineAt - 400)).toBe(1)
    expect(secondsLeft(deadlineAt, 0, deadlineAt + 1)).toBe(0)
  })
})

describe('quiz store clock offset (fake clock)', () => {
  const SERVER_AHEAD_MS = 5_000
  const UP_MS = 200
  const DOWN_AND_PROCESSING_MS = 300

  afterEach(() => {
    jest.useRealTimers()
    useQuizStore.setState(useQuizStore.getInitialState(), true)
  })

  /** The mock source behind a slow link: 200 ms out, the server reads its clock, 300 ms back and processing. */
  function slowSource(): QuizSource {
    const inner = createMockQuizSource({ store: createMemoryStore(), participantId: 'p-clock', now: () => Date.now() + SERVER_AHEAD_MS, demo: false })
    const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))
    return new Proxy(inner, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver)
        if (typeof value !== 'function') return value
        return async (...args: unknown[]) => {
          await delay(UP_MS)
          const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args)
          await delay(DOWN_AND_PROCESSING_MS)
          return result
        }
      }
    })
  }

  it('estimates the offset within half the link’s asymmetry, and the first second shown is 20', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-30T02:00:00Z') })
    quizSource.setForTests(slowSource())
    const started = useQuizStore.getState().startPlay({ mode: 'competition' })
    // Step the clock until the question appears, and read the countdown at that moment.
    for (let i = 0; i < 500 && useQuizStore.getState().phase.kind !== 'question'; i++) await jest.advanceTimersByTimeAsync(10)
    const st = useQuizStore.getState()
    expect(st.phase).toMatchObject({ kind: 'question' })
    await started
    // Taking the offset after receipt would be 5000 − 300 = 4700 (the countdown then shows 21).
    expect(Math.abs(st.clockOffset - SERVER_AHEAD_MS)).toBeLessThanOrEqual((DOWN_AND_PROCESSING_MS - UP_MS) / 2)
    const item = st.round!.items.find((i) => i.status === 'open')!
    expect(secondsLeft(item.deadlineAt!, st.clockOffset, Date.now())).toBe(20)
  })
})
