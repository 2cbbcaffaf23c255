/**
 * @jest-environment node
 */
/**
 * Each feature's source holder picks the implementation from the build-time
 * `TARO_APP_DATA_SOURCE`, and the bundles stay apart: the tab pages' sources never load the
 * question bank, a remote source never loads mock data.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { SourceHolder } from '@/services/core/source-holder'

/** One feature's holder module, and a public read that proves which source answered. */
interface FeatureCase {
  feature: string
  load: () => SourceHolder<{ kind: 'mock' | 'remote' }>
  /** A read through the source (mock: answers; remote: goes to the network). */
  read: (source: any) => Promise<unknown>
  /** The URL the remote read asks for, under `https://api.example.cn`. */
  remoteUrl: string
}

/* eslint-disable @typescript-eslint/no-require-imports */
const FEATURES: FeatureCase[] = [
  { feature: 'heritage', load: () => require('@/services/heritage').heritageSource, read: (s) => s.listRoutes(), remoteUrl: '/api/v1/routes' },
  { feature: 'me', load: () => require('@/services/me').meSource, read: (s) => s.getProfile(), remoteUrl: '/api/v1/auth/login' },
  { feature: 'quiz', load: () => require('@/services/quiz').quizSource, read: (s) => s.listTopics(), remoteUrl: '/api/v1/quiz/topics' }
]
/* eslint-enable @typescript-eslint/no-require-imports */

/** Loads a holder in a fresh module registry (with its own Taro mock, returned as `request`). */
function loadFresh(c: FeatureCase, env: { source?: string; base?: string }, setup?: (request: jest.Mock) => void) {
  const saved = { source: process.env.TARO_APP_DATA_SOURCE, base: process.env.TARO_APP_API_BASE }
  const set = (k: 'TARO_APP_DATA_SOURCE' | 'TARO_APP_API_BASE', val: string | undefined) => {
    if (val === undefined) delete process.env[k]
    else process.env[k] = val as never
  }
  set('TARO_APP_DATA_SOURCE', env.source)
  set('TARO_APP_API_BASE', env.base)
  let holder: SourceHolder<{ kind: 'mock' | 'remote' }> | undefined
  let request: jest.Mock | undefined
  try {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      request = (require('@tarojs/taro') as { default: { request: jest.Mock } }).default.request
      setup?.(request)
      holder = c.load()
      holder.get() // created while the environment is set
    })
  } finally {
    set('TARO_APP_DATA_SOURCE', saved.source)
    set('TARO_APP_API_BASE', saved.base)
  }
  return { holder: holder!, request: request! }
}

describe.each(FEATURES)('the $feature source holder', (c) => {
  it('is the mock source by default, one instance per run, and answers', async () => {
    const { holder } = loadFresh(c, {})
    const s = holder.get()
    expect(s.kind).toBe('mock')
    expect(holder.get()).toBe(s)
    await expect(c.read(s)).resolves.toBeTruthy()
  })

  it("is the remote source when TARO_APP_DATA_SOURCE is 'remote', aimed at TARO_APP_API_BASE", async () => {
    const { holder, request } = loadFresh(c, { source: 'remote', base: 'https://api.example.cn' }, (r) =>
      r.mockImplementation(() => Promise.reject({ errMsg: 'request:fail ECONNREFUSED' }))
    )
    const s = holder.get()
    expect(s.kind).toBe('remote')
    await expect(c.read(s)).rejects.toMatchObject({ code: 'NETWORK' })
    expect(request.mock.calls[0][0].url).toBe(`https://api.example.cn${c.remoteUrl}`)
  })

  it('can be replaced in tests, and reset to the default', () => {
    const { holder } = loadFresh(c, {})
    const fake = { kind: 'remote' } as const
    holder.setForTests(fake)
    expect(holder.get()).toBe(fake)
    holder.setForTests(null)
    expect(holder.get().kind).toBe('mock')
  })
})

/** Files a module loads at run time: static imports, re-exports and `require` calls (type-only imports excluded). */
function closure(entry: string): Set<string> {
  const root = path.resolve(__dirname, '../..')
  const seen = new Set<string>()
  const resolve = (from: string, spec: string): string | null => {
    let base: string
    if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec)
    else if (spec.startsWith('@/')) base = path.join(root, 'src', spec.slice(2))
    else if (spec.startsWith('@mock/')) base = path.join(root, 'mock', spec.slice(6))
    else return null // a package
    for (const cand of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
      try {
        readFileSync(cand)
        return cand
      } catch {
        /* next */
      }
    }
    throw new Error(`cannot resolve ${spec} from ${from}`)
  }
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    if (!/\.tsx?$/.test(file)) return
    const text = readFileSync(file, 'utf8')
    const specs = [
      ...[...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]),
      ...[...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]),
      ...[...text.matchAll(/require\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1])
    ]
    for (const s of specs) {
      const f = resolve(file, s)
      if (f) visit(f)
    }
  }
  visit(path.join(root, entry))
  return new Set([...seen].map((f) => path.relative(root, f).split(path.sep).join('/')))
}

describe('bundle boundaries', () => {
  it('the sources tab pages use (weapp main package) never load the question bank or the quiz rules', () => {
    for (const entry of ['src/services/heritage/index.ts', 'src/services/me/index.ts']) {
      const files = closure(entry)
      expect(files.has(entry.replace('index.ts', 'mock.ts'))).toBe(true) // the scan does follow require()
      expect([...files].filter((f) => /questions\.json$|services\/quiz\//.test(f))).toEqual([])
    }
  })

  it('a remote source carries no mock data and no rules', () => {
    for (const entry of ['src/services/heritage/remote.ts', 'src/services/me/remote.ts', 'src/services/quiz/remote.ts']) {
      expect([...closure(entry)].filter((f) => /questions\.json$|sites\.json$|routes\.json$|rules|mock\.ts$/.test(f))).toEqual([])
    }
  })

  it('the 竞答 tab page (main package) takes the quiz rules\' numbers without the quiz contract\'s schemas and routes', () => {
    const files = closure('src/pages/quiz/index.tsx')
    expect(files.has('src/services/quiz/constants.ts')).toBe(true)
    expect([...files].filter((f) => /services\/quiz\/(contract|rules|mock|remote|index)/.test(f))).toEqual([])
  })

  it('the mock quiz source carries the bank', () => {
    expect(closure('src/services/quiz/mock.ts').has('mock/data/questions.json')).toBe(true)
  })
})
