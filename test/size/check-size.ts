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
 *
 * Exit code 0 within budget, 1 over budget or when a measurement could not be made.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { BASELINE, formatKB, weappReport } from './packages'

const ROOT = path.resolve(__dirname, '..', '..')
const DIST_WEAPP = path.join(ROOT, 'dist', 'weapp')
const DIST_H5 = path.join(ROOT, 'dist', 'h5')
const CHROMIUM = process.env.SIZE_CHROMIUM || '/usr/bin/chromium'
const HOME_HASH = '/#/pages/home/index'
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

const notes: string[] = []

function heading(title: string) {
  console.log(`\n=== ${title} ${'='.repeat(Math.max(0, 70 - title.length))}`)
}

/** Newest modification time of any file under the given directories (0 when none). */
function newestMtime(dirs: string[]): { file: string; mtime: number } {
  let best = { file: '', mtime: 0 }
  const walk = (d: string) => {
    if (!fs.existsSync(d)) return
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.isFile()) {
        const m = fs.statSync(p).mtimeMs
        if (m > best.mtime) best = { file: p, mtime: m }
      }
    }
  }
  dirs.forEach(walk)
  return best
}

/** Builds a target when its dist is missing; otherwise says how old it is. */
function ensureBuild(type: 'weapp' | 'h5', marker: string): void {
  const dist = type === 'weapp' ? DIST_WEAPP : DIST_H5
  const markerFile = path.join(dist, marker)
  if (fs.existsSync(markerFile)) {
    const built = fs.statSync(markerFile).mtimeMs
    const src = newestMtime([path.join(ROOT, 'src'), path.join(ROOT, 'mock', 'data')])
    const when = new Date(built).toISOString().replace('T', ' ').slice(0, 19)
    console.log(`dist/${type}: existing build from ${when} UTC (reading it as it is).`)
    if (src.mtime > built) {
      const msg = `dist/${type} is older than ${path.relative(ROOT, src.file)}: sizes are of that older build; rebuild with \`npx taro build --type ${type}\` for current numbers.`
      console.log(`  note: ${msg}`)
      notes.push(msg)
    }
    return
  }
  console.log(`dist/${type} is missing: building it now with \`npx taro build --type ${type}\` …`)
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' as const }
  const t0 = Date.now()
  const res = spawnSync('npx', ['taro', 'build', '--type', type], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const secs = ((Date.now() - t0) / 1000).toFixed(1)
  if (res.status !== 0 || !fs.existsSync(markerFile)) {
    console.error(`${res.stdout ?? ''}\n${res.stderr ?? ''}`.split('\n').slice(-40).join('\n'))
    throw new Error(`the ${type} build failed (exit ${res.status}) after ${secs} s`)
  }
  const msg = `dist/${type} was missing and was built by this run (${secs} s).`
  console.log(msg)
  notes.push(msg)
}

// ------------------------------------------------------------------------------------------------
// H5 first load

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2'
}

/** A static server over `dir` on 127.0.0.1 (random port); unknown paths fall back to index.html. */
function serveStatic(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url || '/', 'http://localhost')
    let file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)))
    if (!file.startsWith(dir)) {
      res.writeHead(403).end()
      return
    }
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      // the browser's automatic favicon request is not the app's
      if (url.pathname === '/favicon.ico') {
        res.writeHead(204).end()
        return
      }
      file = path.join(dir, 'index.html')
    }
    res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' })
    fs.createReadStream(file).pipe(res)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address() as { port: number }
      resolve({
        origin: `http://127.0.0.1:${addr.port}`,
        close: () => new Promise<void>((r) => server.close(() => r()))
      })
    })
  })
}

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
  if (!fs.existsSync(file)) throw new Error(`the browser loaded ${url}, which is not a file in dist/h5`)
  return { url: pathname, file, bytes: fs.statSync(file).size, gzip: gzipSize(file) }
}

/** The .js files Chromium loads for 首页, until the network is idle. */
async function measureWithBrowser(): Promise<{ files: JsFile[]; shown: boolean; errors: string[] }> {
  const { chromium } = await import('playwright-core')
  const server = await serveStatic(DIST_H5)
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
        if (!seen.has(u.pathname)) seen.set(u.pathname, jsFileOf(DIST_H5, u.pathname, res.url()))
      })
      await page.goto(`${server.origin}${HOME_HASH}`, { waitUntil: 'networkidle', timeout: 60_000 })
      // the page must really show 首页 (counts from the data), or we measured a broken load
      const shown = await page
        .getByText('条研学线路')
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

/** Fallback: the scripts index.html references (no lazily loaded page chunks). */
function measureFromIndexHtml(): JsFile[] {
  const html = fs.readFileSync(path.join(DIST_H5, 'index.html'), 'utf8')
  const srcs = [...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)].map((m) => m[1])
  return srcs.map((src) => {
    const pathname = new URL(src, 'http://x/').pathname
    return jsFileOf(DIST_H5, pathname, src)
  })
}

// ------------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const failures: string[] = []

  heading('builds')
  ensureBuild('weapp', 'app.json')
  ensureBuild('h5', 'index.html')

  heading('weapp packages (dist/weapp)')
  const weapp = weappReport(DIST_WEAPP)
  weapp.lines.forEach((l) => console.log(l))
  failures.push(...weapp.failures)

  heading('H5 first-load JavaScript for 首页 (dist/h5, gzip -9)')
  let files: JsFile[]
  let method: string
  if (fs.existsSync(CHROMIUM)) {
    const res = await measureWithBrowser()
    files = res.files
    method = `measured in headless Chromium (${CHROMIUM}): every .js response while opening ${HOME_HASH} until network idle`
    if (!res.shown) failures.push('H5: 首页 did not show its content in Chromium, so the first-load measurement is not trustworthy')
    if (res.errors.length) failures.push(`H5: the page threw while loading: ${res.errors.join('; ')}`)
    if (!files.length) failures.push('H5: Chromium loaded no JavaScript at all')
  } else {
    files = measureFromIndexHtml()
    method = `NOT measured in a browser: ${CHROMIUM} is missing. Counted only the scripts referenced by dist/h5/index.html; lazily loaded page chunks (首页's own chunk and shared chunks) were NOT counted, so the real first load is bigger.`
    notes.push(method)
  }
  console.log(method)
  console.log('')
  console.log(`${'file'.padEnd(40)}${'raw'.padStart(12)}${'gzip'.padStart(12)}`)
  const sorted = [...files].sort((a, b) => b.gzip - a.gzip)
  for (const f of sorted) console.log(`${f.url.padEnd(40)}${formatKB(f.bytes).padStart(12)}${formatKB(f.gzip).padStart(12)}`)
  const totalRaw = files.reduce((n, f) => n + f.bytes, 0)
  const totalGzip = files.reduce((n, f) => n + f.gzip, 0)
  console.log(`${`total (${files.length} files)`.padEnd(40)}${formatKB(totalRaw).padStart(12)}${formatKB(totalGzip).padStart(12)}`)
  console.log(
    `baseline (stack-notes): about ${formatKB(BASELINE.h5FirstLoadGzipBytes)} gzip first-load JS for an empty Taro app; this build: ${formatKB(totalGzip)} (${totalGzip >= BASELINE.h5FirstLoadGzipBytes ? '+' : ''}${formatKB(totalGzip - BASELINE.h5FirstLoadGzipBytes)}).`
  )

  heading('result')
  for (const n of notes) console.log(`note: ${n}`)
  if (failures.length) {
    console.error(`SIZE CHECK FAILED:\n- ${failures.join('\n- ')}`)
    return 1
  }
  console.log('Size check passed: every weapp package is within the 1 MB budget.')
  return 0
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`SIZE CHECK FAILED: ${(err as Error).stack || err}`)
    process.exit(1)
  }
)
