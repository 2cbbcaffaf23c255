/** 我的: the profile form (saved across reloads, nickname required) and favourite sites. */
import assert from 'node:assert/strict'
import { screenshot } from './browser'
import { exploreTab, open, PAGES, scenario, tabBarItem, text, TOTAL_SITES, visible, waitUntil } from './app'

scenario('个人资料：保存昵称和单位，刷新后仍在；昵称为空时提示', 'me-profile', async ({ page, a11y }) => {
  await open(page, PAGES.me)
  await text(page, '我的收藏').waitFor()
  await visible(page, 'taro-button-core').filter({ hasText: '设置昵称和单位' }).click()
  const inputs = visible(page, '.me__input input')
  await inputs.first().waitFor()
  await inputs.nth(0).fill('老张')
  await inputs.nth(1).fill('鲤城区某社区党支部')
  await screenshot(page, 'me-form')
  await visible(page, 'taro-button-core').filter({ hasText: /^保存$/ }).click()
  await visible(page, '.me__name').filter({ hasText: '老张' }).waitFor()
  await visible(page, '.me__unit').filter({ hasText: '单位：鲤城区某社区党支部' }).waitFor()

  await page.reload()
  await visible(page, '.me__name').filter({ hasText: '老张' }).waitFor()
  assert.equal((await visible(page, '.me__unit').innerText()).trim(), '单位：鲤城区某社区党支部')
  await screenshot(page, 'me-saved')
  await a11y('我的')

  // Empty nickname: the field error shows and nothing is saved.
  await visible(page, 'taro-button-core').filter({ hasText: '修改资料' }).click()
  await inputs.first().waitFor()
  assert.equal(await inputs.nth(0).inputValue(), '老张', 'the form opens with the saved nickname')
  await inputs.nth(0).fill('')
  await visible(page, 'taro-button-core').filter({ hasText: /^保存$/ }).click()
  const error = visible(page, '.me__error')
  await error.waitFor()
  assert.match(await error.innerText(), /昵称/)
  await screenshot(page, 'me-nickname-error')
  await a11y('我的 · 昵称为空')
  await page.reload()
  await visible(page, '.me__name').filter({ hasText: '老张' }).waitFor()
})

scenario('收藏：在史迹页收藏后，“我的收藏”里列出该史迹', 'favourites', async ({ page }) => {
  await open(page, PAGES.explore)
  await exploreTab(page, '红色史迹')
  await text(page, `共 ${TOTAL_SITES} 处红色史迹`).waitFor()
  const card = visible(page, '.site-card').nth(1)
  const name = (await card.locator('.card__title').innerText()).trim()
  await card.click()
  await visible(page, '.site-cover__name').filter({ hasText: name }).waitFor()
  await visible(page, 'taro-button-core').filter({ hasText: '收藏' }).first().click()
  await visible(page, 'taro-button-core').filter({ hasText: '★ 已收藏' }).waitFor()

  await page.goBack()
  await waitUntil(() => page.evaluate(() => location.hash), (h) => h.startsWith('#/pages/explore/index'), 'back on 探索')
  await tabBarItem(page, '我的').click()
  await waitUntil(() => page.evaluate(() => location.hash), (h) => h.startsWith('#/pages/me/index'), 'on 我的')
  const favs = visible(page, '.me__favs .site-card')
  await favs.first().waitFor()
  assert.deepEqual(await favs.locator('.card__title').allInnerTexts(), [name])
  await screenshot(page, 'me-favourites')
})
