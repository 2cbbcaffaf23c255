/**
 * `npm run bench:lighthouse`: Lighthouse (mobile, simulated throttling: Lighthouse's default
 * "slow 4G, mid-range phone" profile) on our H5 首页 and on the empty Taro app's first page, in
 * interleaved pairs (ours, empty, ours, empty, …) so both see the same machine load. Prints each
 * run, the medians of LCP and TBT, and the ratios ours ÷ empty beside the budgets (LCP ≤ 1.15×,
 * TBT ≤ 1.5×). A benchmark: figures to compare runs, not a test; not run in CI.
 *
 * Both builds are served the same way (gzip, like `npm start`) from 127.0.0.1, with Debian's
 * Chromium (`CHROME_PATH`, default /usr/bin/chromium). Missing builds are built first.
 * Options: `--runs N` (pairs, default 5).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { BASELINE_ROOT, CHROMIUM, ensureBuild, heading, HOME_HASH, LAUNCH_ARGS, ROOT, serveStatic, BASE_H5, DIST_H5 } from '../size/builds'

/** Budgets as ratios to the empty Taro app (issue 8). */
const BUDGETS = { lcp: 1.15, tbt: 1.5 }

interface Run {
  lcpMs: number
  tbtMs: number
  score: number
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

async function main(): Promise<void> {
  const runsArg = process.argv.indexOf('--runs')
  const pairs = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 5) : 5
  heading('builds')
  ensureBuild('h5', 'index.html', ROOT)
  ensureBuild('h5', 'index.html', BASELINE_ROOT)

  // Lighthouse and chrome-launcher are ES modules.
  const { default: lighthouse } = (await import('lighthouse')) as typeof import('lighthouse')
  const chromeLauncher = await import('chrome-launcher')
  const ours = await serveStatic(DIST_H5, { gzip: true })
  const empty = await serveStatic(BASE_H5, { gzip: true })
  const targets = [
    { name: 'ours (首页)', url: `${ours.origin}${HOME_HASH}`, runs: [] as Run[] },
    { name: 'empty Taro app', url: `${empty.origin}/#/pages/index/index`, runs: [] as Run[] }
  ]
  heading(`Lighthouse, mobile, ${pairs} interleaved pairs`)
  try {
    for (let i = 0; i < pairs; i++) {
      for (const t of targets) {
        const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lh-chromium-'))
        const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH || CHROMIUM, chromeFlags: [...LAUNCH_ARGS, `--user-data-dir=${userDataDir}`], userDataDir: false })
        try {
          const result = await lighthouse(t.url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] })
          const audits = result!.lhr.audits
          const run: Run = {
            lcpMs: audits['largest-contentful-paint'].numericValue ?? NaN,
            tbtMs: audits['total-blocking-time'].numericValue ?? NaN,
            score: (result!.lhr.categories.performance.score ?? NaN) * 100
          }
          t.runs.push(run)
          console.log(`pair ${i + 1}  ${t.name.padEnd(16)} LCP ${(run.lcpMs / 1000).toFixed(2)} s  TBT ${run.tbtMs.toFixed(0)} ms  performance ${run.score.toFixed(0)}`)
        } finally {
          await chrome.kill()
          fs.rmSync(userDataDir, { recursive: true, force: true })
        }
      }
    }
  } finally {
    await ours.close()
    await empty.close()
  }

  heading('medians and ratios')
  const [o, e] = targets.map((t) => ({ lcp: median(t.runs.map((r) => r.lcpMs)), tbt: median(t.runs.map((r) => r.tbtMs)) }))
  console.log(`${'measure'.padEnd(10)}${'ours'.padStart(10)}${'empty'.padStart(10)}${'ratio'.padStart(8)}${'budget'.padStart(9)}`)
  const line = (what: string, a: number, b: number, budget: number, unit: (x: number) => string) =>
    console.log(`${what.padEnd(10)}${unit(a).padStart(10)}${unit(b).padStart(10)}${(a / b).toFixed(2).padStart(8)}${`≤ ${budget}`.padStart(9)}  ${a / b <= budget ? 'ok' : 'OVER'}`)
  line('LCP', o.lcp, e.lcp, BUDGETS.lcp, (x) => `${(x / 1000).toFixed(2)} s`)
  line('TBT', o.tbt, e.tbt, BUDGETS.tbt, (x) => `${x.toFixed(0)} ms`)
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`bench:lighthouse failed: ${(err as Error).stack || err}`)
    process.exit(1)
  }
)
