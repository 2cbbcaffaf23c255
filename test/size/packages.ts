/**
 * Size accounting for the weapp build: which files belong to which mini-program package, how big
 * each package is, and whether it fits our budget. Used by test/size/check-size.ts (`npm run size`)
 * and unit-tested in test/size/packages.test.ts.
 *
 * WeChat's rule: every file under a subpackage's `root` (from app.json `subPackages[].root`)
 * belongs to that subpackage; everything else is the main package.
 */
import fs from 'node:fs'
import path from 'node:path'

export const KB = 1024
export const MB = 1024 * 1024

/** Our budget per package (main and each subpackage): 1 MB, half of WeChat's limit. */
export const PACKAGE_BUDGET_BYTES = 1 * MB
/** WeChat's own limits, printed for context. */
export const WECHAT_PACKAGE_LIMIT_BYTES = 2 * MB
export const WECHAT_TOTAL_LIMIT_BYTES = 20 * MB

export interface FileSize {
  /** Path relative to the dist root, with forward slashes. */
  path: string
  bytes: number
}

export interface PackageSize {
  /** `main` or the subpackage root, e.g. `packages/heritage`. */
  name: string
  kind: 'main' | 'subpackage'
  /** Subpackage root relative to the dist root ('' for the main package). */
  root: string
  bytes: number
  files: FileSize[]
}

/** Every file under `dir` (recursively) with its size, paths relative to `dir`, sorted. */
export function listFiles(dir: string): FileSize[] {
  const out: FileSize[] = []
  const walk = (abs: string, rel: string) => {
    for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
      const a = path.join(abs, e.name)
      const r = rel ? `${rel}/${e.name}` : e.name
      if (e.isDirectory()) walk(a, r)
      else if (e.isFile()) out.push({ path: r, bytes: fs.statSync(a).size })
    }
  }
  walk(dir, '')
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/** Subpackage roots declared in `<dist>/app.json` (`subPackages`, or the older `subpackages`). */
export function readSubpackageRoots(distWeapp: string): string[] {
  const file = path.join(distWeapp, 'app.json')
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: is this a weapp build?`)
  const app = JSON.parse(fs.readFileSync(file, 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] }
  const list = app.subPackages ?? app.subpackages ?? []
  return list.map((s) => normaliseRoot(s.root)).filter(Boolean)
}

function normaliseRoot(root: string): string {
  return String(root || '')
    .replace(/\\/g, '/')
    .replace(/^\.?\/+/, '')
    .replace(/\/+$/, '')
}

/**
 * Groups files into the main package and the given subpackages: a file belongs to a subpackage
 * when its path is inside the root (`root/…`); the longest matching root wins.
 */
export function groupFiles(files: FileSize[], subpackageRoots: string[]): PackageSize[] {
  const roots = [...new Set(subpackageRoots.map(normaliseRoot).filter(Boolean))]
  const main: PackageSize = { name: 'main', kind: 'main', root: '', bytes: 0, files: [] }
  const subs = new Map<string, PackageSize>(roots.map((r) => [r, { name: r, kind: 'subpackage', root: r, bytes: 0, files: [] }]))
  const byLength = [...roots].sort((a, b) => b.length - a.length)
  for (const f of files) {
    const root = byLength.find((r) => f.path.startsWith(`${r}/`))
    const pkg = root ? (subs.get(root) as PackageSize) : main
    pkg.files.push(f)
    pkg.bytes += f.bytes
  }
  return [main, ...roots.map((r) => subs.get(r) as PackageSize)]
}

/** Reads a weapp build and returns its packages (main first, then subpackages in app.json order). */
export function weappPackages(distWeapp: string): PackageSize[] {
  return groupFiles(listFiles(distWeapp), readSubpackageRoots(distWeapp))
}

/** The `n` biggest files of a package, biggest first. */
export function biggestFiles(pkg: PackageSize, n = 5): FileSize[] {
  return [...pkg.files].sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1)).slice(0, n)
}

/** One message per package over `budget` bytes; empty when all fit. */
export function budgetViolations(packages: PackageSize[], budget = PACKAGE_BUDGET_BYTES): string[] {
  return packages
    .filter((p) => p.bytes > budget)
    .map(
      (p) =>
        `${p.kind === 'main' ? 'main package' : `subpackage ${p.name}`} is ${formatKB(p.bytes)} (${p.bytes} bytes), ` +
        `over the budget of ${formatKB(budget)} (${budget} bytes) by ${p.bytes - budget} bytes`
    )
}

/**
 * The weapp part of the size report: a table of packages, the main package's biggest files,
 * WeChat's limits for context, and the budget failures (empty when within budget).
 */
export function weappReport(distWeapp: string, budget = PACKAGE_BUDGET_BYTES): { packages: PackageSize[]; lines: string[]; failures: string[] } {
  const packages = weappPackages(distWeapp)
  const total = packages.reduce((n, p) => n + p.bytes, 0)
  const width = Math.max(24, ...packages.map((p) => p.name.length + 4))
  const lines: string[] = []
  lines.push(`${'package'.padEnd(width)}${'files'.padStart(7)}${'size'.padStart(13)}${'budget'.padStart(12)}  status`)
  for (const p of packages) {
    const label = p.kind === 'main' ? 'main' : `sub: ${p.name}`
    lines.push(`${label.padEnd(width)}${String(p.files.length).padStart(7)}${formatKB(p.bytes).padStart(13)}${formatKB(budget).padStart(12)}  ${p.bytes > budget ? 'OVER BUDGET' : 'ok'}`)
  }
  lines.push(`${'total'.padEnd(width)}${String(packages.reduce((n, p) => n + p.files.length, 0)).padStart(7)}${formatKB(total).padStart(13)}`)
  lines.push('')
  lines.push('biggest files of the main package:')
  for (const f of biggestFiles(packages[0], 5)) lines.push(`  ${formatKB(f.bytes).padStart(10)}  ${f.path}`)
  lines.push('')
  lines.push(`WeChat's own limits (for context): ${formatKB(WECHAT_PACKAGE_LIMIT_BYTES)} (2 MB) per package, ${formatKB(WECHAT_TOTAL_LIMIT_BYTES)} (20 MB) in total; this build: ${formatKB(total)} in total.`)
  return { packages, lines, failures: budgetViolations(packages, budget) }
}

/** `123.4 KB` (1 KB = 1024 bytes). */
export function formatKB(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} KB`
}
