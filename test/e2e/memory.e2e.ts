/**
 * Detached DOM nodes after touring the pages (issue 8): closed pages must not stay in memory.
 * Taro 4.2.1's pull-to-refresh element kept every closed route, site and board page alive through
 * its `Taro.eventCenter` listeners (about 2,700 detached nodes more after each tour; see
 * src/shared/h5-pull-refresh-fix.ts). The count is read with Chromium's DOM counters through CDP,
 * after forcing garbage collection, minus the nodes in the document.
 */
import assert from 'node:assert/strict'
import type { CDPSession, Page } from 'playwright-core'
import { open, PAGES, QUIZ_PAGES, scenario, visible } from './app'

async function detachedNodes(page: Page, cdp: CDPSession): Promise<{ nodes: number; inDocument: number; detached: number }> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage')
  const { nodes } = await cdp.send('Memory.getDOMCounters')
  const inDocument = await page.evaluate(() => {
    let n = 1
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL)
    while (walker.nextNode()) n++
    return n
  })
  return { nodes, inDocument, detached: nodes - inDocument }
}

/** Goes to an app page inside the running app (the hash router), as a link would. */
async function go(page: Page, pagePath: string) {
  await page.evaluate((p) => {
    window.location.hash = `#/${p}`
  }, pagePath)
  await page.waitForTimeout(600)
}

/** One tour: the four tabs, a route, the site list and a site, 答题记录, 规则, 排行榜, back home. */
async function tour(page: Page) {
  for (const p of [PAGES.explore, QUIZ_PAGES.home, PAGES.me, PAGES.home]) await go(page, p)
  await visible(page, '.route-card').first().click()
  await visible(page, '.route__stat-num').first().waitFor()
  await page.goBack()
  await go(page, PAGES.explore)
  await visible(page, '.explore__tab, [role="tab"]').filter({ hasText: '红色史迹' }).first().click()
  await visible(page, '.site-card').first().click()
  await visible(page, '.section__title').first().waitFor()
  await page.goBack()
  for (const p of [QUIZ_PAGES.history, QUIZ_PAGES.rules, QUIZ_PAGES.board]) {
    await go(page, p)
    await page.goBack()
    await page.waitForTimeout(400)
  }
  await go(page, PAGES.home)
}

scenario('closed pages are freed: detached DOM nodes stay bounded over repeated tours', 'memory-detached', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page)
  await open(page, PAGES.home)
  await visible(page, '.route-card').first().waitFor()
  await tour(page)
  const first = await detachedNodes(page, cdp)
  await tour(page)
  await tour(page)
  const third = await detachedNodes(page, cdp)
  console.log(`[memory] after 1 tour: ${JSON.stringify(first)}; after 3 tours: ${JSON.stringify(third)}`)
  // Before the fix (this tour, H5 build): 6,020 after one tour, 16,226 after three; after it 1,624 and 1,624.
  assert.ok(third.detached - first.detached < 400, `two more tours should not keep whole pages alive (+${third.detached - first.detached} detached nodes)`)
  assert.ok(third.detached < 2500, `detached nodes after three tours: ${third.detached} (document: ${third.inDocument})`)
}, { timeoutMs: 120_000 })
