/** The table of page paths (shared/paths.ts) and app.config.ts list the same pages. */
import { PAGES } from '../../src/shared/paths'

const g = globalThis as { defineAppConfig?: (c: unknown) => unknown }
g.defineAppConfig = (c) => c
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../src/app.config').default as { pages: string[]; subPackages: { root: string; pages: string[] }[] }

it('has every page of app.config.ts, and nothing else', () => {
  const fromConfig = [...config.pages, ...config.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))].map((p) => `/${p}`)
  expect([...Object.values(PAGES)].sort()).toEqual(fromConfig.sort())
})

it('has the tab pages in the main package', () => {
  for (const p of [PAGES.home, PAGES.explore, PAGES.quiz, PAGES.me]) expect(config.pages).toContain(p.slice(1))
})
