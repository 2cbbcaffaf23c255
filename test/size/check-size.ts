/**
 * `npm run size`: the size budget of both builds, read from the existing dist/ (a missing build is
 * built first, and the report says so).
 *
 * - weapp: every package (main = everything not under a subpackage root of app.json) with its size,
 *   and the 5 biggest files of the main package. Fails when any package is over 1 MB.
 * - H5: the JavaScript a browser really loads to show 首页. dist/h5 is served on 127.0.0.1, the
 *   system Chromium opens `/#/pages/home/index`, every `.js` response is recorded until the network
 *   is idle, and those files are gzipped (level 9) from disk. Without Chromium, the scripts in
 *   index.html are counted instead and the report says that page chunks were left out.
 * - The yardstick: the empty Taro 4 app in `test/size/baseline/taro-empty` (a copy of the team's
 *   baseline), built here with the same tools and measured the same way. The ratios ours ÷ empty
 *   are printed beside the budgets ({@link RATIO_BUDGETS}).
 *
 * Exit code 0 within budget, 1 over budget or when a measurement could not be made.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { BASE_H5, BASE_WEAPP, BASELINE_ROOT, CHROMIUM, DIST_H5, DIST_WEAPP, ensureBuild, heading, HOME_HASH, LAUNCH_ARGS, ROOT, serveStatic } from './builds'
import { formatKB, weappReport } from './packages'

/**
 * Budgets as ratios to the empty Taro app (design.md): H5 first-load JS for 首页 (all chunks,
 * gzip) at most 1.25×, the weapp main package at most 1.35×.
 */
export const RATIO_BUDGETS = { h5FirstLoad: 1.25, weappMain: 1.35 }
/** Whether a ratio past its budget fails the check (on since the first screen was split: issue 8). */
const ENFORCE_RATIOS = true
const notes: string[] = []

interface JsFile {
  url: string
  file: string
  bytes: number
  gzip: number
}

function gzipSize(file: string): number {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length
}

function jsFileOf(distH5: string, pathname: string, url: string): JsFile {
  const file = path.join(distH5, decodeURIComponent(pathname))
  if (!fs.existsSync(file)) throw new Error(`the browser loaded ${url}, which is not a file in ${path.relative(ROOT, distH5)}`)
  return { url: pathname, file, bytes: fs.statSync(file).size, gzip: gzipSize(file) }
}

/** What to open in a build and the text that proves its first screen is showing. */
interface FirstScreen {
  dist: string
  hash: string
  text: string
}

const OURS: FirstScreen = { dist: DIST_H5, hash: HOME_HASH, text: '条研学线路' }
const EMPTY_APP: FirstScreen = { dist: BASE_H5, hash: '/#/pages/index/index', text: 'Count:' }

/** The .js files Chromium loads for a first screen, until the network is idle. */
async function measureWithBrowser(target: FirstScreen): Promise<{ files: JsFile[]; shown: boolean; errors: string[] }> {
  const { chromium } = await import('playwright-core')
  const server = await serveStatic(target.dist)
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'size-chromium-'))
  const seen = new Map<string, JsFile>()
  const errors: string[] = []
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: LAUNCH_ARGS,
      viewport: { width: 375, height: 812 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN'
    })
    try {
      const page = context.pages()[0] ?? (await context.newPage())
      page.on('pageerror', (err) => errors.push(err.message))
      page.on('response', (res) => {
        const u = new URL(res.url())
        if (u.origin !== server.origin || !u.pathname.endsWith('.js')) return
        if (!seen.has(u.pathname)) seen.set(u.pathname, jsFileOf(target.dist, u.pathname, res.url()))
      })
      // the empty app asks an outside host for its list: refuse it at once instead of waiting
      await page.route((url) => !url.href.startsWith(server.origin), (route) => route.abort())
      await page.goto(`${server.origin}${target.hash}`, { waitUntil: 'networkidle', timeout: 60_000 })
      // the page must really show its first screen (首页: counts from the data), or we measured a broken load
      const shown = await page
        .getByText(target.text)
        .first()
        .waitFor({ timeout: 10_000 })
        .then(() => true)
        .catch(() => false)
      await page.waitForLoadState('networkidle')
      return { files: [...seen.values()], shown, errors }
    } finally {
      await context.close()
    }
  } finally {
    await server.close()
    fs.rmSync(userDataDir, { recursive: true, force: true })
  }
}

// ------------------------------------------------------------------------------------------------

/** Prints the first-load files of a build and returns their total gzip size. */
function printFirstLoad(files: JsFile[]): number {
  console.log(`${'file'.padEnd(48)}${'raw'.padStart(12)}${'gzip'.padStart(12)}`)
  const sorted = [...files].sort((a, b) => b.gzip - a.gzip)
  for (const f of sorted) console.log(`${f.url.padEnd(48)}${formatKB(f.bytes).padStart(12)}${formatKB(f.gzip).padStart(12)}`)
  const totalRaw = files.reduce((n, f) => n + f.bytes, 0)
  const totalGzip = files.reduce((n, f) => n + f.gzip, 0)
  console.log(`${`total (${files.length} files)`.padEnd(48)}${formatKB(totalRaw).padStart(12)}${formatKB(totalGzip).padStart(12)}`)
  return totalGzip
}

/** Measures one build's first screen in Chromium, recording failures under `label`. */
async function firstLoad(target: FirstScreen, label: string, failures: string[]): Promise<number> {
  const res = await measureWithBrowser(target)
  if (!res.shown) failures.push(`${label}: the first screen did not show in Chromium, so the measurement is not trustworthy`)
  if (res.errors.length) failures.push(`${label}: the page threw while loading: ${res.errors.join('; ')}`)
  if (!res.files.length) failures.push(`${label}: Chromium loaded no JavaScript at all`)
  return printFirstLoad(res.files)
}

/** One line of the ratio table; records a failure past the budget. */
function ratioLine(what: string, ours: number, empty: number, budget: number, failures: string[]): string {
  const ratio = ours / empty
  const ok = ratio <= budget
  if (!ok && ENFORCE_RATIOS) failures.push(`${what}: ${ratio.toFixed(2)}× the empty Taro app, over the ${budget}× budget`)
  return `${what.padEnd(34)}${formatKB(ours).padStart(11)}${formatKB(empty).padStart(11)}${ratio.toFixed(2).padStart(8)}${`≤ ${budget}`.padStart(9)}  ${ok ? 'ok' : 'OVER'}`
}

async function main(): Promise<number> {
  const failures: string[] = []

  heading('builds')
  ensureBuild('weapp', 'app.json', ROOT, notes)
  ensureBuild('h5', 'index.html', ROOT, notes)
  ensureBuild('weapp', 'app.json', BASELINE_ROOT, notes)
  ensureBuild('h5', 'index.html', BASELINE_ROOT, notes)

  heading('weapp packages (dist/weapp)')
  const weapp = weappReport(DIST_WEAPP)
  weapp.lines.forEach((l) => console.log(l))
  failures.push(...weapp.failures)
  const emptyWeapp = weappReport(BASE_WEAPP)

  if (!fs.existsSync(CHROMIUM)) {
    failures.push(`H5: ${CHROMIUM} is missing, so the first load cannot be measured (apt-get install -y chromium)`)
  }
  heading('H5 first-load JavaScript for 首页 (dist/h5, gzip -9)')
  console.log(`measured in headless Chromium (${CHROMIUM}): every .js response while opening ${HOME_HASH} until network idle`)
  const oursH5 = fs.existsSync(CHROMIUM) ? await firstLoad(OURS, 'H5', failures) : NaN
  heading('the same for the empty Taro app (test/size/baseline/taro-empty)')
  const emptyH5 = fs.existsSync(CHROMIUM) ? await firstLoad(EMPTY_APP, 'empty app H5', failures) : NaN

  heading('ratios to the empty Taro app')
  console.log(`${'measure'.padEnd(34)}${'ours'.padStart(11)}${'empty'.padStart(11)}${'ratio'.padStart(8)}${'budget'.padStart(9)}`)
  const mainOf = (r: ReturnType<typeof weappReport>) => r.packages.find((p) => p.kind === 'main')!.bytes
  console.log(ratioLine('weapp main package', mainOf(weapp), mainOf(emptyWeapp), RATIO_BUDGETS.weappMain, failures))
  console.log(ratioLine('H5 first-load JS for 首页 (gzip)', oursH5, emptyH5, RATIO_BUDGETS.h5FirstLoad, failures))

  heading('result')
  for (const n of notes) console.log(`note: ${n}`)
  if (failures.length) {
    console.error(`SIZE CHECK FAILED:\n- ${failures.join('\n- ')}`)
    return 1
  }
  console.log(`Size check passed: every weapp package within 1 MB${ENFORCE_RATIOS ? ', and both ratios within budget' : ' (ratios reported, not yet enforced)'}.`)
  return 0
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`SIZE CHECK FAILED: ${(err as Error).stack || err}`)
    process.exit(1)
  }
)
