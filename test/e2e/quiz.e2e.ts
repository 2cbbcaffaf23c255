/**
 * 党史互动竞答 on the H5 build (in-process mock quiz source over mock/data/questions.json):
 * a full 竞答 round to the daily board, 每日答题 with the 错题本 and 答题记录, leaving and reloading
 * mid-question, and the rules and 专题练习 pages. Right answers come from the bank, matched by
 * text, never from the app's code; 竞答 shows the options shuffled.
 */
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { screenshot } from './browser'
import {
  answerModal,
  button,
  countdownSeconds,
  currentHash,
  expectedAnswerLine,
  mockQuestions,
  modalDialog,
  open,
  QUIZ_PAGES,
  quizEntry,
  readFeedback,
  readQuestion,
  scenario,
  submitChoice,
  tabBarItem,
  text,
  visible,
  waitForRoute,
  waitUntil,
  wrongChoice
} from './app'

const COMPETITION_TOTAL = 20
const DAILY_TOTAL = 10
const NICKNAME = '测试学员'
const UNIT = '测试单位第一党支部'
/** The scoring formula as the issue states it (竞答规则). */
const FORMULA = '计分公式：答对得分 = 100 + 四舍五入（100 × 剩余秒数 ÷ 20）'

/** Text of every visible element matching `selector`, trimmed. */
async function texts(page: Page, selector: string): Promise<string[]> {
  return (await visible(page, selector).allInnerTexts()).map((t) => t.trim())
}

/** The rows of the visible board: rank, name, score text, demo tag. */
async function boardRows(page: Page) {
  return visible(page, '.board-row').evaluateAll((rows) =>
    rows.map((r) => ({
      rank: Number(r.querySelector('.board-row__rank')?.textContent?.trim()),
      name: r.querySelector('.board-row__name')?.textContent?.trim() ?? '',
      unit: r.querySelector('.board-row__unit')?.textContent?.trim() ?? '',
      points: r.querySelector('.board-row__points')?.textContent?.trim() ?? '',
      demo: !!r.querySelector('.tag') && (r.querySelector('.tag')?.textContent ?? '').includes('示例数据'),
      me: r.classList.contains('board-row--me')
    }))
  )
}

/** Switches the board's 日榜/周榜/总榜 or 个人/单位 tab and waits until it is selected. */
async function boardTab(page: Page, label: string) {
  const tab = visible(page, '.board__tab').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) })
  await tab.click()
  await waitUntil(() => tab.getAttribute('aria-selected'), (v) => v === 'true', `board tab ${label} should be selected`)
}

scenario(
  '竞答：答完一整轮，看成绩，同意上榜后在日榜上找到自己，撤回后消失',
  'quiz-competition',
  async ({ page, a11y }) => {
    await open(page, QUIZ_PAGES.home)
    await text(page, '党史互动竞答').waitFor()
    await quizEntry(page, '竞答').waitFor()
    await screenshot(page, 'quiz-home')
    await a11y('竞答 tab')

    await quizEntry(page, '竞答').click()
    await waitForRoute(page, 'packages/quiz/play/index?mode=competition')
    const first = await readQuestion(page, 1)
    assert.equal(first.total, COMPETITION_TOTAL)
    const seconds = await countdownSeconds(page)
    assert.ok(seconds !== null, 'a 竞答 question shows a countdown')
    // just opened: 20 s, give or take the time the page took to show it on busy cores
    assert.ok(seconds >= 14 && seconds <= 20, `countdown starts near 20 s, saw ${seconds}`)
    assert.equal((await visible(page, '.countdown .countdown__unit').innerText()).trim(), '秒')
    await screenshot(page, 'quiz-question')
    await a11y('竞答 · 题目')

    // Answer every question: right from the bank (options matched by text in the shown order),
    // except one on purpose.
    const WRONG_AT = 5
    let expectedScore = 0
    let expectedCorrect = 0
    const answered: { text: string; correct: boolean; score: number }[] = []
    for (let n = 1; n <= COMPETITION_TOTAL; n++) {
      const q = n === 1 ? first : await readQuestion(page, n)
      assert.ok(await countdownSeconds(page) !== null, `question ${n} shows the countdown`)
      const wrong = n === WRONG_AT
      await submitChoice(page, wrong ? wrongChoice(q) : q.right)
      const fb = await readFeedback(page)
      if (wrong) {
        assert.equal(fb.verdict, '回答错误', `question ${n} answered wrongly on purpose`)
        assert.equal(fb.scoreText, '+0 分')
        assert.equal(fb.answer, expectedAnswerLine(q))
        await screenshot(page, 'quiz-feedback-wrong')
      } else {
        assert.equal(fb.verdict, '回答正确', `question ${n} (${q.text}) answered from the bank`)
        assert.ok(fb.score >= 100 && fb.score <= 200, `a right 竞答 answer scores 100…200, got ${fb.scoreText}`)
        assert.match(fb.scoreText, /^\+\d+ 分（用时 \d+\.\d 秒）$/)
        assert.equal(fb.answer, expectedAnswerLine(q))
        expectedCorrect++
      }
      expectedScore += fb.score
      answered.push({ text: q.text, correct: !wrong, score: fb.score })
      await waitUntil(() => visible(page, '.play__score').innerText(), (t) => t.trim() === `得分 ${expectedScore} · 答对 ${expectedCorrect}`, `running score after question ${n}`)
      assert.equal(await countdownSeconds(page), null, 'no countdown while the verdict shows')
      const last = n === COMPETITION_TOTAL
      const nextBtn = visible(page, '.play__next')
      assert.equal((await nextBtn.innerText()).trim(), last ? '交卷，看成绩' : '下一题')
      await nextBtn.click()
    }
    assert.equal(new Set(answered.map((a) => a.text)).size, COMPETITION_TOTAL, 'twenty different questions')

    // The result page
    await waitForRoute(page, QUIZ_PAGES.result, 15_000)
    await visible(page, '.result__hero').waitFor({ timeout: 15_000 })
    const nums = await texts(page, '.result__num')
    assert.equal(nums[0], String(expectedScore), 'total score = the sum of the verdicts')
    assert.equal(nums[1], `${expectedCorrect}/${COMPETITION_TOTAL}`)
    assert.equal(expectedCorrect, COMPETITION_TOTAL - 1)
    assert.match(nums[2], /^(\d+\.\d 秒|\d+ 分 \d\d 秒)$/, '用时')
    const labels = await texts(page, '.result__label')
    assert.deepEqual(labels, [`分（满分 ${COMPETITION_TOTAL * 200}）`, '答对', '用时'])
    const notes = (await texts(page, '.result__note')).join('\n')
    assert.match(notes, /是你今天的最好成绩，已计入排行榜/)
    const review = visible(page, '.result__item')
    await waitUntil(() => review.count(), (c) => c === COMPETITION_TOTAL, 'the review lists every question')
    const reviewQs = await texts(page, '.result__q')
    assert.deepEqual(
      reviewQs,
      answered.map((a, i) => `${i + 1}. ${a.text}`)
    )
    const verdicts = await texts(page, '.result__item .feedback__verdict')
    assert.deepEqual(
      verdicts,
      answered.map((a) => (a.correct ? '回答正确' : '回答错误'))
    )
    await screenshot(page, 'quiz-result')
    await a11y('竞答 · 成绩')

    // The daily board: not on it before agreeing
    await button(page, '看排行榜').click()
    await waitForRoute(page, QUIZ_PAGES.board)
    await visible(page, '.board__me-note').filter({ hasText: '你还没有同意上榜' }).waitFor()
    await waitUntil(() => visible(page, '.board-row').count(), (c) => c > 0, 'demo participants on the daily board')
    const before = await boardRows(page)
    assert.ok(before.every((r) => r.demo && !r.me), 'only demo participants (示例数据) before agreeing')
    assert.equal(await visible(page, '.board__tab[aria-selected="true"]').filter({ hasText: '日榜' }).count(), 1, '日榜 is the default')

    const inputs = visible(page, '.consent__input input')
    await inputs.nth(0).fill(NICKNAME)
    await inputs.nth(1).fill(UNIT)
    await button(page, '同意显示我的昵称和单位').click()
    await visible(page, '.consent__text').filter({ hasText: `你已同意以“${NICKNAME}”（${UNIT}）显示在排行榜上` }).waitFor()
    const meRow = visible(page, '.board-row--me')
    await meRow.waitFor()
    const rows = await boardRows(page)
    const mine = rows.filter((r) => r.me)
    assert.equal(mine.length, 1, 'the participant appears once')
    assert.equal(mine[0].name, `${NICKNAME}（我）`)
    assert.equal(mine[0].unit, UNIT)
    assert.equal(mine[0].points, `${expectedScore} 分`, 'the board shows the result page score')
    assert.equal(mine[0].demo, false)
    const others = rows.filter((r) => !r.me)
    assert.ok(others.length > 0 && others.every((r) => r.demo), 'ranked among the demo participants (示例数据)')
    assert.deepEqual(
      rows.map((r) => r.rank),
      rows.map((_, i) => i + 1),
      'ranks run 1, 2, 3…'
    )
    const points = rows.map((r) => Number(/^(\d+) 分$/.exec(r.points)![1]))
    assert.ok(
      points.every((p, i) => i === 0 || points[i - 1] >= p),
      `ranked by score: ${points.join(', ')}`
    )
    assert.equal(mine[0].rank, rows.indexOf(mine[0]) + 1)
    console.log(`[quiz] ${NICKNAME}: ${expectedScore} 分, rank ${mine[0].rank} of ${rows.length} on the daily board`)
    await screenshot(page, 'quiz-board')
    await a11y('排行榜 · 日榜')

    // 单位 tab: the unit is listed
    await boardTab(page, '单位')
    await visible(page, '.board-row--me').filter({ hasText: `${UNIT}（我的单位）` }).waitFor()
    const unitRows = await boardRows(page)
    assert.equal(unitRows.find((r) => r.me)?.unit, '1 人参与')
    await screenshot(page, 'quiz-board-units')

    // Withdraw: confirm the modal; the participant leaves the boards
    await button(page, '撤回同意').click()
    const modal = await answerModal(page, '撤回同意？', 'confirm')
    assert.equal(modal.confirmText, '撤回')
    await button(page, '同意显示我的昵称和单位').waitFor()
    await waitUntil(() => visible(page, '.board-row--me').count(), (c) => c === 0, 'my unit leaves the unit board')
    await waitUntil(() => visible(page, '.board-row').count(), (c) => c > 0, 'the unit board still lists the demo units')
    assert.ok(!(await texts(page, '.board-row__name')).some((n) => n.includes(UNIT)))
    await boardTab(page, '个人')
    await visible(page, '.board__me-note').filter({ hasText: '你还没有同意上榜' }).waitFor()
    await waitUntil(() => visible(page, '.board-row').count(), (c) => c > 0, 'the daily board lists the demo participants')
    const after = await boardRows(page)
    assert.ok(after.every((r) => !r.me && r.demo && !r.name.includes(NICKNAME)), 'the participant has left the daily board')
    assert.equal(after.length, before.length)
  },
  { timeoutMs: 240_000 }
)

scenario(
  '每日答题：10 题不限时、答后看解析；答错的题进错题本；答题记录列出本轮',
  'quiz-daily',
  async ({ page, a11y }) => {
    await open(page, QUIZ_PAGES.home)
    await quizEntry(page, '每日答题').click()
    await waitForRoute(page, 'packages/quiz/play/index?mode=daily')
    const WRONG_AT = 3
    let wrongText = ''
    for (let n = 1; n <= DAILY_TOTAL; n++) {
      const q = await readQuestion(page, n)
      assert.equal(q.total, DAILY_TOTAL)
      assert.equal(await visible(page, '.countdown').count(), 0, `每日答题 is untimed: no countdown on question ${n}`)
      // the bank's options, in this participant's own order (判断 keeps 正确/错误)
      assert.deepEqual([...q.options].sort(), [...q.bank.options].sort())
      if (q.bank.type === 'judge') assert.deepEqual(q.options, q.bank.options)
      const wrong = n === WRONG_AT
      if (wrong) wrongText = q.text
      await submitChoice(page, wrong ? wrongChoice(q) : q.right)
      const fb = await readFeedback(page)
      assert.equal(fb.verdict, wrong ? '回答错误' : '回答正确')
      assert.equal(fb.scoreText, wrong ? '+0 分' : '+100 分')
      assert.equal(fb.answer, expectedAnswerLine(q))
      assert.equal(fb.explanation, q.bank.explanation.trim(), `the explanation of question ${n}`)
      if (n === 1) {
        await screenshot(page, 'quiz-daily-feedback')
        await a11y('每日答题 · 解析')
      }
      const nextBtn = visible(page, '.play__next')
      assert.equal((await nextBtn.innerText()).trim(), n === DAILY_TOTAL ? '交卷，看成绩' : '下一题')
      await nextBtn.click()
    }

    await waitForRoute(page, QUIZ_PAGES.result, 15_000)
    await visible(page, '.result__hero').waitFor({ timeout: 15_000 })
    const nums = await texts(page, '.result__num')
    assert.equal(nums[0], String((DAILY_TOTAL - 1) * 100))
    assert.equal(nums[1], `${DAILY_TOTAL - 1}/${DAILY_TOTAL}`)
    assert.match((await texts(page, '.result__note')).join('\n'), /每日答题和专题练习不计入排行/)
    await waitUntil(() => visible(page, '.result__item').count(), (c) => c === DAILY_TOTAL, 'the review lists the 10 questions')
    await screenshot(page, 'quiz-daily-result')

    // 错题本: the question answered wrongly
    await button(page, '返回竞答').click()
    await waitForRoute(page, QUIZ_PAGES.home)
    await quizEntry(page, '错题本').click()
    await waitForRoute(page, QUIZ_PAGES.wrongBook)
    await visible(page, '.wrong__q').first().waitFor()
    assert.deepEqual(await texts(page, '.wrong__q'), [wrongText])
    assert.equal((await visible(page, '.wrong__count').innerText()).trim(), '共 1 道错题')
    assert.match((await visible(page, '.wrong__meta').innerText()).trim(), /^答错 1 次 · 最近 .+ · 再答对 2 次移出$/)
    await screenshot(page, 'quiz-wrong-book')
    await a11y('错题本')

    // 我的 → 答题记录: this round (a fresh browser profile: the only one)
    await page.goBack()
    await waitForRoute(page, QUIZ_PAGES.home)
    await tabBarItem(page, '我的').click()
    await waitForRoute(page, 'pages/me/index')
    await visible(page, '.me__link').filter({ hasText: '答题记录' }).click()
    await waitForRoute(page, QUIZ_PAGES.history)
    await visible(page, '.history__row').first().waitFor()
    const rows = visible(page, '.history__row')
    assert.equal(await rows.count(), 1)
    assert.equal((await rows.locator('.history__mode').innerText()).trim(), '每日答题')
    assert.match((await rows.locator('.history__meta').innerText()).trim(), new RegExp(`答对 ${DAILY_TOTAL - 1}/${DAILY_TOTAL}`))
    assert.equal((await rows.locator('.history__score').innerText()).trim(), `${(DAILY_TOTAL - 1) * 100} 分`)
    await screenshot(page, 'quiz-history')
    await a11y('答题记录')
  },
  { timeoutMs: 180_000 }
)

scenario(
  '竞答中途离开要确认；刷新页面后回到同一题，倒计时接着走',
  'quiz-leave-resume',
  async ({ page }) => {
    await open(page, QUIZ_PAGES.home)
    await quizEntry(page, '竞答').click()
    await waitForRoute(page, 'packages/quiz/play/index?mode=competition')
    const q = await readQuestion(page, 1)
    const hash = await currentHash(page)

    // 暂时离开 asks first; 继续答题 keeps the question
    await button(page, '暂时离开').click()
    await modalDialog(page).filter({ hasText: '确定离开本轮？' }).waitFor()
    await screenshot(page, 'quiz-leave-modal')
    const modal = await answerModal(page, '确定离开本轮？', 'cancel')
    assert.match(modal.content, /计时不会暂停/)
    assert.equal(modal.cancelText, '继续答题')
    assert.equal(modal.confirmText, '离开')
    assert.equal(await currentHash(page), hash, 'still on the play page')
    assert.equal((await visible(page, '.question__text').innerText()).trim(), q.text, 'the same question')
    await button(page, /^\s*请选择/).waitFor()

    // Let the countdown run a little, then reload mid-question
    const beforeReload = await waitUntil(() => countdownSeconds(page), (s) => s !== null && s <= 18, 'countdown running', 15_000)
    await page.reload()
    await waitForRoute(page, 'packages/quiz/play/index?mode=competition')
    const resumed = await readQuestion(page, 1)
    assert.equal(resumed.text, q.text, 'the round resumes on the same question')
    assert.deepEqual(resumed.options, q.options, 'in the same (shuffled) order')
    const afterReload = await countdownSeconds(page)
    assert.ok(afterReload !== null && afterReload <= beforeReload!, `the countdown is not reset: ${beforeReload} before the reload, ${afterReload} after`)
    await waitUntil(() => countdownSeconds(page), (s) => s !== null && s < beforeReload!, 'the countdown goes on below its value before the reload')
    await screenshot(page, 'quiz-resumed')
  },
  { timeoutMs: 120_000 }
)

scenario(
  '竞答规则显示计分公式；专题练习列出专题，开始后是不限时的题目',
  'quiz-rules-practice',
  async ({ page, a11y }) => {
    await open(page, QUIZ_PAGES.home)
    await quizEntry(page, '竞答规则').click()
    await waitForRoute(page, QUIZ_PAGES.rules)
    const rules = visible(page, '.rules__text')
    await rules.first().waitFor()
    const formula = (await texts(page, '.rules__text')).find((t) => t.startsWith('计分公式'))
    assert.ok(formula, 'a rule states the scoring formula')
    assert.ok(formula.startsWith(FORMULA), `formula text: ${formula}`)
    await screenshot(page, 'quiz-rules')
    await a11y('竞答规则')

    await page.goBack()
    await waitForRoute(page, QUIZ_PAGES.home)
    await quizEntry(page, '专题练习').click()
    await waitForRoute(page, QUIZ_PAGES.practice)
    const counts = new Map<string, number>()
    for (const q of mockQuestions()) counts.set(q.topic, (counts.get(q.topic) ?? 0) + 1)
    const topicSection = visible(page, '.section').filter({ hasText: '按专题' })
    await topicSection.locator('.practice__row').first().waitFor()
    const shown = await topicSection.locator('.practice__row').evaluateAll((rows) =>
      rows.map((r) => [r.querySelector('.practice__name')?.textContent?.trim(), r.querySelector('.practice__count')?.textContent?.trim()])
    )
    assert.deepEqual(
      new Map(shown.map(([name, count]) => [name, count])),
      new Map([...counts].map(([topic, n]) => [topic, `${n} 题 ›`])),
      'every topic of the bank with its question count'
    )
    await screenshot(page, 'quiz-practice')
    await a11y('专题练习')

    const topic = '抗日战争'
    await topicSection.locator('.practice__row').filter({ hasText: topic }).click()
    await waitForRoute(page, 'packages/quiz/play/index?mode=practice')
    const q = await readQuestion(page, 1)
    assert.equal(q.bank.topic, topic, 'a question of the chosen topic')
    assert.equal(q.total, 10)
    assert.equal((await visible(page, '.play__mode').innerText()).trim(), `专题：${topic}`)
    assert.equal(await visible(page, '.countdown').count(), 0, '专题练习 is untimed: no countdown')
    await screenshot(page, 'quiz-practice-question')
    await a11y('专题练习 · 题目')
    await submitChoice(page, q.right)
    const fb = await readFeedback(page)
    assert.equal(fb.verdict, '回答正确')
    assert.equal(fb.scoreText, '+100 分')
    assert.equal(fb.explanation, q.bank.explanation.trim())
  },
  { timeoutMs: 120_000 }
)
