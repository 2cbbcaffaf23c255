/** The colours JavaScript uses (styles/colors.ts) are the tokens of styles/tokens.scss; no raw colour outside them. */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { COLORS } from '../../src/styles/colors'

const root = path.join(__dirname, '../../src')
const tokens = readFileSync(path.join(root, 'styles/tokens.scss'), 'utf8')
const scssName = (k: string) => `$color-${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`

it.each(Object.entries(COLORS))('%s matches tokens.scss', (k, v) => {
  expect(tokens).toMatch(new RegExp(`\\${scssName(k)}:\\s*${v};`, 'i'))
})

it('has no raw hex colour in src/ outside the token files (comments aside)', () => {
  const files: string[] = []
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = path.join(d, n)
      if (statSync(p).isDirectory()) walk(p)
      else if (/\.(scss|ts|tsx)$/.test(n)) files.push(p)
    }
  }
  walk(root)
  const offenders = files
    .filter((f) => !/styles[\\/](tokens\.scss|colors\.ts)$/.test(f))
    .flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .filter((l) => !/^\s*(\/\/|\*|\/\*)/.test(l) && /['":\s]#[0-9a-f]{3,8}\b/i.test(l))
        .map((l) => `${path.relative(root, f)}: ${l.trim()}`)
    )
  expect(offenders).toEqual([])
})
