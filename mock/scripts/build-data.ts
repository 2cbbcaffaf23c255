/**
 * Builds `mock/data/sites.json` (50 sites), `mock/data/routes.json` (16 routes) and their list
 * index `mock/data/heritage-index.json` (what the tab pages load) from the
 * project's content records in `mock/content/` (imported from the researched reference data by
 * `npm run content:import`). Run with `npm run data` (`npx tsx mock/scripts/build-data.ts`);
 * `CONTENT_DIR` overrides the directory. `--verbose` prints the full report.
 *
 * Rules (selection, categories, positions, durations, curated routes) are in ./dataset-rules.ts
 * and documented in mock/data/README.md. The one hard rule: nothing historical is invented here;
 * every fact, date, description and coordinate is copied from the reference files, and unknowns
 * stay null or empty. Every record is `v.parse`d against the contract before anything is written;
 * any inconsistency throws.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as v from 'valibot'
import {
  CATEGORY_LABELS,
  DISTRICTS,
  RouteSchema,
  SiteSchema,
  type Route,
  type RouteStop,
  type Site,
  type Source,
  type SourceKind
} from '../../src/services/heritage/contract'
import { toHeritageIndex } from '../../src/services/heritage/rules'
import {
  CONTAINED_STOPS,
  CURATED_ROUTES,
  DURATION_RULE,
  MAX_STOPS,
  MIN_STOPS,
  ROUTE_COUNT,
  RefCoordinatesSchema,
  RefRouteSchema,
  RefSiteSchema,
  RefSourceSchema,
  SITE_COUNT,
  bestTier,
  compareCandidates,
  citeDomainsInText,
  describeSource,
  isPublished,
  routeGrade,
  sitePeriods,
  curatedArea,
  curatedBasis,
  curatedDescription,
  curatedMembers,
  derivePosition,
  groupCategory,
  isVerified,
  namePinyin,
  routeMinutes,
  publicNotes,
  siteNotes,
  type DurationStop,
  type RankKey,
  type RefRoute,
  type RefSite,
  type Tier
} from './dataset-rules'

const REFERENCE_DIR = process.env.CONTENT_DIR ? path.resolve(process.env.CONTENT_DIR) : path.resolve(__dirname, '../content')
const OUT_DIR = path.resolve(__dirname, '../data')

function fail(message: string): never {
  throw new Error(`build-data: ${message}`)
}

function readReference<T extends v.GenericSchema>(file: string, schema: T): v.InferOutput<T> {
  const full = path.join(REFERENCE_DIR, file)
  if (!fs.existsSync(full)) fail(`missing ${full} (run npm run content:import, or set CONTENT_DIR)`)
  const result = v.safeParse(schema, JSON.parse(fs.readFileSync(full, 'utf8')))
  if (!result.success) {
    fail(`${file} has an unexpected shape: ${result.issues.map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`).join('; ')}`)
  }
  return result.output
}

function writeJson(file: string, data: unknown): void {
  fs.writeFileSync(path.join(OUT_DIR, file), `${JSON.stringify(data, null, 2)}\n`)
}

// ---------------------------------------------------------------------------------------------
// Read
// ---------------------------------------------------------------------------------------------

const refSites = readReference('quanzhou-sites.json', v.array(RefSiteSchema))
const refRoutes = readReference('quanzhou-routes.json', v.array(RefRouteSchema))
const refSources = readReference('quanzhou-sources.json', v.array(RefSourceSchema))
const coords = readReference('quanzhou-coordinates.json', RefCoordinatesSchema)

const registry = new Map<string, Source>()
for (const s of refSources) {
  if (registry.has(s.url)) fail(`quanzhou-sources.json lists ${s.url} twice`)
  registry.set(s.url, {
    url: s.url,
    title: s.title,
    tier: s.tier,
    ...describeSource({ url: s.url, kind: s.domainKind, publisher: s.publisher, tier: s.tier, originalUrl: s.originalUrl, alternateUrl: s.alternateUrl, title: s.title })
  })
}

/** The registry entry for a domain named in prose (its URL's host is the domain or a subdomain of it). */
function sourceOfDomain(domain: string): { kind: SourceKind; publisher: string | null } | undefined {
  for (const src of refSources) {
    const host = new URL(src.url).hostname.toLowerCase()
    if (host === domain || host.endsWith(`.${domain}`)) return { kind: src.domainKind, publisher: src.publisher ?? null }
  }
  return undefined
}
/** Text shown to users, with every domain named as people cite it (see citeDomainsInText). */
const shownText = <T extends string | null>(text: T): T => (text === null ? text : (citeDomainsInText(text, sourceOfDomain) as T))

const refSiteById = new Map<string, RefSite>()
for (const s of refSites) {
  if (refSiteById.has(s.id)) fail(`duplicate reference site id ${s.id}`)
  refSiteById.set(s.id, s)
}

/** All URLs a site cites (its sources and its facts' sources), in first-seen order. */
function siteUrls(s: RefSite): string[] {
  return [...new Set([...s.sources, ...s.facts.flatMap((f) => f.source)])]
}
const unregistered = (urls: readonly string[]) => urls.filter((u) => !registry.has(u))

function lookupSources(urls: readonly string[], owner: string): Source[] {
  const missing = unregistered(urls)
  if (missing.length) fail(`${owner} cites URLs missing from quanzhou-sources.json: ${missing.join(', ')}`)
  return [...new Set(urls)].map((u) => registry.get(u) as Source)
}

// ---------------------------------------------------------------------------------------------
// Select the 50 sites
// ---------------------------------------------------------------------------------------------

const sourcedRoutes = refRoutes.filter((r) => r.kind === 'route')
const skippedSets = refRoutes.filter((r) => r.kind !== 'route')

for (const r of sourcedRoutes) {
  if (r.stops.length !== r.stop_names.length) fail(`route ${r.id}: stops and stop_names differ in length`)
  const named = refSites.filter((s) => r.notes?.includes(s.id)).map((s) => s.id)
  const declared = CONTAINED_STOPS.filter((c) => c.routeId === r.id).map((c) => c.siteId)
  if (named.join() !== declared.join()) {
    fail(`route ${r.id}: notes name site ids [${named.join(', ')}] but CONTAINED_STOPS declares [${declared.join(', ')}]`)
  }
}
for (const c of CONTAINED_STOPS) {
  const route = sourcedRoutes.find((r) => r.id === c.routeId) ?? fail(`CONTAINED_STOPS: no route ${c.routeId}`)
  if (!route.stops.some((s) => s === c.after)) fail(`CONTAINED_STOPS: route ${c.routeId} has no stop ${c.after}`)
}

/**
 * The stops of a sourced route, with the contained sites inserted after their host stop. Commercial
 * stops (`{ name, commercial: true }`: companies a route list names) are left out.
 */
function expandedStops(r: RefRoute): Array<{ ref: string; stopName: string }> {
  const out: Array<{ ref: string; stopName: string }> = []
  r.stops.forEach((ref, i) => {
    if (typeof ref !== 'string') {
      commercialLeftOut.add(`${r.id}: ${ref.name}`)
      return
    }
    out.push({ ref, stopName: r.stop_names[i] })
    for (const c of CONTAINED_STOPS) {
      if (c.routeId === r.id && c.after === ref) out.push({ ref: c.siteId, stopName: c.siteId })
    }
  })
  return out
}
const commercialLeftOut = new Set<string>()

const required: string[] = []
for (const r of sourcedRoutes) {
  for (const { ref } of expandedStops(r)) {
    if (refSiteById.has(ref) && !required.includes(ref)) required.push(ref)
  }
}
for (const id of required) {
  const missing = unregistered(siteUrls(refSiteById.get(id) as RefSite))
  if (missing.length) fail(`site ${id} is needed by a sourced route but cites URLs missing from quanzhou-sources.json: ${missing.join(', ')}`)
}

const leftOut: Array<{ id: string; name: string; reason: string }> = []
const rankable: RankKey[] = []
for (const s of refSites) {
  if (required.includes(s.id)) continue
  if (s.facts.length === 0) {
    leftOut.push({ id: s.id, name: s.name, reason: 'no dated fact and no sourced route needs it' })
    continue
  }
  const missing = unregistered(siteUrls(s))
  if (missing.length) {
    leftOut.push({ id: s.id, name: s.name, reason: `cites a URL missing from quanzhou-sources.json (no title/tier to show): ${missing.join(', ')}` })
    continue
  }
  const unshown = s.facts.filter((f) => !f.source.some((u) => (registry.get(u) as Source).showable))
  if (unshown.length) {
    leftOut.push({ id: s.id, name: s.name, reason: `a dated fact has no source fit to show (${unshown.map((f) => f.year).join(', ')})` })
    continue
  }
  const shownTiers = s.sources.map((u) => registry.get(u) as Source).map((x) => (x.showable ? x.tier : 'C'))
  rankable.push({ id: s.id, bestTier: bestTier(shownTiers), factCount: s.facts.length, sourceCount: s.sources.length })
}
rankable.sort(compareCandidates)
const fillCount = SITE_COUNT - required.length
if (fillCount < 0 || rankable.length < fillCount) fail(`cannot select ${SITE_COUNT} sites: ${required.length} required, ${rankable.length} rankable`)
const filled = rankable.slice(0, fillCount)
rankable.slice(fillCount).forEach((k, i) => {
  const s = refSiteById.get(k.id) as RefSite
  leftOut.push({
    id: k.id,
    name: s.name,
    reason: `ranked ${fillCount + i + 1} of ${rankable.length} for ${fillCount} fill places (best tier ${k.bestTier}, ${k.factCount} facts, ${k.sourceCount} sources)`
  })
})
const selected = new Set([...required, ...filled.map((k) => k.id)])

// ---------------------------------------------------------------------------------------------
// Build sites (routeIds filled in after the routes)
// ---------------------------------------------------------------------------------------------

const lowSkips: string[] = []
const factsLeftOut: string[] = []
const sites: Site[] = refSites
  .filter((s) => selected.has(s.id))
  .map((s) => {
    const { position, skipped } = derivePosition(s.id, coords)
    if (skipped.length) lowSkips.push(`${s.id}: skipped low-confidence ${skipped.join(', ')}`)
    const sources = lookupSources(s.sources, `site ${s.id}`)
    lookupSources(siteUrls(s), `site ${s.id} facts`)
    // A dated fact is shown only with a source fit to show; the others are left out (and reported).
    const shownUrls = new Set(sources.filter((x) => x.showable).map((x) => x.url))
    const facts = s.facts.filter((f) => {
      const ok = f.source.some((u) => shownUrls.has(u))
      if (!ok) factsLeftOut.push(`${s.id}: ${f.year} ${f.event}`)
      return ok
    })
    const period = sitePeriods(s.period, s.period_basis, facts)
    const notes = shownText(publicNotes(siteNotes(s.notes, s.conflicts)))
    return {
      id: s.id,
      name: s.name,
      district: s.district as Site['district'],
      town: s.town,
      address: s.address,
      category: groupCategory(s.category),
      categoryLabel: s.category,
      periods: period.periods,
      verified: isVerified(
        sources.map((x) => (x.showable ? x.tier : 'C')),
        { verification: s.verification ?? null, notes }
      ),
      pinyin: namePinyin(s.name),
      periodBasis: period.basis,
      description: s.description,
      facts: facts.map((f) => ({ year: f.year, event: f.event, sources: [...f.source] })),
      notes,
      sources,
      position,
      openingHours: null,
      phone: null,
      images: [],
      routeIds: []
    }
  })
const siteById = new Map(sites.map((s) => [s.id, s]))

// ---------------------------------------------------------------------------------------------
// Build routes
// ---------------------------------------------------------------------------------------------

function durationStop(stop: RouteStop, routeArea: string): DurationStop {
  // An external stop of a route published for one county (晋江市, 洛江区…) is taken to be in it.
  if (stop.kind === 'external') return { kind: 'external', district: (DISTRICTS as readonly string[]).includes(routeArea) ? routeArea : null }
  const site = siteById.get(stop.siteId) ?? fail(`stop ${stop.siteId} is not among the ${SITE_COUNT} sites`)
  return { kind: 'site', category: site.category, district: site.district, town: site.town }
}

function withDuration(route: Omit<Route, 'stopCount' | 'durationMinutes' | 'duration'>): Route {
  const minutes = routeMinutes(route.stops.map((s) => durationStop(s, route.area)))
  const { id, name, area, theme, curated, verified, published, ...rest } = route
  return { id, name, area, theme, curated, stopCount: route.stops.length, durationMinutes: minutes, verified, published, ...rest, duration: { minutes, rule: DURATION_RULE } }
}

function siteStop(id: string): RouteStop {
  const site = siteById.get(id) ?? fail(`stop ${id} is not among the ${SITE_COUNT} sites`)
  return { kind: 'site', siteId: site.id, name: site.name, district: site.district, town: site.town }
}

const routes: Route[] = []
for (const r of sourcedRoutes) {
  const stops: RouteStop[] = expandedStops(r).map(({ ref, stopName }) => {
    if (refSiteById.has(ref)) return siteStop(ref)
    // Not a site id: an external place (company, exhibition hall) named as the source names it.
    return { kind: 'external', name: stopName, note: r.notes && r.notes.includes(stopName) ? shownText(publicNotes(r.notes)) : null }
  })
  const sources = lookupSources(r.sources, `route ${r.id}`)
  const tiers = sources.map((s) => s.tier)
  const notes = shownText(publicNotes(r.notes))
  routes.push(
    withDuration({
      id: r.id,
      name: r.name,
      area: r.area,
      theme: r.theme,
      curated: false,
      verified: isVerified(
        sources.map((s) => (s.showable ? s.tier : 'C')),
        { grade: routeGrade(r.reliability), notes }
      ),
      published: isPublished({ curated: false, reliability: r.reliability, notes: r.notes ?? null, sourceTiers: tiers }),
      description: r.description,
      basis: null,
      stops,
      reliability: shownText(r.reliability ?? null),
      notes,
      sources
    })
  )
}

for (const def of CURATED_ROUTES) {
  const { stops, matched } = curatedMembers(def, sites)
  if (stops.length < MIN_STOPS || stops.length > MAX_STOPS) fail(`curated route ${def.id} has ${stops.length} stops (rule "${def.rule}")`)
  const sources = [...new Map(stops.flatMap((s) => s.sources).map((s) => [s.url, s])).values()]
  routes.push(
    withDuration({
      id: def.id,
      name: def.name,
      area: curatedArea(stops),
      theme: def.theme,
      curated: true,
      verified: isVerified(sources.map((s) => (s.showable ? s.tier : 'C') as Tier)),
      published: false,
      description: curatedDescription(def, stops),
      basis: curatedBasis(def, matched, stops.length),
      stops: stops.map((s) => siteStop(s.id)),
      reliability: null,
      notes: null,
      sources
    })
  )
}

// routeIds, in route order
for (const route of routes) {
  for (const stop of route.stops) {
    if (stop.kind !== 'site') continue
    const site = siteById.get(stop.siteId) as Site
    if (!site.routeIds.includes(route.id)) site.routeIds.push(route.id)
  }
}

// ---------------------------------------------------------------------------------------------
// Check and write
// ---------------------------------------------------------------------------------------------

if (sites.length !== SITE_COUNT) fail(`built ${sites.length} sites, expected ${SITE_COUNT}`)
if (routes.length !== ROUTE_COUNT) fail(`built ${routes.length} routes, expected ${ROUTE_COUNT}`)
if (new Set(routes.map((r) => r.id)).size !== routes.length) fail('duplicate route id')
const orphans = sites.filter((s) => s.routeIds.length === 0).map((s) => s.id)
if (orphans.length) fail(`sites in no route: ${orphans.join(', ')}`)

const parsedSites = sites.map((s) => {
  try {
    return v.parse(SiteSchema, s)
  } catch (e) {
    const issues = e instanceof v.ValiError ? e.issues.map((i) => `${v.getDotPath(i)}: ${i.message}`).join('; ') : String(e)
    return fail(`site ${s.id} fails SiteSchema: ${issues}`)
  }
})
const parsedRoutes = routes.map((r) => {
  try {
    return v.parse(RouteSchema, r)
  } catch (e) {
    const issues = e instanceof v.ValiError ? e.issues.map((i) => `${v.getDotPath(i)}: ${i.message}`).join('; ') : String(e)
    return fail(`route ${r.id} fails RouteSchema: ${issues}`)
  }
})

fs.mkdirSync(OUT_DIR, { recursive: true })
writeJson('sites.json', parsedSites)
writeJson('routes.json', parsedRoutes)
// The tab pages' list index (summaries, pinyin, stop names): compact, as it ships in the first load.
fs.writeFileSync(path.join(OUT_DIR, 'heritage-index.json'), `${JSON.stringify(toHeritageIndex({ sites: parsedSites, routes: parsedRoutes }))}\n`)

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

const log = (line = '') => process.stdout.write(`${line}\n`)
if (!process.argv.includes('--verbose')) {
  log(`build-data: ${parsedSites.length} sites, ${parsedRoutes.length} routes from ${path.relative(process.cwd(), REFERENCE_DIR) || '.'} → ${path.relative(process.cwd(), OUT_DIR)} (${leftOut.length} sites left out, ${factsLeftOut.length} facts without a showable source left out, ${commercialLeftOut.size} commercial stops left out; --verbose for the report)`)
  process.exit(0)
}
log(`Content: ${REFERENCE_DIR}`)
log(`Not routes (kind ≠ "route"): ${skippedSets.map((r) => `${r.id} (${r.kind})`).join(', ') || 'none'}`)
log(`Required by sourced routes: ${required.length}; filled by ranking: ${filled.length}`)
log(`Commercial stops left out: ${[...commercialLeftOut].join('; ') || 'none'}`)
log(`Facts left out (no source fit to show): ${factsLeftOut.join('; ') || 'none'}`)
log()
log(`Left out (${leftOut.length}):`)
for (const l of leftOut) log(`  - ${l.id} ${l.name}: ${l.reason}`)
if (lowSkips.length) {
  log()
  log('Low-confidence points skipped:')
  for (const l of lowSkips) log(`  - ${l}`)
}
log()
log('Sites: id | district | category | position | verified')
for (const s of parsedSites) {
  log(`  ${s.id} | ${s.district ?? '-'} | ${s.category} (${CATEGORY_LABELS[s.category]}) | ${s.position ? `${s.position.precision} ${s.position.placeName}` : 'none'} | ${s.verified ? 'verified' : '待核实'}`)
}
log()
log('Routes:')
for (const r of parsedRoutes) {
  log(`  ${r.id} ${r.name} [${r.curated ? 'curated' : 'sourced'}${r.verified ? '' : ', 待核实'}] ${r.stopCount} stops, ${r.durationMinutes} min`)
  log(`    ${r.stops.map((s) => (s.kind === 'site' ? s.siteId : `(外部) ${s.name}`)).join(' → ')}`)
  if (r.basis) log(`    ${r.basis}`)
}
const count = <T>(items: T[], key: (t: T) => string) =>
  Object.entries(items.reduce<Record<string, number>>((acc, t) => ((acc[key(t)] = (acc[key(t)] ?? 0) + 1), acc), {}))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')
log()
log(`Position precision: ${count(parsedSites, (s) => s.position?.precision ?? 'none')}`)
log(`Categories: ${count(parsedSites, (s) => s.category)}`)
log(`Unverified (待核实): ${parsedSites.filter((s) => !s.verified).length} sites, ${parsedRoutes.filter((r) => !r.verified).length} routes`)
log(`Wrote ${path.join(OUT_DIR, 'sites.json')}, routes.json and heritage-index.json`)
