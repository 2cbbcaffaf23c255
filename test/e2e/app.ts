/**
 * Helpers that know the H5 app's markup: Taro renders components as custom elements
 * (`taro-view-core`, `taro-button-core`, `taro-input-core` around a real `<input>`), keeps earlier
 * pages of the stack in the DOM (hidden tab pages, covered pages), and scrolls each page inside
 * its own `.taro_page` container. Locators here therefore only match visible elements.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import type { Locator, Page } from 'playwright-core'
import { A11yError, appUrl, checkA11y, openSession, ROOT, screenshot, type Session } from './browser'

export const TOTAL_ROUTES = 16
export const TOTAL_SITES = 50
export const PAGE_SIZE = 20

/** Pages of the app, as hash-router paths. */
export const PAGES = {
  home: 'pages/home/index',
  explore: 'pages/explore/index',
  me: 'pages/me/index',
  site: (id: string, title?: string) => `packages/heritage/site/index?id=${encodeURIComponent(id)}${title ? `&title=${encodeURIComponent(title)}` : ''}`,
  route: (id: string) => `packages/heritage/route/index?id=${encodeURIComponent(id)}`
}

/** A site's record in the mock dataset (the H5 build embeds the same file). */
export function mockSite(id: string): { id: string; name: string } {
  const sites = JSON.parse(readFileSync(path.join(ROOT, 'mock', 'data', 'sites.json'), 'utf8')) as { id: string; name: string }[]
  const site = sites.find((s) => s.id === id)
  if (!site) throw new Error(`site ${id} is not in mock/data/sites.json`)
  return site
}

/** Visible elements matching `selector` (earlier pages of the stack stay in the DOM). */
export function visible(page: Page, selector: string): Locator {
  return page.locator(selector).filter({ visible: true })
}

/** Visible element with exactly this text (after trimming). */
export function text(page: Page, value: string | RegExp): Locator {
  return page.getByText(value, { exact: typeof value === 'string' }).filter({ visible: true })
}

/** Opens an app page by URL and waits until Taro has mounted it. */
export async function open(page: Page, pagePath: string): Promise<void> {
  await page.goto(appUrl(pagePath))
  await page.locator('.taro_page').first().waitFor({ state: 'attached' })
}

/** Polls `check` until it returns true; fails with `message` and the last value seen. */
export async function waitUntil<T>(read: () => T | Promise<T>, check: (value: T) => boolean, message: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: T = await read()
  while (!check(last)) {
    if (Date.now() > deadline) throw new Error(`${message} (last seen: ${JSON.stringify(last)})`)
    await new Promise((r) => setTimeout(r, 100))
    last = await read()
  }
  return last
}

/** Waits until exactly `n` visible elements match. */
export async function expectCount(page: Page, selector: string, n: number, timeoutMs?: number): Promise<void> {
  await waitUntil(() => visible(page, selector).count(), (c) => c === n, `expected ${n} × ${selector}`, timeoutMs)
}

/** Switches the 探索 page to a tab (研学线路 or 红色史迹) and waits until it is selected. */
export async function exploreTab(page: Page, label: '研学线路' | '红色史迹'): Promise<void> {
  const tab = visible(page, '.explore__tab').filter({ hasText: label })
  await tab.click()
  await waitUntil(() => tab.getAttribute('aria-selected'), (v) => v === 'true', `tab ${label} should be selected`)
}

/** Types into the site search box the way a user does (the inner `<input>` of `taro-input-core`). */
export async function search(page: Page, query: string): Promise<void> {
  const input = visible(page, '.search-bar__input input')
  await input.click()
  await input.fill('')
  if (query) await input.pressSequentially(query, { delay: 20 })
}

/** Scrolls the visible page container to its end (what triggers Taro's onReachBottom on H5). */
export async function scrollToBottom(page: Page): Promise<void> {
  await page.evaluate(() => {
    const pages = [...document.querySelectorAll<HTMLElement>('.taro_page')].filter((p) => p.offsetParent !== null || getComputedStyle(p).display !== 'none')
    const scroller = pages[pages.length - 1]
    if (!scroller) return
    scroller.scrollTop = scroller.scrollHeight
    scroller.dispatchEvent(new Event('scroll'))
    window.scrollTo(0, document.documentElement.scrollHeight)
  })
}

/** The tab bar item with this label (H5 only; pages opened from a tab show it). */
export function tabBarItem(page: Page, label: '首页' | '探索' | '竞答' | '我的'): Locator {
  return visible(page, '.weui-tabbar__item').filter({ hasText: label })
}

/** What a scenario's body gets. */
export interface Scenario {
  page: Page
  session: Session
  /**
   * Runs {@link checkA11y}; serious/critical violations fail the test at its end, after the rest
   * of the scenario has run, so one accessibility finding does not hide later functional checks.
   */
  a11y(label: string): Promise<void>
}

/**
 * One browser scenario as a `node:test` test: a fresh Chromium profile and phone page per test;
 * uncaught page errors fail it; a failing test leaves `failed-<slug>.png` for diagnosis.
 */
export function scenario(name: string, slug: string, body: (s: Scenario) => Promise<void>): void {
  test(name, { timeout: 90_000 }, async () => {
    const session = await openSession()
    const a11yFailures: string[] = []
    const a11y = async (label: string) => {
      try {
        await checkA11y(session.page, label)
      } catch (err) {
        if (!(err instanceof A11yError)) throw err
        a11yFailures.push(err.message)
      }
    }
    try {
      await body({ page: session.page, session, a11y })
    } catch (err) {
      await screenshot(session.page, `failed-${slug}`).catch(() => undefined)
      await session.close().catch((closeErr: Error) => console.error(closeErr.message))
      if (a11yFailures.length) console.error(a11yFailures.join('\n'))
      throw err
    }
    await session.close()
    if (a11yFailures.length) throw new A11yError(a11yFailures.join('\n'))
  })
}
