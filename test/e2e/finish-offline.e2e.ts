/**
 * Finishing a round after the connection drops (no service worker yet, so the result page's
 * chunk cannot load): a notice with 重试 instead of a blank page, the answered question keeps its
 * options underneath, and the result opens by itself once back online, without a reload.
 */
import assert from 'node:assert/strict'
import { screenshot } from './browser'
import { open, QUIZ_PAGES, readFeedback, readQuestion, scenario, submitChoice, visible, waitForRoute } from './app'

scenario('断网后交卷：提示页面没有打开并可重试，已答的题选项不空白；恢复联网后成绩页自动打开', 'finish-offline', async ({ page, session }) => {
  await session.context.route('**/sw.js', (route) => route.abort('blockedbyclient'))
  await open(page, QUIZ_PAGES.play('daily'))
  const first = await readQuestion(page, 1)
  for (let n = 1; n <= first.total; n++) {
    const q = n === 1 ? first : await readQuestion(page, n)
    await submitChoice(page, q.right)
    await readFeedback(page)
    if (n === first.total) {
      await session.context.setOffline(true)
      await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true))
    }
    await visible(page, '.play__next').click()
  }
  const notice = page.locator('.page-notice').filter({ visible: true })
  await notice.waitFor({ timeout: 15_000 })
  assert.equal((await notice.locator('.page-notice__title').innerText()).trim(), '页面没有打开')
  await notice.getByRole('button', { name: '重试' }).waitFor()
  await screenshot(page, 'finish-offline-notice')
  // underneath, the answered question still has its options (never blank)
  const options = await page.locator('.question .option .option__text').allInnerTexts()
  assert.ok(options.length === 0 || options.every((t) => t.trim().length > 0), `options under the notice: ${JSON.stringify(options)}`)
  await session.context.setOffline(false)
  await waitForRoute(page, QUIZ_PAGES.result, 15_000)
  await visible(page, '.result__hero').waitFor({ timeout: 15_000 })
  await notice.waitFor({ state: 'detached' })
  assert.equal(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload), true, 'no full reload')
  assert.deepEqual(session.pageErrors, [])
})
