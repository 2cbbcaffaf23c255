/**
 * The quiz (党史互动竞答) pages of the BUILT weapp (dist/weapp, in-process mock quiz source over
 * mock/data/questions.json) rendered with WeChat's component engine: playing 每日答题, the 竞答 tab's
 * links, the rules and the boards. Right answers come from mock/data, never from the app's code.
 * Any console.error in the app fails the test it happens in.
 */
import questionsJson from '../../mock/data/questions.json'
import { callsOf, clearCalls, harness, openPage, setupWeapp, takeErrors, teardownWeapp, textOf, waitFor, type PageHandle } from './harness'

interface QuestionRecord {
  id: string
  type: 'single' | 'multiple' | 'judge'
  text: string
  options: string[]
  answer: number[]
  explanation: string
}

const questions = questionsJson as unknown as QuestionRecord[]

const open: PageHandle[] = []
async function page(route: string, query: Record<string, string> = {}) {
  const p = await openPage(route, query)
  open.push(p)
  return p
}

beforeAll(() => {
  setupWeapp()
})

afterAll(() => {
  teardownWeapp()
})

beforeEach(() => {
  clearCalls()
  harness.modalAnswer = { confirm: true, cancel: false }
})

afterEach(() => {
  while (open.length) open.pop()?.unload()
  const errors = takeErrors()
  if (errors.length) throw new Error(`runtime errors reported by the weapp pages:\n- ${errors.join('\n- ')}`)
})

describe('答题 (packages/quiz/play/index)', () => {
  it('每日答题: the first question is from the bank; the right option then 确定 shows 回答正确', async () => {
    const play = await page('packages/quiz/play/index', { mode: 'daily' })
    await play.waitForText('第 1 / 10 题')

    const [textNode] = await waitFor(
      () => {
        const nodes = play.byClass('question__text')
        return nodes.length ? nodes : null
      },
      () => `no question text on the page:\n${play.text().slice(0, 800)}`
    )
    const shown = textOf(textNode).trim()
    const q = questions.find((x) => x.text === shown)
    expect({ shown, inBank: !!q }).toEqual({ shown, inBank: true })
    // untimed: no countdown; the bank's options in this participant's own order (判断 keeps 正确/错误)
    expect(play.byClass('countdown')).toHaveLength(0)
    const optionTexts = play.byClass('option__text').map((n) => textOf(n).trim())
    expect([...optionTexts].sort()).toEqual([...q!.options].sort())
    if (q!.type === 'judge') expect(optionTexts).toEqual(q!.options)

    // an unfinished round asks before the system back button leaves it
    await waitFor(() => callsOf('enableAlertBeforeUnload').length, () => 'enableAlertBeforeUnload was not called')
    expect(callsOf('enableAlertBeforeUnload').at(-1).message).toMatch(/从“答题记录”回来接着答/)

    // one option at a time, each tap after the page shows the previous one (as a finger would)
    for (const [k, a] of q!.answer.entries()) {
      await play.tap(q!.options[a])
      await waitFor(() => play.byClass('option--selected').length === k + 1 || null, () => `option ${q!.options[a]} was not selected`)
    }
    await play.waitForText('确定')
    await play.tap('确定')
    const after = await play.waitForText('回答正确', '+100 分', '下一题')
    expect(after).toContain(q!.explanation.trim())
    // one question of ten: the round goes on, no redirect to the result yet
    expect(callsOf('redirectTo')).toEqual([])

    await play.tap('下一题')
    await play.waitForText('第 2 / 10 题')
    expect(callsOf('redirectTo')).toEqual([])
  })
})

describe('竞答 tab (pages/quiz/index)', () => {
  it('竞答 opens the timed round', async () => {
    const quiz = await page('pages/quiz/index')
    await quiz.waitForText('党史互动竞答', '每日答题', '竞答规则')
    await quiz.tap('竞答')
    await waitFor(() => callsOf('navigateTo').length, () => 'navigateTo was not called')
    expect(callsOf('navigateTo')).toEqual([{ url: '/packages/quiz/play/index?mode=competition' }])
  })
})

describe('竞答规则 (packages/quiz/rules/index)', () => {
  it('states the scoring formula', async () => {
    const rules = await page('packages/quiz/rules/index')
    const text = await rules.waitForText('计分公式')
    expect(text).toContain('计分公式：答对得分 = 100 + 四舍五入（100 × 剩余秒数 ÷ 20）')
  })
})

describe('排行榜 (packages/quiz/board/index)', () => {
  it('shows the demo participants, marked 示例数据, and asks for consent first', async () => {
    const board = await page('packages/quiz/board/index')
    const text = await board.waitForText('示例数据', '你还没有同意上榜', '同意显示我的昵称和单位')
    expect(text).toMatch(/示例学员\d{3}/)
    expect(text).toMatch(/共 \d+ 人上榜/)
    const rows = board.byClass('board-row')
    expect(rows.length).toBeGreaterThan(0)
    // every entry is a demo participant (nobody has agreed on this device)
    for (const row of rows) expect(textOf(row)).toContain('示例数据')
  })
})
