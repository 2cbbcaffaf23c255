/**
 * @jest-environment node
 */
/**
 * The mock server's CLI (`npm run mock`, `npm start`), run as a child process through tsx.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { checkStaticDir, parseArgs, DEFAULT_PORT } from '@mock/server/start'

const ROOT = path.resolve(__dirname, '..', '..')
const START = path.join(ROOT, 'mock', 'server', 'start.ts')

interface Run {
  child: ChildProcessWithoutNullStreams
  output(): string
  exited: Promise<number | null>
}

function run(args: string[], env: Record<string, string> = {}): Run {
  // `node --require tsx/cjs` runs the same code as the tsx CLI with one process fewer (faster).
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', START, ...args], { cwd: ROOT, env: { ...process.env, ...env } })
  let out = ''
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')))
  child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, output: () => out, exited }
}

async function waitFor(r: Run, pattern: RegExp, ms = 15_000): Promise<RegExpMatchArray> {
  const until = Date.now() + ms
  while (Date.now() < until) {
    const m = r.output().match(pattern)
    if (m) return m
    await new Promise((res) => setTimeout(res, 50))
  }
  throw new Error(`timed out waiting for ${pattern}; output so far:\n${r.output()}`)
}

describe('start.ts arguments', () => {
  it('takes --port, then PORT, then 10086; resolves --static', () => {
    expect(parseArgs([], {})).toEqual({ port: DEFAULT_PORT, staticDir: undefined })
    expect(parseArgs([], { PORT: '8080' }).port).toBe(8080)
    expect(parseArgs(['--port', '9000'], { PORT: '8080' }).port).toBe(9000)
    expect(parseArgs(['--port=0', '--static', 'dist/h5'], {})).toEqual({ port: 0, staticDir: path.resolve('dist/h5') })
    expect(parseArgs(['--build', '--static', 'dist/h5'], {})).toEqual({ port: DEFAULT_PORT, staticDir: path.resolve('dist/h5'), build: true })
    expect(() => parseArgs(['--build=yes'], {})).toThrow(/未知参数/)
    expect(() => parseArgs(['--port', 'abc'], {})).toThrow(/端口/)
    expect(() => parseArgs(['--port', '70000'], {})).toThrow(/端口/)
    expect(() => parseArgs(['--verbose'], {})).toThrow(/未知参数/)
    expect(() => parseArgs(['--static'], {})).toThrow(/缺少取值/)
  })
})

describe('start.ts as a process', () => {
  jest.setTimeout(30_000)
  let dir: string
  let missing: Run
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'rcc-start-'))
    // Started now so it runs alongside the first test (each tsx start takes a second or more).
    missing = run(['--static', path.join(dir, 'missing'), '--port', '0'])
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('serves the API and the H5 build on 127.0.0.1, prints the URLs, stops on SIGTERM', async () => {
    writeFileSync(path.join(dir, 'index.html'), '<title>红色文化云学堂</title>')
    const r = run(['--static', dir], { PORT: '0' })
    try {
      const [, url] = await waitFor(r, /红色文化云学堂已启动[^\n]*(http:\/\/127\.0\.0\.1:\d+)\//)
      // the API line is printed separately: wait for it rather than assume it came in the same chunk
      await waitFor(r, new RegExp(`API: ${url.replace(/[.]/g, '\\.')}/api/v1`))
      expect(await (await fetch(`${url}/api/v1/health`)).json()).toEqual({ ok: true })
      expect(await (await fetch(`${url}/`)).text()).toContain('红色文化云学堂')
    } finally {
      r.child.kill('SIGTERM')
    }
    expect(await r.exited).toBe(0)
  })

  it('without index.html in --static DIR: explains to run npm run build:h5', () => {
    const problem = checkStaticDir(path.join(dir, 'missing'))
    expect(problem).toContain('npm run build:h5')
    expect(problem).toMatch(/找不到/)
    writeFileSync(path.join(dir, 'index.html'), '<title>红色文化云学堂</title>')
    expect(checkStaticDir(dir)).toBeNull()
  })

  it('exits 1 with that message when started that way', async () => {
    expect(await missing.exited).toBe(1)
    expect(missing.output()).toContain('npm run build:h5')
  })
})
