/** Route and site pages: route → stop → site, browser back, unknown ids, Chinese page parameters. */
import assert from 'node:assert/strict'
import { appUrl, screenshot } from './browser'
import { mockSite, open, PAGES, scenario, visible, waitUntil } from './app'

const MINGLUNTANG = 'zhonggong-quanzhou-tebie-zhibu-mingluntang'

scenario('线路 → 站点 → 史迹：站点按顺序列出，史迹页有史实与来源，返回回到线路', 'route-site', async ({ page, a11y }) => {
  await open(page, PAGES.explore)
  const firstRoute = visible(page, '.route-card').first()
  const routeName = (await firstRoute.locator('.card__title').innerText()).trim()
  await firstRoute.click()

  // Route page: its name, and numbered stops 1, 2, 3…
  await visible(page, '.route__name').filter({ hasText: routeName }).waitFor()
  await waitUntil(() => page.evaluate(() => location.hash), (h) => h.startsWith('#/packages/heritage/route/index'), 'route URL')
  const stops = visible(page, '.stops__item')
  await stops.first().waitFor()
  const numbers = await stops.locator('.stops__index').allInnerTexts()
  assert.ok(numbers.length >= 2, `a route has several stops (got ${numbers.length})`)
  assert.deepEqual(numbers.map((n) => n.trim()), numbers.map((_, i) => String(i + 1)), 'stops are numbered in order')
  await screenshot(page, 'route')
  await a11y('线路详情')
  const routeUrl = page.url()

  // Tap the first stop that is a site.
  const stop = visible(page, '.stops__item--link').first()
  const siteName = (await stop.locator('.stops__name').innerText()).trim()
  await stop.click()
  await waitUntil(() => page.evaluate(() => location.hash), (h) => h.startsWith('#/packages/heritage/site/index'), 'site URL')
  await visible(page, '.site-cover__name').filter({ hasText: siteName }).waitFor()
  await visible(page, '.section__title').filter({ hasText: /^史实$/ }).waitFor()
  await visible(page, '.section__title').filter({ hasText: /^来源（\d+）$/ }).waitFor()
  assert.ok((await visible(page, '.timeline__item').count()) >= 1, 'the 史实 section lists dated facts')
  await waitUntil(() => page.title(), (t) => t === siteName, 'document.title is the site name')
  await screenshot(page, 'site')
  await a11y('史迹详情')

  // Browser back returns to the route page.
  await page.goBack()
  await waitUntil(() => page.url(), (u) => u === routeUrl, 'back to the route URL')
  await visible(page, '.route__name').filter({ hasText: routeName }).waitFor()
  await visible(page, '.stops__item--link').first().waitFor()
})

scenario('未知史迹编号：显示“没有找到这处史迹”和返回按钮', 'site-not-found', async ({ page, a11y }) => {
  await open(page, PAGES.site('no-such-site'))
  const error = visible(page, '.state--error')
  await error.waitFor()
  assert.match(await error.innerText(), /没有找到这处史迹/)
  assert.match(await error.innerText(), /no-such-site/)
  const back = error.locator('taro-button-core', { hasText: '返回史迹列表' })
  await back.waitFor()
  await screenshot(page, 'site-not-found')
  await a11y('史迹不存在')
  // Opened directly (no page to go back to): the button leads to 探索.
  await back.click()
  await waitUntil(() => page.evaluate(() => location.hash), (h) => h.startsWith('#/pages/explore/index'), 'back button opens 探索')
  await visible(page, '.explore__tabs').waitFor()
})

scenario('中文页面参数：标题参数按原样显示中文，不是百分号编码或乱码', 'chinese-title', async ({ page }) => {
  const site = mockSite(MINGLUNTANG)
  await open(page, PAGES.site(site.id, site.name))
  await visible(page, '.site-cover__name').filter({ hasText: site.name }).waitFor()
  const title = await waitUntil(() => page.title(), (t) => t === site.name, `document.title should be ${site.name}`)
  assert.doesNotMatch(title, /%[0-9A-F]{2}/i)
  const header = (await page.locator('.taro-navigation-bar-title').innerText()).trim()
  assert.equal(header, site.name, 'navigation bar title')
  await screenshot(page, 'chinese-title')

  // The title parameter alone (the site is unknown, so no data overwrites it).
  const onlyParam = '测试标题（泉州·明伦堂）'
  await page.goto(appUrl(PAGES.site('no-such-site', onlyParam)))
  await visible(page, '.state--error').waitFor()
  await waitUntil(() => page.title(), (t) => t === onlyParam, `document.title should be ${onlyParam}`)
})
