/**
 * @jest-environment node
 *
 * Proves the lint rules that hold the architecture really fire (a resolver misconfiguration
 * makes import rules silently report nothing): lints planted fixtures as if they sat in src/.
 */
import fs from 'fs'
import path from 'path'
import { spawnSync } from 'child_process'

const root = path.resolve(__dirname, '../..')
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8')

const eslintBin = path.join(root, 'node_modules/eslint/bin/eslint.js')

/** Lints `code` with the project's config as if it were the file at `filePath` (ESLint CLI, stdin). */
async function lintAs(code: string, filePath: string): Promise<string[]> {
  const res = spawnSync(process.execPath, [eslintBin, '--stdin', '--stdin-filename', path.join(root, filePath), '--format', 'json'], { cwd: root, input: code, encoding: 'utf8' })
  if (res.status !== 0 && res.status !== 1) throw new Error(`eslint failed: ${res.stderr}`)
  const [result] = JSON.parse(res.stdout) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`)
}

jest.setTimeout(60_000)

describe('architecture lint rules', () => {
  it('reports a feature importing another feature, a page, a data source, and direct Taro I/O in a component', async () => {
    const msgs = await lintAs(fixture('cross-feature.tsx'), 'src/features/heritage/components/Bad.tsx')
    expect(msgs.filter((m) => m.startsWith('import-x/no-restricted-paths')).join('\n')).toMatch(/Features do not import each other/)
    expect(msgs.filter((m) => m.startsWith('import-x/no-restricted-paths')).join('\n')).toMatch(/features\/ must not import pages/)
    expect(msgs.some((m) => m.startsWith('no-restricted-imports') && m.includes('feature stores'))).toBe(true)
    expect(msgs.filter((m) => m.startsWith('no-restricted-syntax'))).toHaveLength(2)
  })

  it('reports services and shared importing upward', async () => {
    const fromServices = await lintAs(fixture('upward.ts'), 'src/services/bad.ts')
    expect(fromServices.join('\n')).toMatch(/services\/ must not import features/)
    const fromShared = await lintAs(fixture('upward.ts').replace('../features', '../features'), 'src/shared/bad.ts')
    expect(fromShared.join('\n')).toMatch(/shared\/ knows nothing/)
  })

  it('reports a feature service importing another feature service, core importing a feature, and a feature reading another feature\'s service', async () => {
    const code = "import { meSource } from '../me'\nexport const x = meSource\n"
    expect((await lintAs(code, 'src/services/quiz/bad.ts')).join('\n')).toMatch(/services\/<feature> imports only services\/core and itself/)
    expect((await lintAs(code, 'src/services/core/bad.ts')).join('\n')).toMatch(/services\/core knows no feature/)
    const fromFeature = "import { meSource } from '../../services/me'\nexport const x = meSource\n"
    expect((await lintAs(fromFeature, 'src/features/heritage/bad.ts')).join('\n')).toMatch(/A feature reads only its own services/)
    expect(await lintAs(fromFeature, 'src/features/me/ok.ts')).toEqual([])
  })

  it('accepts the real tree: a store importing services and a page importing features', async () => {
    const store = fs.readFileSync(path.join(root, 'src/features/heritage/store.ts'), 'utf8')
    expect(await lintAs(store, 'src/features/heritage/store.ts')).toEqual([])
    const page = fs.readFileSync(path.join(root, 'src/pages/explore/index.tsx'), 'utf8')
    expect(await lintAs(page, 'src/pages/explore/index.tsx')).toEqual([])
  })
})
