/**
 * The content check (`npm run content:check`, and `test/data/content-check.test.ts`): re-reads the
 * built data (`mock/data/`) and the project's content records (`mock/content/`) and fails on
 *
 * - a source shown to users (`showable`) of a kind that may not be shown, without a label, with a
 *   grade C, or with a label that is a bare domain;
 * - a dated fact of a site with no showable source;
 * - a question that can be drawn for a ranked round (每日答题, 竞答) without a showable source;
 * - a route tagged published (公开发布线路) without a tier A/B source, or with grade C;
 * - a commercial stop (a company the content marks `commercial: true`) on a route;
 * - a note (or description, explanation) that refers to another record by position ("下一条" …).
 *
 * It prints the counts: sources by kind and by tier, how many sites and questions have a source
 * fit to show, and how many questions are left out of ranked rounds. Quiet: one block of counts.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Route, Site, Source } from '../../src/services/heritage/contract'
import type { Citation, Question } from '../../src/services/quiz/contract'
import { rankedPool } from '../../src/services/quiz/rules/draw'
import { DOMAIN_IN_TEXT, POSITIONAL_REFERENCE, SHOWABLE_KINDS, routeGrade } from './dataset-rules'

export interface ContentInput {
  sites: readonly Site[]
  routes: readonly Route[]
  questions: readonly Question[]
  /** Names of the stops the content marks `commercial: true`. */
  commercialStops: readonly string[]
}

export interface ContentReport {
  problems: string[]
  counts: {
    /** Distinct site and route source URLs by kind and by tier. */
    siteSourcesByKind: Record<string, number>
    siteSourcesByTier: Record<string, number>
    siteSourcesShowable: number
    siteSources: number
    /** Distinct question source URLs by kind and tier. */
    questionSourcesByKind: Record<string, number>
    questionSourcesByTier: Record<string, number>
    questionSourcesShowable: number
    questionSources: number
    sites: number
    sitesShowable: number
    questions: number
    questionsShowable: number
    questionsLeftOutOfRanked: number
    routesPublished: number
    routes: number
  }
}

/** A label that is (or contains) a web address. */
const DOMAIN_LIKE = /[a-z0-9-]+\.(com|cn|net|org|gov|edu|tw|top|xyz|info|cc|io)\b|https?:|xn--/i

/** Whether shown text names a website by its bare domain (users see publishers, never domains). */
function namesADomain(text: string): boolean {
  return new RegExp(DOMAIN_IN_TEXT.source, 'i').test(text) || /xn--/i.test(text)
}

function tally(items: Iterable<string>): Record<string, number> {
  const out: Record<string, number> = {}
  for (const k of items) out[k] = (out[k] ?? 0) + 1
  return out
}

function sourceProblems(owner: string, s: Source | Citation): string[] {
  if (!s.showable) return s.label === null ? [] : [`${owner}: ${s.url} is not showable but has a label`]
  const out: string[] = []
  if (!SHOWABLE_KINDS.includes(s.kind)) out.push(`${owner}: shows a source of kind ${s.kind} (${s.url})`)
  if (s.tier === 'C') out.push(`${owner}: shows a tier C source (${s.url})`)
  if (!s.label) out.push(`${owner}: shows a source without a label (${s.url})`)
  else if (DOMAIN_LIKE.test(s.label)) out.push(`${owner}: source label is a domain: ${s.label}`)
  if (s.kind === 'mirror' && s.link === s.url) out.push(`${owner}: links to a mirror copy (${s.url})`)
  return out
}

export function checkContent(input: ContentInput): ContentReport {
  const problems: string[] = []
  const siteSources = new Map<string, Source>()
  for (const s of input.sites) {
    for (const x of s.sources) {
      problems.push(...sourceProblems(`site ${s.id}`, x))
      siteSources.set(x.url, x)
    }
    const shown = new Set(s.sources.filter((x) => x.showable).map((x) => x.url))
    for (const f of s.facts) {
      if (!f.sources.some((u) => shown.has(u))) problems.push(`site ${s.id}: fact ${f.year} "${f.event}" has no showable source`)
    }
    if (s.verified && shown.size === 0) problems.push(`site ${s.id}: verified without a showable source`)
    for (const [field, text] of [['notes', s.notes], ['description', s.description], ...s.facts.map((f) => ['fact', f.event] as const)] as const) {
      if (text && POSITIONAL_REFERENCE.test(text)) problems.push(`site ${s.id}: ${field} refers to another record by position: ${text}`)
      if (text && namesADomain(text)) problems.push(`site ${s.id}: ${field} names a site by its domain: ${text}`)
    }
  }
  const commercial = new Set(input.commercialStops)
  for (const r of input.routes) {
    for (const x of r.sources) {
      problems.push(...sourceProblems(`route ${r.id}`, x))
      siteSources.set(x.url, x)
    }
    if (r.published) {
      if (r.curated) problems.push(`route ${r.id}: curated but tagged published`)
      if (!r.sources.some((x) => x.tier === 'A' || x.tier === 'B')) problems.push(`route ${r.id}: tagged published without a tier A/B source`)
      if (routeGrade(r.reliability) === 'C') problems.push(`route ${r.id}: tagged published with grade C`)
    }
    for (const stop of r.stops) {
      if (commercial.has(stop.name)) problems.push(`route ${r.id}: commercial stop ${stop.name}`)
      if (stop.kind === 'external' && stop.note && POSITIONAL_REFERENCE.test(stop.note)) problems.push(`route ${r.id}: stop note refers to another record by position`)
    }
    for (const [field, text] of [['notes', r.notes], ['description', r.description], ['reliability', r.reliability], ...r.stops.map((x) => ['stop note', x.kind === 'external' ? x.note : null] as const)] as const) {
      if (text && POSITIONAL_REFERENCE.test(text)) problems.push(`route ${r.id}: ${field} refers to another record by position: ${text}`)
      if (text && namesADomain(text)) problems.push(`route ${r.id}: ${field} names a site by its domain: ${text}`)
    }
  }

  const questionSources = new Map<string, Citation>()
  const ranked = new Set(rankedPool(input.questions).map((q) => q.id))
  for (const q of input.questions) {
    for (const c of q.citations) {
      problems.push(...sourceProblems(`question ${q.id}`, c))
      questionSources.set(c.url, c)
    }
    const showable = q.citations.some((c) => c.showable)
    if (ranked.has(q.id) && !showable) problems.push(`question ${q.id}: in ranked rounds without a showable source`)
    if (!showable && !q.needsSource) problems.push(`question ${q.id}: no showable source but not marked needsSource`)
    if (POSITIONAL_REFERENCE.test(q.explanation)) problems.push(`question ${q.id}: explanation refers to another record by position`)
    for (const text of [q.text, q.explanation, ...q.options]) if (namesADomain(text)) problems.push(`question ${q.id}: names a site by its domain: ${text}`)
  }

  const sv = [...siteSources.values()]
  const qv = [...questionSources.values()]
  return {
    problems,
    counts: {
      siteSourcesByKind: tally(sv.map((x) => x.kind)),
      siteSourcesByTier: tally(sv.map((x) => x.tier)),
      siteSourcesShowable: sv.filter((x) => x.showable).length,
      siteSources: sv.length,
      questionSourcesByKind: tally(qv.map((x) => x.kind)),
      questionSourcesByTier: tally(qv.map((x) => x.tier)),
      questionSourcesShowable: qv.filter((x) => x.showable).length,
      questionSources: qv.length,
      sites: input.sites.length,
      sitesShowable: input.sites.filter((s) => s.sources.some((x) => x.showable)).length,
      questions: input.questions.length,
      questionsShowable: input.questions.filter((q) => q.citations.some((c) => c.showable)).length,
      questionsLeftOutOfRanked: input.questions.length - ranked.size,
      routesPublished: input.routes.filter((r) => r.published).length,
      routes: input.routes.length
    }
  }
}

/** Reads the committed data and content from the project. */
export function readContent(root = path.resolve(__dirname, '../..')): ContentInput {
  const read = (f: string) => JSON.parse(fs.readFileSync(path.join(root, f), 'utf8'))
  const refRoutes = read('mock/content/quanzhou-routes.json') as Array<{ stops: Array<string | { name: string; commercial?: boolean }> }>
  const commercialStops = refRoutes.flatMap((r) => r.stops.flatMap((s) => (typeof s === 'object' && s.commercial ? [s.name] : [])))
  return {
    sites: read('mock/data/sites.json'),
    routes: read('mock/data/routes.json'),
    questions: read('mock/data/questions.json'),
    commercialStops
  }
}

function main() {
  const report = checkContent(readContent())
  const c = report.counts
  const fmt = (o: Record<string, number>) =>
    Object.entries(o)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')
  const log = (line: string) => process.stdout.write(`${line}\n`)
  log(`Site and route sources: ${c.siteSources} (showable ${c.siteSourcesShowable})`)
  log(`  by kind: ${fmt(c.siteSourcesByKind)}`)
  log(`  by tier: ${fmt(c.siteSourcesByTier)}`)
  log(`Question sources: ${c.questionSources} (showable ${c.questionSourcesShowable})`)
  log(`  by kind: ${fmt(c.questionSourcesByKind)}`)
  log(`  by tier: ${fmt(c.questionSourcesByTier)}`)
  log(`Sites with a showable source: ${c.sitesShowable} of ${c.sites}`)
  log(`Questions with a showable source: ${c.questionsShowable} of ${c.questions}; left out of ranked rounds (每日答题, 竞答): ${c.questionsLeftOutOfRanked}`)
  log(`Routes tagged 公开发布线路: ${c.routesPublished} of ${c.routes}`)
  if (report.problems.length) {
    log(`content:check FAILED, ${report.problems.length} problem(s):`)
    for (const p of report.problems) log(`  - ${p}`)
    process.exit(1)
  }
  log('content:check passed')
}

if (require.main === module) main()
