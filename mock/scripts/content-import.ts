/**
 * Re-imports the project's content records (`mock/content/`) from the researched reference data,
 * and prints what changed: `npm run content:import` (reference directory `REFERENCE_DIR`, default
 * `../shared/reference` beside the repository). `--dry-run` only prints the diff; `--verbose` lists
 * every changed record instead of the first few per file.
 *
 * The files are copied whole (every field kept). After importing, run `npm run data`,
 * `npm run questions` and `npm run content:check`, and review the diff before committing.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'

const CONTENT_DIR = path.resolve(__dirname, '../content')

/** Reference file → file in mock/content, and how its records are keyed. */
export const CONTENT_FILES: ReadonlyArray<{ from: string; to: string; key?: (r: Record<string, unknown>) => string }> = [
  { from: 'quanzhou-sites.json', to: 'quanzhou-sites.json', key: (r) => String(r.id) },
  { from: 'quanzhou-routes.json', to: 'quanzhou-routes.json', key: (r) => String(r.id) },
  { from: 'quanzhou-sources.json', to: 'quanzhou-sources.json', key: (r) => String(r.url) },
  { from: 'quanzhou-coordinates.json', to: 'quanzhou-coordinates.json' },
  { from: 'quanzhou-quiz-facts.json', to: 'quanzhou-quiz-facts.json', key: (r) => String(r.question) },
  { from: 'party-history-quiz.json', to: 'party-history-quiz.json', key: (r) => String(r.question) },
  { from: 'SOURCES.md', to: 'SOURCES.md' },
  { from: 'README.md', to: 'REFERENCE-README.md' }
]

export interface FileDiff {
  file: string
  status: 'new' | 'unchanged' | 'changed' | 'missing'
  added: string[]
  removed: string[]
  /** Changed record key → names of the fields that changed. */
  changed: Array<{ key: string; fields: string[] }>
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** Field names whose values differ between two records (top level). */
export function changedFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !same(a[k], b[k])).sort()
}

/** The record-level diff of two versions of a content file. */
export function diffRecords(file: string, before: unknown, after: unknown, key?: (r: Record<string, unknown>) => string): FileDiff {
  const out: FileDiff = { file, status: same(before, after) ? 'unchanged' : 'changed', added: [], removed: [], changed: [] }
  if (out.status === 'unchanged') return out
  if (key && Array.isArray(before) && Array.isArray(after)) {
    const a = new Map((before as Array<Record<string, unknown>>).map((r) => [key(r), r]))
    const b = new Map((after as Array<Record<string, unknown>>).map((r) => [key(r), r]))
    for (const k of b.keys()) if (!a.has(k)) out.added.push(k)
    for (const k of a.keys()) if (!b.has(k)) out.removed.push(k)
    for (const [k, r] of b) {
      const old = a.get(k)
      if (old && !same(old, r)) out.changed.push({ key: k, fields: changedFields(old, r) })
    }
  } else if (before && after && typeof before === 'object' && typeof after === 'object' && !Array.isArray(before)) {
    out.changed.push({ key: '(file)', fields: changedFields(before as Record<string, unknown>, after as Record<string, unknown>) })
  } else {
    out.changed.push({ key: '(file)', fields: [] })
  }
  return out
}

function main() {
  const referenceDir = process.env.REFERENCE_DIR ? path.resolve(process.env.REFERENCE_DIR) : path.resolve(__dirname, '../../../shared/reference')
  const dryRun = process.argv.includes('--dry-run')
  const verbose = process.argv.includes('--verbose')
  const log = (line: string) => process.stdout.write(`${line}\n`)
  if (!fs.existsSync(referenceDir)) {
    process.stderr.write(`content:import: no reference directory at ${referenceDir} (set REFERENCE_DIR)\n`)
    process.exit(1)
  }
  fs.mkdirSync(CONTENT_DIR, { recursive: true })
  let changedFiles = 0
  for (const f of CONTENT_FILES) {
    const src = path.join(referenceDir, f.from)
    const dest = path.join(CONTENT_DIR, f.to)
    if (!fs.existsSync(src)) {
      log(`${f.to}: missing from the reference, kept as is`)
      continue
    }
    const next = fs.readFileSync(src, 'utf8')
    const prev = fs.existsSync(dest) ? fs.readFileSync(dest, 'utf8') : null
    if (prev === next) continue
    changedFiles++
    if (prev === null) {
      log(`${f.to}: new`)
    } else if (f.to.endsWith('.json')) {
      const d = diffRecords(f.to, JSON.parse(prev), JSON.parse(next), f.key)
      const shown = verbose ? d.changed : d.changed.slice(0, 5)
      log(`${f.to}: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed`)
      if (d.added.length) log(`  + ${(verbose ? d.added : d.added.slice(0, 5)).join(' | ')}${!verbose && d.added.length > 5 ? ' …' : ''}`)
      if (d.removed.length) log(`  - ${(verbose ? d.removed : d.removed.slice(0, 5)).join(' | ')}${!verbose && d.removed.length > 5 ? ' …' : ''}`)
      for (const c of shown) log(`  ~ ${c.key.slice(0, 60)}: ${c.fields.join(', ')}`)
      if (shown.length < d.changed.length) log(`  … ${d.changed.length - shown.length} more (--verbose)`)
      const fieldCounts = new Map<string, number>()
      for (const c of d.changed) for (const x of c.fields) fieldCounts.set(x, (fieldCounts.get(x) ?? 0) + 1)
      if (fieldCounts.size) log(`  fields changed: ${[...fieldCounts].map(([k, n]) => `${k} ${n}`).join(', ')}`)
    } else {
      log(`${f.to}: text changed`)
    }
    if (!dryRun) fs.writeFileSync(dest, next)
  }
  log(changedFiles ? `content:import: ${changedFiles} file(s) ${dryRun ? 'would change' : 'updated'} in mock/content/; now run npm run data && npm run questions && npm run content:check` : 'content:import: mock/content/ is up to date')
}

if (require.main === module) main()
