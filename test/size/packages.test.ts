/**
 * @jest-environment node
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { biggestFiles, budgetViolations, groupFiles, listFiles, MB, PACKAGE_BUDGET_BYTES, readSubpackageRoots, weappPackages, weappReport } from './packages'

let dir: string

function write(rel: string, bytes: number | string) {
  const file = path.join(dir, rel)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, typeof bytes === 'string' ? bytes : Buffer.alloc(bytes, 97))
}

const appJson = (roots: string[]) =>
  JSON.stringify({ pages: ['pages/home/index'], subPackages: roots.map((root) => ({ root, pages: ['a/index'] })) })

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'size-packages-'))
})

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('weapp package grouping', () => {
  it('puts files under each subpackage root in that subpackage, everything else in main', () => {
    const json = appJson(['packages/heritage', 'packages/quiz/'])
    write('app.json', json)
    write('app.js', 1000)
    write('taro.js', 5000)
    write('pages/home/index.js', 300)
    // a main-package directory whose name only starts like a subpackage root
    write('packages/heritage-extra/x.js', 70)
    write('packages/heritage/site/index.js', 200)
    write('packages/heritage/sub-vendors.js', 400)
    write('packages/quiz/play/index.js', 50)

    expect(readSubpackageRoots(dir)).toEqual(['packages/heritage', 'packages/quiz'])
    const pkgs = weappPackages(dir)
    expect(pkgs.map((p) => [p.name, p.kind, p.bytes])).toEqual([
      ['main', 'main', Buffer.byteLength(json) + 1000 + 5000 + 300 + 70],
      ['packages/heritage', 'subpackage', 600],
      ['packages/quiz', 'subpackage', 50]
    ])
    expect(pkgs[0].files.map((f) => f.path)).toContain('packages/heritage-extra/x.js')
    expect(pkgs[1].files.map((f) => f.path).sort()).toEqual(['packages/heritage/site/index.js', 'packages/heritage/sub-vendors.js'])
    expect(biggestFiles(pkgs[0], 2).map((f) => f.path)).toEqual(['taro.js', 'app.js'])
  })

  it('nested roots: the longest matching root wins', () => {
    const pkgs = groupFiles(
      [
        { path: 'a/b/c.js', bytes: 1 },
        { path: 'a/x.js', bytes: 2 },
        { path: 'b.js', bytes: 4 }
      ],
      ['a', 'a/b']
    )
    expect(pkgs.map((p) => [p.name, p.bytes])).toEqual([
      ['main', 4],
      ['a', 2],
      ['a/b', 1]
    ])
  })

  it('an app without subpackages is one main package', () => {
    write('app.json', JSON.stringify({ pages: ['pages/home/index'] }))
    write('pages/home/index.js', 10)
    const pkgs = weappPackages(dir)
    expect(pkgs).toHaveLength(1)
    expect(pkgs[0].name).toBe('main')
    expect(listFiles(dir).map((f) => f.path)).toEqual(['app.json', 'pages/home/index.js'])
  })

  it('a missing app.json is an error, not an empty package list', () => {
    expect(() => readSubpackageRoots(dir)).toThrow(/app\.json is missing/)
  })
})

describe('budget', () => {
  it('passes at exactly 1 MB and fails above it, naming the package', () => {
    write('app.json', appJson(['packages/heritage']))
    write('big.js', MB - Buffer.byteLength(appJson(['packages/heritage'])))
    write('packages/heritage/site/index.js', 100)
    expect(PACKAGE_BUDGET_BYTES).toBe(1_048_576)
    expect(budgetViolations(weappPackages(dir))).toEqual([])

    write('packages/heritage/huge.js', MB)
    const sub = budgetViolations(weappPackages(dir))
    expect(sub).toHaveLength(1)
    expect(sub[0]).toBe('subpackage packages/heritage is 1024.1 KB (1048676 bytes), over the budget of 1024.0 KB (1048576 bytes) by 100 bytes')

    write('one-more-byte.js', 1)
    const both = budgetViolations(weappPackages(dir))
    expect(both).toHaveLength(2)
    expect(both[0]).toMatch(/^main package is 1024\.0 KB \(1048577 bytes\), over the budget .* by 1 bytes$/)
  })

  it('the report lists every package, the biggest main files and the failures', () => {
    write('app.json', appJson(['packages/heritage']))
    write('taro.js', 3000)
    write('common.js', 2000)
    write('packages/heritage/site/index.js', 100)
    const ok = weappReport(dir)
    expect(ok.failures).toEqual([])
    const text = ok.lines.join('\n')
    expect(text).toMatch(/^main\s+3\s+/m)
    expect(text).toMatch(/^sub: packages\/heritage\s+1\s+0\.1 KB/m)
    expect(text).toMatch(/2\.9 KB {2}taro\.js\n\s+2\.0 KB {2}common\.js/)
    expect(text).toContain('2048.0 KB (2 MB) per package')

    const over = weappReport(dir, 2500)
    expect(over.failures).toEqual([expect.stringMatching(/^main package is/)])
    expect(over.lines.join('\n')).toMatch(/^main .*OVER BUDGET$/m)
  })
})
