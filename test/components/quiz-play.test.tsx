/**
 * The play page with fake timers: the countdown follows the server's deadline, a fast right answer
 * scores by the formula, a timed-out question is revealed after the grace period, a daily round
 * ends on the result page, and leaving asks first.
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import questions from '../../mock/data/questions.json'
import PlayPage from '../../src/packages/quiz/play/index'
import { useQuizStore } from '../../src/features/quiz/store'
import { createMockQuizSource } from '../../src/services/quiz/mock'
import { quizSource } from '../../src/services/quiz'
import { createMemoryStore } from '../../src/services/core/kv'
import * as Taro from '../__mocks__/@tarojs/taro'

const quizInitial = useQuizStore.getInitialState()
const byText = new Map(questions.map((q) => [q.text, q]))

function setup(mode: 'daily' | 'competition') {
  jest.useFakeTimers({ now: new Date('2026-11-30T02:00:00Z') })
  const store = createMemoryStore()
  const source = createMockQuizSource({ store, participantId: 'p-test', now: () => Date.now(), demo: false })
  quizSource.setForTests(source)
  useQuizStore.setState(quizInitial, true)
  Taro.taroMock.setRouterParams({ mode })
  render(<PlayPage />)
  return source
}

async function tick(ms: number) {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms)
  })
}

/** The options of the question on screen, and which shown indexes are right (matched by text). */
function currentQuestion() {
  const text = document.querySelector('.question__text')!.textContent!
  const q = byText.get(text)!
  const shown = [...document.querySelectorAll('.option__text')].map((n) => n.textContent!)
  const right = shown.map((o, i) => (q.answer.map((a) => q.options[a]).includes(o) ? i : -1)).filter((i) => i >= 0)
  return { q, shown, right }
}

function choose(indexes: number[]) {
  const opts = document.querySelectorAll('.option')
  for (const i of indexes) fireEvent.click(opts[i])
  fireEvent.click(screen.getByText('确定'))
}

afterEach(() => {
  jest.useRealTimers()
})

describe('PlayPage — 竞答', () => {
  it('counts down from 20 s and scores a right answer by speed (100 + round(100 × left / 20))', async () => {
    setup('competition')
    await tick(10)
    await screen.findByText('第 1 / 20 题')
    expect(document.querySelector('.countdown__num')!.textContent).toBe('20')
    await tick(5000)
    expect(document.querySelector('.countdown__num')!.textContent).toBe('15')
    const { right } = currentQuestion()
    choose(right)
    await tick(10)
    await screen.findByText('回答正确')
    // answered 5.0 s after opening: 100 + round(100 × 15 000 / 20 000) = 175
    expect(screen.getByText(/^\+175 分/)).toBeInTheDocument()
    expect(screen.getByText(/^正确答案：/)).toBeInTheDocument()
  })

  it('reveals a timed-out question as 0 points once the server window (20 s + 2 s) has closed', async () => {
    setup('competition')
    await tick(10)
    await screen.findByText('第 1 / 20 题')
    await tick(20_000)
    expect(screen.getByText('时间到，正在确认…')).toBeInTheDocument()
    expect(screen.queryByText('超时未作答')).toBeNull()
    await tick(2_400)
    await screen.findByText('超时未作答')
    expect(screen.getByText(/^\+0 分/)).toBeInTheDocument()
    fireEvent.click(screen.getByText('下一题'))
    await tick(10)
    await screen.findByText('第 2 / 20 题')
    expect(document.querySelector('.countdown__num')!.textContent).toBe('20')
  })

  it('marks a wrong answer, scores 0, and keeps the question for the 错题本', async () => {
    const source = setup('competition')
    await tick(10)
    await screen.findByText('第 1 / 20 题')
    const { q, shown, right } = currentQuestion()
    const wrong = shown.findIndex((_, i) => !right.includes(i))
    choose([wrong])
    await tick(10)
    await screen.findByText('回答错误')
    expect(screen.getByText(/^\+0 分/)).toBeInTheDocument()
    expect((await source.getWrongBook()).map((e) => e.questionId)).toContain(q.id)
  })

  it('asks before leaving a round in progress', async () => {
    setup('competition')
    await tick(10)
    await screen.findByText('第 1 / 20 题')
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(screen.getByText('暂时离开'))
    await tick(10)
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确定离开本轮？' }))
    expect(Taro.navigateBack).not.toHaveBeenCalled()
  })
})

describe('PlayPage — 每日答题', () => {
  it('is untimed, explains each answer, and ends on the result page after 10 questions', async () => {
    setup('daily')
    await tick(10)
    await screen.findByText('第 1 / 10 题')
    expect(document.querySelector('.countdown')).toBeNull()
    for (let i = 1; i <= 10; i++) {
      await screen.findByText(`第 ${i} / 10 题`)
      choose(currentQuestion().right)
      await tick(10)
      await screen.findByText('回答正确')
      fireEvent.click(screen.getByText(i === 10 ? '交卷，看成绩' : '下一题'))
      await tick(10)
    }
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: expect.stringMatching(/^\/packages\/quiz\/result\/index\?roundId=/) })
    const roundId = decodeURIComponent((Taro.redirectTo as jest.Mock).mock.calls[0][0].url.split('roundId=')[1])
    const result = useQuizStore.getState().results[roundId]
    expect(result?.status).toBe('ready')
    expect(result?.status === 'ready' && result.data.correctCount).toBe(10)
  })
})
