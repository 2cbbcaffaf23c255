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
 * `opts.timeoutMs` (default 90 s) for long scenarios such as a whole 20-question quiz round.
 */
export function scenario(name: string, slug: string, body: (s: Scenario) => Promise<void>, opts: { timeoutMs?: number } = {}): void {
  test(name, { timeout: opts.timeoutMs ?? 90_000 }, async () => {
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

// ---------------------------------------------------------------------------------------------
// 党史互动竞答 (quiz)

/** Quiz pages, as hash-router paths. */
export const QUIZ_PAGES = {
  home: 'pages/quiz/index',
  play: (mode: 'daily' | 'competition' | 'practice', extra: Record<string, string> = {}) =>
    `packages/quiz/play/index?${new URLSearchParams({ mode, ...extra }).toString()}`,
  result: 'packages/quiz/result/index',
  board: 'packages/quiz/board/index',
  practice: 'packages/quiz/practice/index',
  wrongBook: 'packages/quiz/wrong-book/index',
  rules: 'packages/quiz/rules/index',
  history: 'packages/quiz/history/index'
}

/** A question of the mock bank (`mock/data/questions.json`): `answer` indexes into `options`. */
export interface MockQuestion {
  id: string
  type: 'single' | 'multiple' | 'judge'
  text: string
  options: string[]
  answer: number[]
  explanation: string
  topic: string
  relatedSiteId: string | null
  /** Every cited page; `showable` ones carry the label users see. */
  citations: Array<{ url: string; showable: boolean; label: string | null }>
}

let questionBank: MockQuestion[] | null = null

/** The mock question bank (the H5 build embeds the same file). */
export function mockQuestions(): MockQuestion[] {
  questionBank ??= JSON.parse(readFileSync(path.join(ROOT, 'mock', 'data', 'questions.json'), 'utf8')) as MockQuestion[]
  return questionBank
}

/** The bank's question with exactly this text (question texts are unique in the bank). */
export function mockQuestionByText(value: string): MockQuestion {
  const hits = mockQuestions().filter((q) => q.text === value.trim())
  if (hits.length !== 1) throw new Error(`expected one question with text ${JSON.stringify(value)} in mock/data/questions.json, found ${hits.length}`)
  return hits[0]
}

/** The router hash of the page (e.g. `#/packages/quiz/play/index?mode=daily`). */
export function currentHash(page: Page): Promise<string> {
  return page.evaluate(() => location.hash)
}

/** Waits until the hash router shows `pagePath` (a prefix of the hash without `#/`). */
export async function waitForRoute(page: Page, pagePath: string, timeoutMs?: number): Promise<string> {
  return waitUntil(() => currentHash(page), (h) => h.startsWith(`#/${pagePath}`), `expected to be on ${pagePath}`, timeoutMs)
}

/** The visible app button (`taro-button-core`) whose text is exactly `label` (or matches it). */
export function button(page: Page, label: string | RegExp): Locator {
  const re = typeof label === 'string' ? new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) : label
  return visible(page, 'taro-button-core').filter({ hasText: re })
}

/** An entry of the 竞答 tab's menu by its title (每日答题, 竞答, 专题练习, 错题本, 排行榜, 答题记录, 竞答规则). */
export function quizEntry(page: Page, title: string): Locator {
  return visible(page, '.quiz-home__entry').filter({ has: page.locator('.quiz-home__entry-title', { hasText: new RegExp(`^\\s*${title}\\s*$`) }) })
}

/**
 * Answers the modal Taro's `showModal` draws on H5 (a DOM dialog `.taro__modal`, reused between
 * calls and hidden with `display: none`): waits until it shows `title`, presses its confirm or
 * cancel button and waits until it has gone. Returns its title, text and button labels.
 */
/** The dialog of Taro's H5 `showModal` while it shows (its wrapper has no box: mask and dialog are fixed). */
export function modalDialog(page: Page): Locator {
  return page.locator('.taro__modal .taro-modal__content').filter({ visible: true })
}

export async function answerModal(page: Page, title: string, choice: 'confirm' | 'cancel'): Promise<{ title: string; content: string; confirmText: string; cancelText: string }> {
  const modal = modalDialog(page)
  await modal.filter({ has: page.locator('.taro-modal__title', { hasText: title }) }).waitFor()
  const seen = {
    title: (await modal.locator('.taro-modal__title').innerText()).trim(),
    content: (await modal.locator('.taro-modal__text').innerText()).trim(),
    confirmText: (await modal.locator('.taro-model__confirm').innerText()).trim(),
    cancelText: (await modal.locator('.taro-model__cancel').innerText()).trim()
  }
  await modal.locator(choice === 'confirm' ? '.taro-model__confirm' : '.taro-model__cancel').click()
  await modal.waitFor({ state: 'hidden' })
  return seen
}

/** What the play page shows of the current question. */
export interface ShownQuestion {
  /** `第 n / total 题` as numbers. */
  number: number
  total: number
  text: string
  /** Option texts in the shown (possibly shuffled) order, without the letters. */
  options: string[]
  /** The bank's record of this question. */
  bank: MockQuestion
  /** Indexes (in the shown order) of the right options, from the bank's answer. */
  right: number[]
}

/**
 * Waits until the play page shows question `number` (1-based) open for an answer (its submit
 * button asks for a choice), then reads it and looks it up in the bank by its text.
 */
export async function readQuestion(page: Page, number: number, timeoutMs = 15_000): Promise<ShownQuestion> {
  const progress = visible(page, '.question__progress')
  const shown = await waitUntil(
    async () => ((await progress.count()) ? (await progress.innerText()).trim() : ''),
    (t) => new RegExp(`^第 ${number} / \\d+ 题$`).test(t),
    `expected question ${number} on the play page`,
    timeoutMs
  )
  // open for an answer: no verdict yet, the submit button asks for a choice
  await button(page, /^\s*请选择/).waitFor({ timeout: timeoutMs })
  const total = Number(/\/ (\d+) 题/.exec(shown)![1])
  const textValue = (await visible(page, '.question__text').innerText()).trim()
  const options = (await visible(page, '.question .option .option__text').allInnerTexts()).map((t) => t.trim())
  const bank = mockQuestionByText(textValue)
  const right = bank.answer.map((a) => options.indexOf(bank.options[a]))
  if (right.some((i) => i < 0) || options.length !== bank.options.length) {
    throw new Error(`the options shown for ${JSON.stringify(textValue)} are not the bank's: ${JSON.stringify(options)} vs ${JSON.stringify(bank.options)}`)
  }
  return { number, total, text: textValue, options, bank, right: right.sort((a, b) => a - b) }
}

/** A wrong choice for a question (shown indexes): an option outside the answer, else part of it. */
export function wrongChoice(q: ShownQuestion): number[] {
  const other = q.options.findIndex((_, i) => !q.right.includes(i))
  if (other >= 0) return [other]
  if (q.right.length > 1) return [q.right[0]]
  throw new Error(`no wrong choice possible for ${q.text}`)
}

/** Taps the options (shown indexes), waits until they show as chosen, then presses 确定. */
export async function submitChoice(page: Page, choice: number[]): Promise<void> {
  const options = visible(page, '.question .option')
  for (const i of choice) await options.nth(i).click()
  await waitUntil(
    () => options.evaluateAll((els) => els.map((e, i) => (e.classList.contains('option--selected') ? i : -1)).filter((i) => i >= 0)),
    (sel) => JSON.stringify(sel) === JSON.stringify([...choice].sort((a, b) => a - b)),
    `options ${choice.join(',')} should be selected`
  )
  await button(page, '确定').click()
}

/** The verdict after 确定: waits for the feedback and returns what it says. */
export async function readFeedback(page: Page, timeoutMs = 10_000): Promise<{ verdict: string; score: number; scoreText: string; answer: string; explanation: string | null }> {
  const fb = visible(page, '.play .feedback')
  await fb.locator('.feedback__verdict').waitFor({ timeout: timeoutMs })
  const scoreText = (await fb.locator('.feedback__score').innerText()).trim()
  const m = /^\+(\d+) 分/.exec(scoreText)
  if (!m) throw new Error(`unexpected feedback score text ${JSON.stringify(scoreText)}`)
  const explain = fb.locator('.feedback__explain')
  return {
    verdict: (await fb.locator('.feedback__verdict').innerText()).trim(),
    score: Number(m[1]),
    scoreText,
    answer: (await fb.locator('.feedback__answer').innerText()).trim(),
    explanation: (await explain.count()) ? (await explain.innerText()).trim() : null
  }
}

/** The `正确答案：` line the feedback should show for a question (letters in the shown order). */
export function expectedAnswerLine(q: ShownQuestion): string {
  return `正确答案：${q.right.map((i) => `${'ABCDEF'[i]}. ${q.options[i]}`).join('；')}`
}

/** The number on the visible countdown, or null when there is none. */
export async function countdownSeconds(page: Page): Promise<number | null> {
  const num = visible(page, '.countdown .countdown__num')
  if (!(await num.count())) return null
  return Number((await num.innerText()).trim())
}
