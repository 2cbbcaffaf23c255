/** 探索: the route list, the site list (paged by 20) and site search (Chinese and pinyin initials). */
import assert from 'node:assert/strict'
import { screenshot } from './browser'
import { expectCount, exploreTab, open, PAGE_SIZE, PAGES, scenario, scrollToBottom, search, text, TOTAL_ROUTES, TOTAL_SITES, visible, waitUntil } from './app'

scenario('研学线路：列表显示全部 16 条线路', 'explore-routes', async ({ page, a11y }) => {
  await open(page, PAGES.explore)
  await text(page, `共 ${TOTAL_ROUTES} 条研学线路`).waitFor()
  await expectCount(page, '.route-card', TOTAL_ROUTES)
  await screenshot(page, 'explore-routes')
  await a11y('探索 · 研学线路')
})

scenario('红色史迹：每次加载 20 处，滚动或“加载更多”直到全部 50 处', 'explore-sites', async ({ page, a11y }) => {
  await open(page, PAGES.explore)
  await exploreTab(page, '红色史迹')
  await text(page, `共 ${TOTAL_SITES} 处红色史迹`).waitFor()
  await expectCount(page, '.site-card', PAGE_SIZE)
  const more = visible(page, 'taro-button-core').filter({ hasText: '加载更多' })
  assert.match(await more.innerText(), new RegExp(`还有 ${TOTAL_SITES - PAGE_SIZE} 处`))

  const steps: string[] = []
  for (let round = 0; round < 10; round++) {
    const before = await visible(page, '.site-card').count()
    if (before >= TOTAL_SITES) break
    // A user scrolls to the end of the list (Taro's onReachBottom loads the next page)…
    await scrollToBottom(page)
    const afterScroll = await waitUntil(() => visible(page, '.site-card').count(), (c) => c > before, 'scroll', 2_000).catch(() => before)
    if (afterScroll > before) {
      steps.push(`scroll → ${afterScroll}`)
      assert.ok(afterScroll - before <= PAGE_SIZE, `one scroll loads at most ${PAGE_SIZE} more (${before} → ${afterScroll})`)
      continue
    }
    // …or presses 加载更多.
    await more.click()
    const afterClick = await waitUntil(() => visible(page, '.site-card').count(), (c) => c > before, `加载更多 should add sites (had ${before})`)
    steps.push(`加载更多 → ${afterClick}`)
  }
  console.log(`[e2e] site list: ${PAGE_SIZE}, ${steps.join(', ')}`)
  await expectCount(page, '.site-card', TOTAL_SITES)
  await text(page, `已显示全部 ${TOTAL_SITES} 处`).waitFor()
  assert.equal(await more.count(), 0, 'no 加载更多 once everything is shown')
  const names = await visible(page, '.site-card .card__title').allInnerTexts()
  assert.equal(new Set(names).size, TOTAL_SITES, 'every site appears once')
  await scrollToBottom(page)
  await screenshot(page, 'explore-sites-all')
  await a11y('探索 · 红色史迹')
})

scenario('搜索：“明伦堂”和拼音首字母“mlt”找到同一处史迹；无结果时可清除筛选', 'explore-search', async ({ page, a11y }) => {
  await open(page, PAGES.explore)
  await exploreTab(page, '红色史迹')
  await text(page, `共 ${TOTAL_SITES} 处红色史迹`).waitFor()
  const cards = visible(page, '.site-card')

  await search(page, '明伦堂')
  await text(page, /^找到 \d+ 处史迹$/).waitFor()
  await cards.filter({ hasText: '明伦堂' }).first().waitFor()
  const byChinese = await cards.locator('.card__title').allInnerTexts()
  assert.ok(byChinese.length >= 1 && byChinese.every((n) => n.includes('明伦堂')), `results for 明伦堂: ${byChinese.join(' | ')}`)
  await screenshot(page, 'explore-search-mingluntang')

  // Clear with the search box's own 清除 control, then search by pinyin initials.
  await visible(page, '.search-bar__clear').click()
  await text(page, `共 ${TOTAL_SITES} 处红色史迹`).waitFor()
  assert.equal(await visible(page, '.search-bar__input input').inputValue(), '')
  await search(page, 'mlt')
  await text(page, /^找到 \d+ 处史迹$/).waitFor()
  const byPinyin = await waitUntil(() => cards.locator('.card__title').allInnerTexts(), (n) => n.length > 0 && n.length < TOTAL_SITES, 'results for mlt')
  for (const name of byChinese) assert.ok(byPinyin.includes(name), `mlt should find ${name}; got ${byPinyin.join(' | ')}`)

  // No hits: the empty state offers 清除筛选, which restores all 50.
  await search(page, '没有这个地方xyz')
  const empty = visible(page, '.state--empty')
  await empty.waitFor()
  assert.match(await empty.innerText(), /没有符合条件的史迹/)
  assert.equal(await cards.count(), 0)
  await screenshot(page, 'explore-search-empty')
  await a11y('探索 · 搜索无结果')
  await empty.locator('taro-button-core', { hasText: '清除筛选' }).click()
  await text(page, `共 ${TOTAL_SITES} 处红色史迹`).waitFor()
  await expectCount(page, '.site-card', PAGE_SIZE)
  assert.equal(await visible(page, '.search-bar__input input').inputValue(), '', 'the search box is emptied too')
})
