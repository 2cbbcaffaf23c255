/**
 * What the size check and the Lighthouse benchmark share: where our builds and the empty Taro
 * app's builds are, how to build one that is missing, and a static file server for a build.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'

export const ROOT = path.resolve(__dirname, '..', '..')
export const DIST_WEAPP = path.join(ROOT, 'dist', 'weapp')
export const DIST_H5 = path.join(ROOT, 'dist', 'h5')
/** The empty Taro app we are measured against, and its builds. */
export const BASELINE_ROOT = path.join(__dirname, 'baseline', 'taro-empty')
export const BASE_WEAPP = path.join(BASELINE_ROOT, 'dist', 'weapp')
export const BASE_H5 = path.join(BASELINE_ROOT, 'dist', 'h5')

export const CHROMIUM = process.env.SIZE_CHROMIUM || '/usr/bin/chromium'
export const HOME_HASH = '/#/pages/home/index'
export const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']


export function heading(title: string) {
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

/** Builds a target of the app at `appRoot` when its dist is missing; otherwise says how old it is. */
export function ensureBuild(type: 'weapp' | 'h5', marker: string, appRoot = ROOT, notes: string[] = []): void {
  const dist = path.join(appRoot, 'dist', type)
  const markerFile = path.join(dist, marker)
  const label = path.relative(ROOT, dist)
  if (fs.existsSync(markerFile) && appRoot !== ROOT) {
    console.log(`${label}: existing build (reading it as it is).`)
    return
  }
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
  console.log(`${label} is missing: building it now with \`npx taro build --type ${type}\` …`)
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' as const }
  const t0 = Date.now()
  const res = spawnSync('npx', ['taro', 'build', '--type', type], { cwd: appRoot, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const secs = ((Date.now() - t0) / 1000).toFixed(1)
  if (res.status !== 0 || !fs.existsSync(markerFile)) {
    console.error(`${res.stdout ?? ''}\n${res.stderr ?? ''}`.split('\n').slice(-40).join('\n'))
    throw new Error(`the ${label} build failed (exit ${res.status}) after ${secs} s`)
  }
  const msg = `${label} was missing and was built by this run (${secs} s).`
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

/**
 * A static server over `dir` on 127.0.0.1 (random port); unknown paths fall back to index.html.
 * With `gzip`, text files go out gzip-compressed to clients that accept it.
 */
export function serveStatic(dir: string, opts: { gzip?: boolean } = {}): Promise<{ origin: string; close: () => Promise<void> }> {
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
    const headers: http.OutgoingHttpHeaders = { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }
    const accepts = String(req.headers['accept-encoding'] ?? '')
    if (opts.gzip && /\bgzip\b/.test(accepts) && /\.(html|js|css|json|svg)$/.test(file)) {
      // as `npm start` serves it (compressed), for page-load measurements
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' })
      fs.createReadStream(file).pipe(zlib.createGzip({ level: 6 })).pipe(res)
      return
    }
    res.writeHead(200, headers)
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

