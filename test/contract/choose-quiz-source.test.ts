/**
 * @jest-environment node
 */
/**
 * `getQuizSource()` picks the quiz implementation from the build-time `TARO_APP_DATA_SOURCE`, and
 * the question bank stays out of the modules the weapp main package loads.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { QuizSource } from '@/services/quiz-source'

type QuizIndexModule = typeof import('@/services/quiz-index')

function loadFresh(env: { source?: string; base?: string }, setup?: (request: jest.Mock) => void): QuizIndexModule & { request: jest.Mock } {
  const saved = { source: process.env.TARO_APP_DATA_SOURCE, base: process.env.TARO_APP_API_BASE }
  const set = (k: 'TARO_APP_DATA_SOURCE' | 'TARO_APP_API_BASE', val: string | undefined) => {
    if (val === undefined) delete process.env[k]
    else process.env[k] = val as never
  }
  set('TARO_APP_DATA_SOURCE', env.source)
  set('TARO_APP_API_BASE', env.base)
  let mod: QuizIndexModule | undefined
  let request: jest.Mock | undefined
  try {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      request = (require('@tarojs/taro') as { default: { request: jest.Mock } }).default.request
      setup?.(request)
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      mod = require('@/services/quiz-index') as QuizIndexModule
      mod.getQuizSource()
    })
  } finally {
    set('TARO_APP_DATA_SOURCE', saved.source)
    set('TARO_APP_API_BASE', saved.base)
  }
  return { ...mod!, request: request! }
}

describe('getQuizSource', () => {
  it('is the mock quiz source by default, one instance per run', async () => {
    const mod = loadFresh({})
    const qs = mod.getQuizSource()
    expect(qs.kind).toBe('mock')
    expect(mod.getQuizSource()).toBe(qs)
    expect((await qs.listTopics()).length).toBeGreaterThan(0)
  })

  it("is the remote quiz source when TARO_APP_DATA_SOURCE is 'remote', aimed at TARO_APP_API_BASE", async () => {
    const mod = loadFresh({ source: 'remote', base: 'https://api.example.cn' }, (request) =>
      request.mockImplementation(() => Promise.reject({ errMsg: 'request:fail ECONNREFUSED' }))
    )
    const qs = mod.getQuizSource()
    expect(qs.kind).toBe('remote')
    await expect(qs.listTopics()).rejects.toMatchObject({ code: 'NETWORK' })
    expect(mod.request.mock.calls[0][0].url).toBe('https://api.example.cn/api/v1/quiz/topics')
  })

  it('can be replaced in tests, and reset to the default', () => {
    const mod = loadFresh({})
    const fake = { kind: 'remote' } as QuizSource
    mod.setQuizSourceForTests(fake)
    expect(mod.getQuizSource()).toBe(fake)
    mod.setQuizSourceForTests(null)
    expect(mod.getQuizSource().kind).toBe('mock')
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
  it('the data source (weapp main package) never loads the question bank or the quiz rules', () => {
    const files = closure('src/services/index.ts')
    expect(files.has('src/services/mock-source.ts')).toBe(true) // the scan does follow require()
    expect([...files].filter((f) => /questions\.json$|quiz-mock-source|rules\/quiz|quiz-remote-source|quiz-index/.test(f))).toEqual([])
  })

  it('the remote quiz source carries neither the bank nor the rules', () => {
    const files = closure('src/services/quiz-remote-source.ts')
    expect([...files].filter((f) => /questions\.json$|sites\.json$|rules\/|mock-source/.test(f))).toEqual([])
  })

  it('the mock quiz source carries the bank', () => {
    expect(closure('src/services/quiz-mock-source.ts').has('mock/data/questions.json')).toBe(true)
  })
})
