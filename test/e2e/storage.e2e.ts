/**
 * Stored data that is corrupt or full (issue 8), on the H5 mock build:
 * - every storage key the app writes during a short tour, corrupted in turn (a wrong shape with a
 *   huge number, a 3 MB string, text that is not JSON): the pages that read it settle within a
 *   time box, without page errors, without unchecked values on screen and without the server
 *   message "服务器暂时无法处理请求" (no server is involved);
 * - storage full while a wrong daily answer is saved: the step fails visibly and nothing of it is
 *   kept (the question is still open after a reload).
 */
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { screenshot } from './browser'
import { button, open, PAGES, QUIZ_PAGES, readFeedback, readQuestion, scenario, submitChoice, visible, waitUntil, wrongChoice } from './app'

const SETTLE_MS = 10_000
const FORBIDDEN = [/服务器暂时无法处理请求/, /\bmany\b/, /\bNaN\b/, /\bundefined\b/, /Infinity/, /\d e\+\d|\de\+\d/, /\[object Object\]/]

/** Pages that read each key (by pattern); others: 首页. */
function pagesFor(key: string): string[] {
  if (/quiz:reg/.test(key)) return [QUIZ_PAGES.board]
  if (/quiz:p:/.test(key)) return [QUIZ_PAGES.board, QUIZ_PAGES.history]
  if (/quiz:rounds?:/.test(key)) return [QUIZ_PAGES.history]
  if (/quiz:wrong:/.test(key)) return [QUIZ_PAGES.wrongBook]
  if (/quiz:(play|open)/.test(key)) return [QUIZ_PAGES.home]
  if (/prefs:heritage/.test(key)) return [PAGES.explore]
  if (/participant-id|mock:(profile|favourites|report)/.test(key)) return [PAGES.me]
  return [PAGES.home]
}

/** Opens `pagePath` in a fresh document and waits until it has settled (no skeleton, some text). */
async function loadSettled(page: Page, pagePath: string, label: string): Promise<string> {
  const started = Date.now()
  await page.goto('about:blank')
  await open(page, pagePath)
  const text = await waitUntil(
    () =>
      page.evaluate(() => {
        const pages = [...document.querySelectorAll<HTMLElement>('.taro_page')].filter((p) => p.offsetParent !== null || getComputedStyle(p).display !== 'none')
        const busy = [...document.querySelectorAll<HTMLElement>('[aria-busy="true"]')].some((el) => el.offsetParent !== null)
        const t = (pages[pages.length - 1]?.innerText ?? '') + (document.querySelector<HTMLElement>('.page-notice')?.innerText ?? '')
        return busy ? '' : t.trim()
      }),
    (t) => t.length > 0,
    `${label}: the page should settle within ${SETTLE_MS / 1000} s`,
    SETTLE_MS
  )
  assert.ok(Date.now() - started < SETTLE_MS + 5_000, `${label}: took ${Date.now() - started} ms`)
  return text
}

scenario(
  '本机存储的每个键损坏（形状错误、极大数、3 MB 字符串、非 JSON）：页面不卡住、不崩溃，不显示未校验的值或“服务器”错误',
  'storage-corrupt',
  async ({ page, session }) => {
    // A short tour that writes the app's keys: a wrong daily answer, the boards, 我的, 探索
    await open(page, QUIZ_PAGES.play('daily'))
    const q = await readQuestion(page, 1)
    await submitChoice(page, wrongChoice(q))
    await readFeedback(page)
    for (const p of [QUIZ_PAGES.board, QUIZ_PAGES.history, QUIZ_PAGES.wrongBook, PAGES.me, PAGES.explore, QUIZ_PAGES.home]) await loadSettled(page, p, `tour ${p}`)
    const stored = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('rcc:')).map((k) => [k, localStorage.getItem(k)!])))
    const keys = Object.keys(stored).sort()
    assert.ok(keys.length >= 6, `expected the tour to write several keys, got ${keys.join(', ')}`)
    console.log(`[storage] corrupting ${keys.length} keys: ${keys.join(', ')}`)

    const huge = 'x'.repeat(3 * 1024 * 1024)
    const bad: Array<[string, string]> = [
      ['wrong shape, huge numbers', JSON.stringify({ data: { count: 1e9, v: 1, attempts: { '2026-12-04': 1e9 }, wrongCount: 'many', items: 'x', best: 1e308 } })],
      ['3 MB string', JSON.stringify({ data: huge })],
      ['not JSON', '{"data": [1, 2,']
    ]
    for (const key of keys) {
      for (const [what, raw] of bad) {
        await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, raw] as const)
        for (const p of pagesFor(key)) {
          const label = `${key} = ${what} → ${p}`
          const text = await loadSettled(page, p, label)
          for (const re of FORBIDDEN) assert.doesNotMatch(text, re, `${label}: shows ${re}`)
        }
        await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, stored[key]] as const)
      }
    }
    await screenshot(page, 'storage-corrupt-last')
    assert.deepEqual(session.pageErrors, [])
  },
  { timeoutMs: 420_000 }
)

scenario('存储已满时答错每日答题：这一步明确失败，什么都不留下（重新打开仍是同一道未答的题）', 'storage-full', async ({ page, session }) => {
  await open(page, QUIZ_PAGES.play('daily'))
  const q = await readQuestion(page, 1)
  // the 错题本 write is refused as a full storage would refuse it
  await page.evaluate(() => {
    const original = Storage.prototype.setItem
    ;(window as unknown as { __restoreSetItem: () => void }).__restoreSetItem = () => (Storage.prototype.setItem = original)
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.includes('quiz:wrong:')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      return original.call(this, key, value)
    }
  })
  await submitChoice(page, wrongChoice(q))
  const message = visible(page, '[role="alert"]').filter({ hasText: /存储空间不足/ })
  await message.waitFor()
  assert.doesNotMatch(await message.innerText(), /服务器/)
  await screenshot(page, 'storage-full-answer')
  assert.equal(await visible(page, '.play .feedback .feedback__verdict').count(), 0, 'no verdict shown for an answer that was not saved')
  // storage has room again: the same question is still open, nothing of the failed step was kept
  await page.evaluate(() => (window as unknown as { __restoreSetItem: () => void }).__restoreSetItem())
  await page.reload()
  const again = await readQuestion(page, 1)
  assert.equal(again.text, q.text)
  await button(page, /^\s*请选择/).waitFor()
  const wrongBook = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('quiz:wrong:')).map((k) => localStorage.getItem(k)))
  assert.ok(wrongBook.every((v) => !v || !v.includes(q.bank.id)), 'the question is not in the 错题本 either')
  assert.deepEqual(session.pageErrors, [])
})
