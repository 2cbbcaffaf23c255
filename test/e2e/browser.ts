/**
 * Browser helpers for the H5 end-to-end tests: launches the system Chromium through playwright-core
 * (never a downloaded browser) with a phone context, records page and console errors, saves
 * screenshots under test-results/screenshots/ and runs axe-core accessibility checks.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

/** Base URL of the served H5 app, set by test/e2e/run.ts (e.g. `http://127.0.0.1:40123`). */
export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL
  if (!url) throw new Error('E2E_BASE_URL is not set: run the e2e tests through `npm run test:e2e`.')
  return url.replace(/\/$/, '')
}

/** Absolute URL of an app page in Taro's hash router, e.g. `appUrl('pages/home/index')`. */
export function appUrl(pagePath: string): string {
  return `${baseUrl()}/#/${pagePath.replace(/^\//, '')}`
}

export const CHROMIUM_PATH = process.env.E2E_CHROMIUM || '/usr/bin/chromium'
export const ROOT = path.resolve(__dirname, '..', '..')
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'screenshots')

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

/** One browser session: a phone context with a fresh profile, plus the errors seen so far. */
export interface Session {
  context: BrowserContext
  page: Page
  /** Uncaught exceptions in the page (each one fails the test in `close`). */
  pageErrors: string[]
  /** `console.error` messages (reported; failing requests we caused on purpose are expected). */
  consoleErrors: string[]
  /** Closes the browser and removes the profile; throws if the page had uncaught errors. */
  close(opts?: { allowConsoleErrors?: boolean }): Promise<void>
}

/** Launches Chromium with a fresh `--user-data-dir` and opens one phone-sized page. */
export async function openSession(): Promise<Session> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'e2e-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: LAUNCH_ARGS,
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai'
  })
  context.setDefaultTimeout(10_000)
  const page = context.pages()[0] ?? (await context.newPage())
  const pageErrors: string[] = []
  const consoleErrors: string[] = []
  page.on('pageerror', (err) => pageErrors.push(err.stack || err.message))
  page.on('console', (msg) => {
    // The app ships no favicon; the browser's automatic /favicon.ico request is not the app's.
    if (msg.type() === 'error' && !msg.location().url.endsWith('/favicon.ico')) consoleErrors.push(msg.text())
  })
  return {
    context,
    page,
    pageErrors,
    consoleErrors,
    async close() {
      try {
        await context.close()
      } finally {
        rmSync(userDataDir, { recursive: true, force: true })
      }
      if (consoleErrors.length) console.warn(`[e2e] console errors:\n  ${consoleErrors.join('\n  ')}`)
      if (pageErrors.length) throw new Error(`Uncaught page errors:\n${pageErrors.join('\n')}`)
    }
  }
}

/** Saves a full-page PNG to `test-results/screenshots/<name>.png` and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const file = path.join(SCREENSHOT_DIR, `${name}.png`)
  // Let web fonts, images and transitions settle so the picture shows the final state.
  await page.evaluate(() => document.fonts?.ready).catch(() => undefined)
  await page.waitForTimeout(150)
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' })
  return file
}

interface AxeNode {
  target: unknown[]
  html: string
  failureSummary?: string
}
interface AxeViolation {
  id: string
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null
  help: string
  helpUrl: string
  nodes: AxeNode[]
}

/**
 * axe rules switched off because Taro's own framework markup triggers them and the app cannot
 * change it. Each entry says why. (Empty: none were needed so far.)
 */
export const FRAMEWORK_RULE_EXCLUSIONS: Record<string, string> = {}

function describe(v: AxeViolation): string {
  const nodes = v.nodes
    .slice(0, 3)
    .map((n) => `      - ${n.target.map(String).join(' ')}\n        ${n.html.replace(/\s+/g, ' ').slice(0, 240)}`)
    .join('\n')
  const more = v.nodes.length > 3 ? `\n      … and ${v.nodes.length - 3} more` : ''
  return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} element${v.nodes.length === 1 ? '' : 's'})\n${nodes}${more}`
}

/** Serious or critical axe violations on a page (thrown by {@link checkA11y}). */
export class A11yError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'A11yError'
  }
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

async function runAxe(page: Page, onlyRules?: string[]): Promise<AxeViolation[]> {
  const hasAxe = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined')
  if (!hasAxe) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') })
  const disabled = Object.fromEntries(Object.keys(FRAMEWORK_RULE_EXCLUSIONS).map((id) => [id, { enabled: false }]))
  return (await page.evaluate(
    async ({ tags, only, rules }) => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe
      const runOnly = only ? { type: 'rule', values: only } : { type: 'tag', values: tags }
      return (await axe.run(document, { runOnly, rules })).violations
    },
    { tags: WCAG_TAGS, only: onlyRules, rules: disabled }
  )) as AxeViolation[]
}

/** Scrolls the topmost visible Taro page container (each page scrolls inside `.taro_page`). */
function scrollPage(page: Page, top: number | null): Promise<{ top: number; max: number; step: number }> {
  return page.evaluate((to) => {
    const pages = [...document.querySelectorAll<HTMLElement>('.taro_page')].filter((p) => p.getClientRects().length > 0 && p.scrollHeight > p.clientHeight)
    const el = pages[pages.length - 1]
    if (!el) return { top: 0, max: 0, step: 1 }
    if (to !== null) el.scrollTop = to
    return { top: el.scrollTop, max: el.scrollHeight - el.clientHeight, step: Math.max(200, Math.floor(el.clientHeight * 0.9)) }
  }, top)
}

function merge(into: Map<string, AxeViolation>, found: AxeViolation[]) {
  for (const v of found) {
    const seen = into.get(v.id)
    if (!seen) {
      into.set(v.id, { ...v, nodes: [...v.nodes] })
      continue
    }
    const targets = new Set(seen.nodes.map((n) => n.target.join(' ')))
    for (const n of v.nodes) if (!targets.has(n.target.join(' '))) seen.nodes.push(n)
  }
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA) on the page. Throws an {@link A11yError} listing every
 * serious or critical violation; prints moderate and minor ones as warnings.
 *
 * axe only judges colour contrast for what is on screen, and Taro H5 scrolls each page inside its
 * own container, so `color-contrast` is run again at each screenful down the page.
 */
export async function checkA11y(page: Page, label: string): Promise<void> {
  // A toast (Taro's H5 showToast) fades in and out over its 1.5 s life; axe would judge its text
  // mid-fade. Wait until none is shown (up to 4 s), then check the page itself.
  await page
    .waitForFunction(() => [...document.querySelectorAll('.taro__toast')].every((el) => getComputedStyle(el).display === 'none' || getComputedStyle(el).opacity === '0'), undefined, { timeout: 4000 })
    .catch(() => undefined)
  const all = new Map<string, AxeViolation>()
  merge(all, await runAxe(page))
  const start = await scrollPage(page, null)
  for (let top = start.step; top < start.max + start.step; top += start.step) {
    await scrollPage(page, Math.min(top, start.max))
    await page.waitForTimeout(50)
    merge(all, await runAxe(page, ['color-contrast']))
  }
  await scrollPage(page, start.top)
  const violations = [...all.values()]
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  const warnings = violations.filter((v) => !blocking.includes(v))
  if (warnings.length) console.warn(`[axe] ${label}: ${warnings.length} moderate/minor issue(s):\n${warnings.map(describe).join('\n')}`)
  if (blocking.length) {
    throw new A11yError(`[axe] ${label}: ${blocking.length} serious/critical violation(s):\n${blocking.map(describe).join('\n')}`)
  }
}
