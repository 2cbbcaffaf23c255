/**
 * Offline: the H5 build on mock data needs no network. With every request to a non-loopback host
 * and to `/api/` aborted, the 探索 lists still load in full.
 */
import assert from 'node:assert/strict'
import { screenshot } from './browser'
import { expectCount, exploreTab, open, PAGE_SIZE, PAGES, scenario, text, TOTAL_ROUTES, TOTAL_SITES } from './app'

scenario('离线：屏蔽外网与 /api/ 请求后，探索列表仍然加载', 'offline', async ({ page, session }) => {
  const blocked: string[] = []
  await session.context.route('**/*', (route) => {
    const url = new URL(route.request().url())
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]'
    if ((url.protocol.startsWith('http') && !loopback) || url.pathname.startsWith('/api/')) {
      blocked.push(url.href)
      return route.abort('internetdisconnected')
    }
    return route.continue()
  })
  await open(page, PAGES.explore)
  await text(page, `共 ${TOTAL_ROUTES} 条研学线路`).waitFor()
  await expectCount(page, '.route-card', TOTAL_ROUTES)
  await exploreTab(page, '红色史迹')
  await text(page, `共 ${TOTAL_SITES} 处红色史迹`).waitFor()
  await expectCount(page, '.site-card', PAGE_SIZE)
  await screenshot(page, 'offline-explore-sites')
  assert.deepEqual(blocked, [], 'the mock build should not even try the network or /api/')
  // The aborted requests (none expected) would show as console errors; the page must not have crashed.
  assert.equal(session.pageErrors.length, 0)
})
