/**
 * Bad links, failed chunks and the browser's back button (issue 8, "Offline and bad links"):
 * - an unknown or malformed address shows 页面不存在 with 返回首页, never a blank page;
 * - offline (no service worker yet), a page whose chunk cannot load says so, with 重试, and opens
 *   by itself once the connection is back;
 * - the browser's back button mid-竞答 asks first, as 暂时离开 does.
 */
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { appUrl, screenshot } from './browser'
import { answerModal, currentHash, open, PAGES, QUIZ_PAGES, quizEntry, readQuestion, scenario, visible, waitForRoute } from './app'

const notice = (page: Page) => page.locator('.page-notice').filter({ visible: true })

async function shotsAtWidths(page: Page, name: string): Promise<void> {
  await screenshot(page, `${name}-375`)
  await page.setViewportSize({ width: 320, height: 640 })
  await screenshot(page, `${name}-320`)
  await page.setViewportSize({ width: 375, height: 812 })
}

for (const [label, hash] of [
  ['未知页面', 'pages/nope/index'],
  ['格式错误的地址', '%%%']
] as const) {
  scenario(`${label}（#/${hash}）显示“页面不存在”，可以返回首页`, `not-found-${label}`, async ({ page, session, a11y }) => {
    await page.goto(appUrl(hash))
    await notice(page).waitFor()
    assert.equal((await notice(page).locator('.page-notice__title').innerText()).trim(), '页面不存在')
    await shotsAtWidths(page, `not-found-${hash === '%%%' ? 'malformed' : 'unknown'}`)
    await a11y(label)
    await notice(page).getByRole('button', { name: '返回首页' }).click()
    await waitForRoute(page, PAGES.home)
    await visible(page, '.route-card').first().waitFor()
    assert.equal(await notice(page).count(), 0, 'the notice has gone')
    assert.deepEqual(session.pageErrors, [])
  })
}

scenario('离线时点线路卡片：提示页面没有打开，有重试；恢复联网后自动打开', 'offline-chunk', async ({ page, session, a11y }) => {
  // No service worker: the route page's chunk has not been downloaded and cannot be while offline.
  await session.context.route('**/sw.js', (route) => route.abort('blockedbyclient'))
  await open(page, PAGES.home)
  const card = visible(page, '.route-card').first()
  await card.waitFor()
  await session.context.setOffline(true)
  await card.click()
  await notice(page).waitFor()
  assert.equal((await notice(page).locator('.page-notice__title').innerText()).trim(), '页面没有打开')
  assert.match(await notice(page).locator('.page-notice__message').innerText(), /网络不可用/)
  await notice(page).getByRole('button', { name: '重试' }).waitFor()
  await shotsAtWidths(page, 'offline-chunk-notice')
  await a11y('页面没有打开')
  // 重试 while still offline: the same notice again, no blank page
  await notice(page).getByRole('button', { name: '重试' }).click()
  await notice(page).waitFor()
  // back online: the route page opens without a reload
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true))
  await session.context.setOffline(false)
  await waitForRoute(page, 'packages/heritage/route/index')
  await visible(page, '.route-hero, .detail, .route').first().waitFor({ timeout: 15_000 })
  await notice(page).waitFor({ state: 'detached' })
  assert.equal(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload), true, 'no full reload')
  assert.deepEqual(session.pageErrors, [])
})

scenario('竞答中按浏览器返回键：先确认；选“继续答题”留在本题，选“离开”回到竞答首页', 'quiz-browser-back', async ({ page, session }) => {
  await open(page, QUIZ_PAGES.home)
  await quizEntry(page, '竞答').click()
  await waitForRoute(page, 'packages/quiz/play/index?mode=competition')
  const q = await readQuestion(page, 1)
  const hash = await currentHash(page)
  await page.evaluate(() => history.back())
  const modal = await answerModal(page, '确定离开本轮？', 'cancel')
  assert.match(modal.content, /计时不会暂停/)
  assert.equal(await currentHash(page), hash, 'still on the play page')
  assert.equal((await visible(page, '.question__text').innerText()).trim(), q.text, 'the same question')
  await page.evaluate(() => history.back())
  await answerModal(page, '确定离开本轮？', 'confirm')
  await waitForRoute(page, QUIZ_PAGES.home)
  await quizEntry(page, '竞答').waitFor()
  // the tab says a round is in progress, and 继续答题 resumes it at the same question
  const openRound = visible(page, '.quiz-home__open')
  await openRound.waitFor()
  assert.match(await openRound.innerText(), /有一轮竞答还没有答完/)
  await shotsAtWidths(page, 'quiz-home-open-round')
  await openRound.getByText('继续答题').click()
  await waitForRoute(page, 'packages/quiz/play/index?mode=competition')
  assert.match(await currentHash(page), /roundId=/, 'resumes that round, not a new one')
  // the same question if its 20 s have not run out meanwhile, else a later one of the same round
  await visible(page, '.question__progress').first().waitFor({ timeout: 15_000 })
  const shown = (await visible(page, '.question__text').innerText()).trim()
  if (shown !== q.text) assert.match(await visible(page, '.question__progress').innerText(), /^第 ([2-9]|1\d|20) \/ 20 题$/)
  assert.deepEqual(session.pageErrors, [])
})
