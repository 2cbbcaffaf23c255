/**
 * `npm run test:e2e`: end-to-end tests of the built H5 app (mock data) in the system Chromium.
 *
 * 1. Makes sure `dist/h5` exists; builds it (`taro build --type h5`) if it is missing, or when
 *    `E2E_REBUILD=1`. A build older than the sources is only warned about.
 * 2. Serves it on a free loopback port with the mock server (`mock/server/start.ts --static`),
 *    or, if that cannot start, with the small static server below.
 * 3. Runs `test/e2e/*.e2e.ts` with Node's test runner (`node --import tsx --test`), passing the
 *    address in `E2E_BASE_URL`; the output ends with the runner's summary (tests / pass / fail).
 * 4. Stops the server in all cases; exits non-zero if anything failed.
 *
 * Options (environment): `E2E_REBUILD=1` rebuild first; `E2E_ONLY=<substring>` run only spec files
 * whose name contains it; `E2E_SERVER=static` skip the mock server and use the static one;
 * `E2E_CHROMIUM=/path` another Chromium binary.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createReadStream, existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..', '..')
const DIST = path.join(ROOT, 'dist', 'h5')
const E2E_DIR = __dirname
const SERVER_START_TIMEOUT_MS = 30_000

function log(message: string) {
  console.log(`[e2e] ${message}`)
}

/** Runs a command with inherited output; resolves with its exit code. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: 'inherit' })
    child.on('error', reject)
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

/** Newest modification time (ms) of the files under `dir`. */
function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name)
    newest = Math.max(newest, statSync(full).mtimeMs)
  }
  return newest
}

async function ensureBuild(): Promise<void> {
  const index = path.join(DIST, 'index.html')
  if (process.env.E2E_REBUILD === '1' || !existsSync(index)) {
    log(existsSync(index) ? 'E2E_REBUILD=1: building the H5 app (taro build --type h5)…' : 'dist/h5 is missing: building the H5 app first (taro build --type h5, about a minute)…')
    const code = await run(path.join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', 'h5'])
    if (code !== 0 || !existsSync(index)) throw new Error(`H5 build failed (exit code ${code})`)
    return
  }
  const built = statSync(index).mtimeMs
  const sources = Math.max(newestMtime(path.join(ROOT, 'src')), newestMtime(path.join(ROOT, 'mock', 'data')))
  if (sources > built) log('warning: dist/h5 is older than src/ or mock/data/; testing the existing build (E2E_REBUILD=1 to rebuild).')
}

interface Server {
  url: string
  stop(): Promise<void>
}

/** Starts `mock/server/start.ts --static dist/h5 --port 0` and reads its address from stdout. */
function startMockServer(): Promise<Server> {
  const script = path.join(ROOT, 'mock', 'server', 'start.ts')
  if (!existsSync(script)) return Promise.reject(new Error('mock/server/start.ts not found'))
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script, '--static', DIST, '--port', '0'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    let settled = false
    const timer = setTimeout(() => fail(new Error(`mock server did not report its address within ${SERVER_START_TIMEOUT_MS / 1000} s`)), SERVER_START_TIMEOUT_MS)
    const exited = new Promise<void>((done) => child.on('exit', () => done()))
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        const killer = setTimeout(() => child.kill('SIGKILL'), 5000)
        await exited
        clearTimeout(killer)
      }
    }
    function fail(err: Error) {
      if (settled) return
      settled = true
      clearTimeout(timer)
      void stop()
      reject(new Error(`${err.message}\n${output.trim()}`))
    }
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output)
      if (m && !settled) {
        settled = true
        clearTimeout(timer)
        resolve({ url: `http://127.0.0.1:${m[1]}`, stop })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (settled) process.stderr.write(`[mock server] ${chunk}`)
    })
    child.on('error', (err) => fail(err))
    child.on('exit', (code) => fail(new Error(`mock server exited with code ${code}`)))
  })
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon'
}

/** Fallback: a minimal static server for dist/h5 (the hash router needs no rewrites). */
function startStaticServer(): Promise<Server> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url || '/', 'http://x').pathname)
    const file = path.join(DIST, pathname === '/' ? 'index.html' : pathname)
    if (!file.startsWith(DIST + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found')
      return
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' })
    createReadStream(file).pipe(res)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({ url: `http://127.0.0.1:${port}`, stop: () => new Promise((done) => server.close(() => done())) })
    })
  })
}

async function startServer(): Promise<Server> {
  if (process.env.E2E_SERVER === 'static') {
    const server = await startStaticServer()
    log(`E2E_SERVER=static: serving dist/h5 at ${server.url}/`)
    return server
  }
  try {
    const server = await startMockServer()
    log(`serving dist/h5 with the mock server at ${server.url}/`)
    return server
  } catch (err) {
    log(`mock server unavailable (${(err as Error).message.split('\n')[0]}); using the built-in static server`)
    const server = await startStaticServer()
    log(`serving dist/h5 at ${server.url}/`)
    return server
  }
}

function specFiles(): string[] {
  const only = process.env.E2E_ONLY
  return readdirSync(E2E_DIR)
    .filter((f) => f.endsWith('.e2e.ts') && (!only || f.includes(only)))
    .sort()
    .map((f) => path.join(E2E_DIR, f))
}

async function main(): Promise<number> {
  if (!existsSync(process.env.E2E_CHROMIUM || '/usr/bin/chromium')) {
    console.error('[e2e] Chromium not found at /usr/bin/chromium (apt-get install -y chromium fonts-wqy-microhei).')
    return 1
  }
  const files = specFiles()
  if (!files.length) {
    console.error('[e2e] no spec files matched')
    return 1
  }
  await ensureBuild()
  // Screenshots of this run only (the directory is git-ignored; CI keeps it as an artefact).
  rmSync(path.join(ROOT, 'test-results', 'screenshots'), { recursive: true, force: true })
  const server = await startServer()
  let stopping = false
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    log(`${signal}: stopping the server`)
    void server.stop().finally(() => process.exit(130))
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  try {
    const started = Date.now()
    const code = await run(
      process.execPath,
      ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files],
      { ...process.env, E2E_BASE_URL: server.url }
    )
    log(`finished in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in test-results/screenshots/`)
    return code
  } finally {
    await server.stop()
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[e2e] ${(err as Error).stack || err}`)
    process.exit(1)
  }
)
