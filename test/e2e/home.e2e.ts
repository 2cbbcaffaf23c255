/** 首页: the counts of routes and sites come from the data (16 条研学线路, 50 处红色史迹). */
import assert from 'node:assert/strict'
import { screenshot } from './browser'
import { open, PAGES, scenario, text, TOTAL_ROUTES, TOTAL_SITES, visible, waitUntil } from './app'

scenario('首页显示 16 条研学线路和 50 处红色史迹', 'home', async ({ page, a11y }) => {
  await open(page, PAGES.home)
  await text(page, '泉州红色文化云学堂').waitFor()
  const counts = visible(page, '.home__count')
  const routes = counts.filter({ hasText: '条研学线路' })
  const sites = counts.filter({ hasText: '处红色史迹' })
  await waitUntil(() => routes.innerText(), (t) => t.replace(/\s+/g, '') === `${TOTAL_ROUTES}条研学线路`, 'home route count')
  await waitUntil(() => sites.innerText(), (t) => t.replace(/\s+/g, '') === `${TOTAL_SITES}处红色史迹`, 'home site count')
  assert.equal((await routes.locator('.home__count-num').innerText()).trim(), String(TOTAL_ROUTES))
  assert.equal((await sites.locator('.home__count-num').innerText()).trim(), String(TOTAL_SITES))
  // Featured routes have loaded (no skeleton left).
  await visible(page, '.route-card').first().waitFor()
  await screenshot(page, 'home')
  await a11y('首页')
})
