/**
 * Defects a new user hit (issue 8, "Other defects seen"), as a user sees them on the H5 build:
 * the 竞答 countdown never shows more than 20; 下一题 stays on screen after every answer of a round
 * (375×812 and 320 px); 答题记录 labels its times like the result page (完成于) with nothing above
 * its header; the route header's values never break inside on a 320 px screen.
 */
import assert from 'node:assert/strict'
import type { Locator, Page } from 'playwright-core'
import { screenshot } from './browser'
import { button, open, PAGES, QUIZ_PAGES, readFeedback, readQuestion, scenario, submitChoice, visible, waitForRoute, wrongChoice } from './app'

/** Whether the element is entirely inside the viewport (not below the fold, not under the top). */
async function inViewport(target: Locator): Promise<{ ok: boolean; box: string }> {
  return target.evaluate((el) => {
    const r = el.getBoundingClientRect()
    const ok = r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth && r.height > 0
    return { ok, box: `${Math.round(r.top)}…${Math.round(r.bottom)} of ${window.innerHeight}` }
  })
}

/** Plays a whole 每日答题 round (one wrong answer), checking after each answer that the next button is on screen. */
async function playDailyCheckingNext(page: Page, slug: string) {
  await open(page, QUIZ_PAGES.play('daily'))
  for (let n = 1; n <= 10; n++) {
    const q = await readQuestion(page, n)
    await submitChoice(page, n === 4 ? wrongChoice(q) : q.right)
    await readFeedback(page)
    const next = button(page, n === 10 ? '交卷，看成绩' : '下一题')
    const seen = await inViewport(next)
    assert.ok(seen.ok, `question ${n}: the next button should be on screen, is at ${seen.box}`)
    if (n === 1) await screenshot(page, `${slug}-feedback`)
    await next.click()
  }
  await waitForRoute(page, QUIZ_PAGES.result, 15_000)
  await visible(page, '.result__hero').waitFor({ timeout: 15_000 })
}

scenario('每日答题 at 375×812: 下一题 is on screen after every answer; 答题记录 says 完成于 with nothing above its header', 'polish-next-375', async ({ page }) => {
  await playDailyCheckingNext(page, 'polish-375')
  const finished = (await visible(page, '.result__time').innerText()).trim()
  assert.match(finished, /^完成于 /)

  await open(page, QUIZ_PAGES.history)
  const row = visible(page, '.history__row').first()
  await row.waitFor()
  const meta = (await row.locator('.history__meta').innerText()).trim()
  assert.ok(meta.startsWith(finished), `答题记录 should label the time as the result does: ${JSON.stringify(meta)} vs ${JSON.stringify(finished)}`)
  const gap = await page.evaluate(() => {
    const pageEl = [...document.querySelectorAll('.history')].find((e) => (e as HTMLElement).offsetParent !== null) as HTMLElement
    const first = pageEl.firstElementChild as HTMLElement
    return first.getBoundingClientRect().top - pageEl.getBoundingClientRect().top
  })
  assert.equal(gap, 0, `no strip above the 答题记录 header (found ${gap}px)`)
  await screenshot(page, 'polish-history-375')
}, { timeoutMs: 150_000 })

scenario('每日答题 at 320×568: 下一题 is on screen after every answer', 'polish-next-320', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 568 })
  await playDailyCheckingNext(page, 'polish-320')
  await open(page, QUIZ_PAGES.history)
  await visible(page, '.history__row').first().waitFor()
  await screenshot(page, 'polish-history-320')
}, { timeoutMs: 150_000 })

scenario('竞答: the countdown never shows more than 20 秒 when a question appears', 'polish-countdown', async ({ page }) => {
  // Every number the countdown ever shows, including a flash between two frames.
  await page.addInitScript(() => {
    const w = window as unknown as { __countdownMax: number }
    w.__countdownMax = 0
    new MutationObserver(() => {
      for (const n of document.querySelectorAll('.countdown__num')) w.__countdownMax = Math.max(w.__countdownMax, Number(n.textContent) || 0)
    }).observe(document, { subtree: true, childList: true, characterData: true })
  })
  await open(page, QUIZ_PAGES.play('competition'))
  for (let n = 1; n <= 4; n++) {
    const q = await readQuestion(page, n)
    await submitChoice(page, q.right)
    await readFeedback(page)
    await button(page, '下一题').click()
  }
  await readQuestion(page, 5)
  const max = await page.evaluate(() => (window as unknown as { __countdownMax: number }).__countdownMax)
  assert.ok(max > 0, 'the countdown was seen')
  assert.ok(max <= 20, `the countdown showed ${max} 秒`)
})

scenario('线路 header at 320 px: each value stays on one line (wraps between values, never inside)', 'polish-route-320', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 })
  // the longest estimated time of the dataset: 530 分钟 = 8 小时 50 分钟
  await open(page, PAGES.route('curated-quanzhou-zhongxin-xianwei'))
  await visible(page, '.route__stat-num').first().waitFor()
  const values = await visible(page, '.route__stat-num, .route__stat-label').evaluateAll((els) =>
    els.map((el) => {
      const range = document.createRange()
      range.selectNodeContents(el)
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)))
      return { text: el.textContent?.trim() ?? '', lines: tops.size, right: el.getBoundingClientRect().right }
    })
  )
  assert.ok(values.some((v) => v.text === '8 小时 50 分钟'), `the duration is shown: ${JSON.stringify(values)}`)
  for (const v of values) {
    assert.equal(v.lines, 1, `"${v.text}" should be on one line`)
    assert.ok(v.right <= 320, `"${v.text}" should fit the screen (right edge ${v.right})`)
  }
  await screenshot(page, 'polish-route-320')
})
