/**
 * With the service worker (production build): once the app has been loaded online, every page
 * opens offline, subpackage pages included, after a full reload too.
 */
import assert from 'node:assert/strict'
import { appUrl, screenshot } from './browser'
import { open, PAGES, QUIZ_PAGES, quizEntry, scenario, text, visible, waitForRoute, waitUntil } from './app'

scenario('加载过一次后断网：重新打开与各页面（含分包页面）都能显示内容', 'sw-offline', async ({ page, session }) => {
  await open(page, PAGES.home)
  await visible(page, '.route-card').first().waitFor()
  // the worker installs after load and precaches the build; it controls the next load
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
  await page.reload()
  await waitUntil(() => page.evaluate(() => !!navigator.serviceWorker.controller), (c) => c, 'the service worker should control the page', 20_000)

  await session.context.setOffline(true)
  await page.reload() // a full load with no network
  await visible(page, '.route-card').first().waitFor()
  const notice = page.locator('.page-notice')

  // a subpackage page (heritage): a route card
  await visible(page, '.route-card').first().click()
  await waitForRoute(page, 'packages/heritage/route/index')
  await visible(page, '.taro_page').last().getByText(/研学线路|站/).first().waitFor()
  assert.equal(await notice.count(), 0, 'route page opened offline')
  await screenshot(page, 'sw-offline-route')

  // a tab page, then quiz subpackage pages
  await page.goto(appUrl(PAGES.explore))
  await text(page, /共 \d+ 条研学线路/).waitFor()
  await page.goto(appUrl(QUIZ_PAGES.home))
  await quizEntry(page, '竞答规则').click()
  await waitForRoute(page, QUIZ_PAGES.rules)
  await visible(page, '.taro_page').last().getByText(/计分|规则/).first().waitFor()
  await page.goto(appUrl(QUIZ_PAGES.board))
  await visible(page, '.taro_page').last().getByText(/日榜|排行/).first().waitFor()
  assert.equal(await notice.count(), 0, 'no page failed to open offline')
  await screenshot(page, 'sw-offline-board')
  assert.deepEqual(session.pageErrors, [])
})
