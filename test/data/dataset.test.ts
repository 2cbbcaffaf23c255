/**
 * @jest-environment node
 */
/**
 * Checks the committed dataset (`mock/data/sites.json`, `mock/data/routes.json`) built by
 * `mock/scripts/build-data.ts`, and unit-tests the pure rules in `mock/scripts/dataset-rules.ts`.
 *
 * Cross-checks run against the project's content records in `mock/content/` (imported from the
 * researched reference data by `npm run content:import`), so every check runs on a clean clone.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as v from 'valibot'
import { DISTRICTS, RouteSchema, RouteSummarySchema, SiteSchema, SiteSummarySchema, type Route, type Site } from '../../src/services/heritage/contract'
import {
  CONTAINED_STOPS,
  CURATED_ROUTES,
  DURATION_RULE,
  MAX_STOPS,
  MIN_STOPS,
  PERIOD_SPANS,
  bestTier,
  chineseOnly,
  describeSource,
  distanceKm,
  isPublished,
  orderStops,
  pathKm,
  routeGrade,
  sitePeriods,
  compareCandidates,
  compareStops,
  curatedBasis,
  curatedMembers,
  derivePosition,
  groupCategory,
  isVerified,
  namePinyin,
  routeMinutes,
  citeDomainsInText,
  publicNotes,
  siteNotes,
  travelMinutes,
  visitMinutes,
  type DurationStop,
  type RefCoordinates,
  type RefRoute,
  type RefSite,
  type RefSource
} from '../../mock/scripts/dataset-rules'

const ROOT = path.resolve(__dirname, '../..')
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'))

const SITES_FILE = path.join(ROOT, 'mock/data/sites.json')
const ROUTES_FILE = path.join(ROOT, 'mock/data/routes.json')
const INDEX_FILE = path.join(ROOT, 'mock/data/heritage-index.json')
const sites = readJson(SITES_FILE) as Site[]
const routes = readJson(ROUTES_FILE) as Route[]
const siteById = new Map(sites.map((s) => [s.id, s]))

const CONTENT_DIR = path.join(ROOT, 'mock/content')

function durationStop(stop: Route['stops'][number], area: string): DurationStop {
  if (stop.kind === 'external') return { kind: 'external', district: (DISTRICTS as readonly string[]).includes(area) ? area : null }
  const site = siteById.get(stop.siteId)
  if (!site) throw new Error(`unknown site ${stop.siteId}`)
  return { kind: 'site', category: site.category, district: site.district, town: site.town }
}

// -------------------------------------------------------------------------------------------
// Pure rules
// -------------------------------------------------------------------------------------------

describe('dataset rules', () => {
  it('groups categories by the first segment of the reference category', () => {
    expect(groupCategory('旧址')).toBe('former-site')
    expect(groupCategory('旧址(碑刻)')).toBe('former-site')
    expect(groupCategory('战地遗址/纪念碑')).toBe('former-site')
    expect(groupCategory('教育基地/纪念馆')).toBe('base')
    expect(groupCategory('博物馆/纪念馆')).toBe('memorial-hall')
    expect(groupCategory('烈士墓/纪念碑')).toBe('monument')
    expect(groupCategory('故居/旧址')).toBe('residence')
    expect(groupCategory('革命基点村')).toBe('base')
    expect(() => groupCategory('公园')).toThrow(/Unmapped/)
  })

  it('computes pinyin from the Chinese characters of the name only', () => {
    expect(namePinyin('明伦堂')).toEqual({ initials: 'mlt', full: 'mingluntang' })
    expect(chineseOnly('“泉州劫狱”旧址(原泉州监狱/泉州旧监)')).toBe('泉州劫狱旧址原泉州监狱泉州旧监')
    expect(namePinyin('围头八二三战地公园(A)').initials).toBe('wtbeszdgy')
    // pinyin-pro segments 解放军长江 as 军长 + 江; the override restores cháng.
    expect(namePinyin('中国人民解放军长江支队').full).toBe('zhongguorenminjiefangjunchangjiangzhidui')
  })

  it('estimates route duration by the documented rule', () => {
    const hall: DurationStop = { kind: 'site', category: 'memorial-hall', district: '晋江市', town: '内坑镇' }
    const ruin: DurationStop = { kind: 'site', category: 'former-site', district: '晋江市', town: '内坑镇' }
    const otherTown: DurationStop = { kind: 'site', category: 'monument', district: '晋江市', town: '安海镇' }
    const noTown: DurationStop = { kind: 'site', category: 'base', district: '晋江市', town: null }
    const otherDistrict: DurationStop = { kind: 'site', category: 'residence', district: '南安市', town: '内坑镇' }
    const external: DurationStop = { kind: 'external', district: null }
    const externalHere: DurationStop = { kind: 'external', district: '晋江市' }
    expect(visitMinutes(hall)).toBe(45)
    expect(visitMinutes(noTown)).toBe(45)
    expect(visitMinutes(ruin)).toBe(30)
    expect(visitMinutes(external)).toBe(60)
    expect(travelMinutes(hall, ruin)).toBe(15)
    expect(travelMinutes(hall, otherTown)).toBe(40)
    expect(travelMinutes(noTown, noTown)).toBe(40)
    expect(travelMinutes(hall, otherDistrict)).toBe(90)
    expect(travelMinutes(hall, external)).toBe(90)
    expect(travelMinutes(hall, externalHere)).toBe(40)
    expect(routeMinutes([hall])).toBe(50) // 45 → 50
    expect(routeMinutes([hall, ruin, otherTown])).toBe(160) // 45+15+30+40+30 = 160
    expect(routeMinutes([external, ruin])).toBe(180) // 60+90+30
  })

  it('ranks fill candidates by tier, facts, sources, id', () => {
    const keys = [
      { id: 'b', bestTier: 'B' as const, factCount: 9, sourceCount: 9 },
      { id: 'z', bestTier: 'A' as const, factCount: 1, sourceCount: 1 },
      { id: 'y', bestTier: 'A' as const, factCount: 2, sourceCount: 1 },
      { id: 'x', bestTier: 'A' as const, factCount: 1, sourceCount: 2 },
      { id: 'w', bestTier: 'A' as const, factCount: 1, sourceCount: 1 }
    ]
    expect([...keys].sort(compareCandidates).map((k) => k.id)).toEqual(['y', 'x', 'w', 'z', 'b'])
    expect(bestTier(['C', 'B', 'C'])).toBe('B')
    expect(isVerified(['C', 'C'])).toBe(false)
    expect(isVerified(['C', 'A'])).toBe(true)
  })

  it('takes the most precise stated point and skips low-confidence ones', () => {
    const base = { datum: 'unstated' as const, sources: ['https://example.org/p'], stated_as: '' }
    const coords = {
      meta: { how_to_use: '' },
      sites: [{ ...base, siteId: 's1', name: '某寺', lat: 1, lng: 2, precision: 'site' as const, confidence: 'medium' as const }],
      places: [
        { ...base, district: '泉州市', town: null, precision: 'city' as const, lat: 9, lng: 9, confidence: 'medium' as const, siteIds: [] },
        { ...base, district: '甲县', town: null, precision: 'county' as const, lat: 5, lng: 6, datum: 'GCJ-02' as const, confidence: 'medium' as const, siteIds: ['s1', 's2', 's3'] },
        { ...base, district: '甲县', town: '乙镇', precision: 'town' as const, lat: 3, lng: 4, confidence: 'medium' as const, siteIds: ['s1', 's2'] },
        { ...base, district: '甲县', town: '丙镇', precision: 'town' as const, lat: 7, lng: 8, confidence: 'low' as const, siteIds: ['s3'] }
      ]
    } as RefCoordinates
    expect(derivePosition('s1', coords).position).toMatchObject({ latitude: 1, longitude: 2, precision: 'site', placeName: '某寺' })
    expect(derivePosition('s2', coords).position).toMatchObject({ latitude: 3, longitude: 4, precision: 'town', placeName: '乙镇' })
    const s3 = derivePosition('s3', coords)
    expect(s3.position).toMatchObject({ latitude: 5, longitude: 6, precision: 'county', datum: 'GCJ-02', placeName: '甲县' })
    expect(s3.skipped).toHaveLength(1)
    expect(derivePosition('s4', coords).position).toMatchObject({ precision: 'city', placeName: '泉州市' })
  })

  it('words the curated basis as a selection rule', () => {
    expect(curatedBasis(CURATED_ROUTES[0], 6, 6)).toBe(`本线路由本应用按“${CURATED_ROUTES[0].rule}”从50处史迹中选编,不是官方发布的线路。`)
    expect(curatedBasis(CURATED_ROUTES[0], 11, 8)).toContain('符合条件的有11处,取史实条目最多的8处')
  })
})

// -------------------------------------------------------------------------------------------
// Self-contained dataset checks
// -------------------------------------------------------------------------------------------

describe('dataset (self-contained)', () => {
  it('has exactly 50 sites and 16 routes with unique ids', () => {
    expect(sites).toHaveLength(50)
    expect(routes).toHaveLength(16)
    expect(new Set(sites.map((s) => s.id)).size).toBe(50)
    expect(new Set(routes.map((r) => r.id)).size).toBe(16)
  })

  it('is written deterministically (2-space JSON, trailing newline)', () => {
    expect(fs.readFileSync(SITES_FILE, 'utf8')).toBe(`${JSON.stringify(sites, null, 2)}\n`)
    expect(fs.readFileSync(ROUTES_FILE, 'utf8')).toBe(`${JSON.stringify(routes, null, 2)}\n`)
  })

  it('has a list index (heritage-index.json) equal to the summaries of the full records, written compactly', () => {
    // The summaries by the contract's own schemas (valibot objects drop the other keys), not by the rules.
    const expected = {
      sites: sites.map((s) => v.parse(SiteSummarySchema, s)),
      routes: routes.map((r) => ({ ...v.parse(RouteSummarySchema, r), stopNames: r.stops.map((st) => st.name) }))
    }
    const text = fs.readFileSync(INDEX_FILE, 'utf8')
    expect(JSON.parse(text)).toEqual(expected)
    expect(text).toBe(`${JSON.stringify(JSON.parse(text))}\n`)
    // Same key order as the full records too, so the lists serve exactly what the full data would.
    expect(Object.keys((JSON.parse(text) as typeof expected).sites[0])).toEqual(Object.keys(expected.sites[0]))
  })

  it('validates every site and route against the contract', () => {
    for (const s of sites) {
      const r = v.safeParse(SiteSchema, s)
      expect(r.success ? [] : r.issues.map((i) => `${s.id} ${v.getDotPath(i)}: ${i.message}`)).toEqual([])
    }
    for (const route of routes) {
      const r = v.safeParse(RouteSchema, route)
      expect(r.success ? [] : r.issues.map((i) => `${route.id} ${v.getDotPath(i)}: ${i.message}`)).toEqual([])
    }
  })

  it('gives every site and route at least one source, and cites fact sources among the site sources', () => {
    for (const s of sites) {
      expect(s.sources.length).toBeGreaterThan(0)
      const urls = new Set(s.sources.map((x) => x.url))
      for (const f of s.facts) for (const u of f.sources) expect(urls.has(u) ? u : `${s.id}: fact source ${u} not among its sources`).toBe(u)
    }
    for (const r of routes) expect(r.sources.length).toBeGreaterThan(0)
  })

  it('states no unsourced detail: opening hours, phone and images stay empty', () => {
    for (const s of sites) {
      expect(s.openingHours).toBeNull()
      expect(s.phone).toBeNull()
      expect(s.images).toEqual([])
    }
  })

  it('marks verified=false (待核实) whenever no showable source is tier A/B, and by the record’s flags', () => {
    const shownAB = (xs: Site['sources']) => xs.some((x) => x.showable && x.tier !== 'C')
    for (const s of sites) if (!shownAB(s.sources)) expect([s.id, s.verified]).toEqual([s.id, false])
    for (const r of routes) if (!shownAB(r.sources)) expect([r.id, r.verified]).toEqual([r.id, false])
    for (const r of routes) if (routeGrade(r.reliability) === 'C') expect([r.id, r.verified, r.published]).toEqual([r.id, false, false])
    for (const r of routes.filter((x) => x.curated)) expect([r.id, r.verified]).toEqual([r.id, shownAB(r.sources)])
  })

  it('tags 公开发布线路 only on sourced routes graded A/B with an A/B source and a stated order', () => {
    for (const r of routes) {
      expect([r.id, r.published]).toEqual([r.id, isPublished({ curated: r.curated, reliability: r.reliability, notes: r.notes, sourceTiers: r.sources.map((x) => x.tier) })])
    }
    expect(routes.filter((r) => r.published).map((r) => r.id)).toEqual(['licheng-longling-hongse-route', 'luojiang-hongsi-route'])
    // 三朱: the source names the stops but not their order; 晋江/南安/安溪: graded C.
    for (const id of ['quangang-sanzhu-hongse-jidi', 'jinjiang-jingyan-hongse-route', 'nanan-hongse-jingpin-route', 'anxi-hongse-jingpin-route']) {
      expect([id, routes.find((r) => r.id === id)?.published]).toEqual([id, false])
    }
  })

  it('derives periods only from facts inside a period (none from post-1949 or missing facts)', () => {
    for (const s of sites) {
      if (s.periodBasis !== 'derived') continue
      for (const p of s.periods) {
        const span = PERIOD_SPANS.find((x) => x.period === p)
        expect([s.id, p, !!span && s.facts.some((f) => f.year >= span.from && f.year <= span.to)]).toEqual([s.id, p, true])
      }
      expect([s.id, s.periods.length > 0]).toEqual([s.id, true])
    }
    expect(sitePeriods(['土地革命时期', '抗日战争时期'], 'derived', [{ year: 2015 }])).toEqual({ periods: [], basis: null })
    expect(sitePeriods(['抗日战争时期'], 'derived', [])).toEqual({ periods: [], basis: null })
    expect(sitePeriods(['大革命时期', '土地革命时期'], 'derived', [{ year: 1927 }])).toEqual({ periods: ['大革命时期', '土地革命时期'], basis: 'derived' })
    expect(sitePeriods(['社会主义建设时期'], 'stated', [])).toEqual({ periods: ['社会主义建设时期'], basis: 'stated' })
  })

  it('derives category and pinyin from the record', () => {
    for (const s of sites) {
      expect([s.id, s.category]).toEqual([s.id, groupCategory(s.categoryLabel)])
      expect([s.id, s.pinyin]).toEqual([s.id, namePinyin(s.name)])
    }
    const mingluntang = sites.find((s) => s.name.includes('明伦堂'))
    expect(mingluntang?.pinyin.initials).toContain('mlt')
  })

  it('points route site stops at the 50 sites, and puts every site in a route', () => {
    for (const r of routes) {
      for (const stop of r.stops) {
        if (stop.kind !== 'site') continue
        const site = siteById.get(stop.siteId)
        expect(site ? stop.siteId : `${r.id}: unknown site ${stop.siteId}`).toBe(stop.siteId)
        expect({ name: stop.name, district: stop.district, town: stop.town }).toEqual({ name: site?.name, district: site?.district, town: site?.town })
      }
    }
    const inRoute = new Set(routes.flatMap((r) => r.stops.flatMap((s) => (s.kind === 'site' ? [s.siteId] : []))))
    expect(sites.filter((s) => !inRoute.has(s.id)).map((s) => s.id)).toEqual([])
    for (const s of sites) {
      const expected = routes.filter((r) => r.stops.some((x) => x.kind === 'site' && x.siteId === s.id)).map((r) => r.id)
      expect([s.id, s.routeIds]).toEqual([s.id, expected])
    }
  })

  it('computes stop counts and durations by the rule', () => {
    for (const r of routes) {
      const minutes = routeMinutes(r.stops.map((s) => durationStop(s, r.area)))
      expect([r.id, r.stopCount, r.durationMinutes, r.duration.minutes, r.duration.rule]).toEqual([r.id, r.stops.length, minutes, minutes, DURATION_RULE])
    }
  })

  it('has 6 sourced and 10 curated routes; curated ones follow their rule', () => {
    const curated = routes.filter((r) => r.curated)
    expect(routes.filter((r) => !r.curated)).toHaveLength(6)
    expect(curated.map((r) => r.id)).toEqual(CURATED_ROUTES.map((d) => d.id))
    for (const r of routes.filter((x) => !x.curated)) expect(r.basis).toBeNull()
    for (const def of CURATED_ROUTES) {
      const route = curated.find((r) => r.id === def.id) as Route
      expect(route.id.startsWith('curated-')).toBe(true)
      const { stops, matched } = curatedMembers(def, sites)
      expect(route.stops.map((s) => (s.kind === 'site' ? s.siteId : `external:${s.name}`))).toEqual(stops.map((s) => s.id))
      expect(route.stops.length).toBeGreaterThanOrEqual(MIN_STOPS)
      expect(route.stops.length).toBeLessThanOrEqual(MAX_STOPS)
      expect(route.basis).toBe(curatedBasis(def, matched, stops.length))
      expect(route.reliability).toBeNull()
      expect(route.notes).toBeNull()
      const union = new Set(stops.flatMap((s) => s.sources.map((x) => x.url)))
      expect(new Set(route.sources.map((x) => x.url))).toEqual(union)
    }
  })
})

// -------------------------------------------------------------------------------------------
// Cross-checks against shared/reference
// -------------------------------------------------------------------------------------------

describe('dataset against the content records (mock/content)', () => {
  const ref = (file: string) => readJson(path.join(CONTENT_DIR, file))
  const refSites = ref('quanzhou-sites.json') as RefSite[]
  const refRoutes = ref('quanzhou-routes.json') as RefRoute[]
  const registry = new Map((ref('quanzhou-sources.json') as RefSource[]).map((s) => [s.url, s]))
  const coords = ref('quanzhou-coordinates.json') as RefCoordinates
  const refSiteById = new Map(refSites.map((s) => [s.id, s]))
  /** Shown text as the build words it: each domain named as people cite it (from the registry). */
  const cited = (text: string | null | undefined) =>
    text
      ? citeDomainsInText(text, (d) => {
          const hit = [...registry.values()].find((x) => new URL(x.url).hostname === d || new URL(x.url).hostname.endsWith(`.${d}`))
          return hit && { kind: hit.domainKind, publisher: hit.publisher ?? null }
        })
      : (text ?? null)
  const sourcedRoutes = refRoutes.filter((r) => r.kind === 'route')

  it('copies each site from its content record unchanged (facts: those with a showable source)', () => {
    for (const s of sites) {
      const r = refSiteById.get(s.id)
      expect(r ? s.id : `${s.id}: not in quanzhou-sites.json`).toBe(s.id)
      if (!r) continue
      const shown = new Set(s.sources.filter((x) => x.showable).map((x) => x.url))
      const facts = r.facts.filter((f) => f.source.some((u) => shown.has(u)))
      const period = sitePeriods(r.period, r.period_basis, facts)
      expect({ id: s.id, name: s.name, district: s.district, town: s.town, address: s.address, categoryLabel: s.categoryLabel, periods: s.periods, periodBasis: s.periodBasis, description: s.description }).toEqual({
        id: r.id,
        name: r.name,
        district: r.district,
        town: r.town,
        address: r.address,
        categoryLabel: r.category,
        periods: period.periods,
        periodBasis: period.basis,
        description: r.description
      })
      expect([s.id, s.facts]).toEqual([r.id, facts.map((f) => ({ year: f.year, event: f.event, sources: f.source }))])
      const grade = s.sources.map((x) => (x.showable ? x.tier : 'C'))
      expect([s.id, s.verified]).toEqual([r.id, isVerified(grade, { verification: r.verification ?? null, notes: s.notes })])
      expect([s.id, s.notes]).toEqual([r.id, cited(publicNotes(siteNotes(r.notes, r.conflicts)))])
      expect([s.id, s.sources.map((x) => x.url)]).toEqual([r.id, r.sources])
    }
  })

  it('takes every source title, tier, kind and publisher from the registry', () => {
    const check = (owner: string, sources: Site['sources']) => {
      for (const x of sources) {
        const reg = registry.get(x.url)
        expect([owner, x]).toEqual([
          owner,
          reg
            ? {
                url: reg.url,
                title: reg.title,
                tier: reg.tier,
                ...describeSource({ url: reg.url, kind: reg.domainKind, publisher: reg.publisher, tier: reg.tier, originalUrl: reg.originalUrl, alternateUrl: reg.alternateUrl, title: reg.title })
              }
            : 'missing from quanzhou-sources.json'
        ])
      }
    }
    for (const s of sites) {
      check(s.id, s.sources)
      for (const f of s.facts) for (const u of f.sources) expect(registry.has(u) ? u : `${s.id}: fact source ${u} not in registry`).toBe(u)
    }
    for (const r of routes) check(r.id, r.sources)
  })

  it('uses only stated, non-low-confidence points, the most precise one available', () => {
    for (const s of sites) {
      const own = coords.sites.filter((p) => p.siteId === s.id && p.confidence !== 'low')
      const town = coords.places.filter((p) => p.precision === 'town' && p.siteIds.includes(s.id) && p.confidence !== 'low')
      const county = coords.places.filter((p) => p.precision === 'county' && p.siteIds.includes(s.id) && p.confidence !== 'low')
      const city = coords.places.filter((p) => p.precision === 'city' && p.confidence !== 'low')
      const [best] = [...own, ...town, ...county, ...city]
      const pos = s.position
      expect(pos ? s.id : `${s.id}: no position`).toBe(s.id)
      if (!pos || !best) continue
      expect([s.id, pos.latitude, pos.longitude, pos.datum, pos.precision, pos.sources]).toEqual([s.id, best.lat, best.lng, best.datum, best.precision, best.sources])
      const lowMatch = [...coords.sites, ...coords.places].find((p) => p.confidence === 'low' && p.lat === pos.latitude && p.lng === pos.longitude)
      expect(lowMatch ? `${s.id}: position from a low-confidence point` : s.id).toBe(s.id)
    }
  })

  it('selects the route-needed sites and leaves out fact-less sites no route needs', () => {
    const needed = new Set<string>()
    for (const r of sourcedRoutes) for (const stop of r.stops) if (typeof stop === 'string' && refSiteById.has(stop)) needed.add(stop)
    for (const c of CONTAINED_STOPS) needed.add(c.siteId)
    for (const id of needed) expect(siteById.has(id) ? id : `route-needed site ${id} missing`).toBe(id)
    for (const s of sites) expect(s.facts.length > 0 || needed.has(s.id) ? s.id : `${s.id}: no facts and no route needs it`).toBe(s.id)
  })

  it('keeps the 6 sourced routes as the source lists them, without commercial stops', () => {
    const built = routes.filter((r) => !r.curated)
    expect(built.map((r) => r.id)).toEqual(sourcedRoutes.map((r) => r.id))
    for (const r of sourcedRoutes) {
      const b = built.find((x) => x.id === r.id) as Route
      const commercial = r.stops.flatMap((x) => (typeof x === 'string' ? [] : [x.name]))
      expect(b.stops.filter((x) => commercial.includes(x.name))).toEqual([])
      expect({ name: b.name, area: b.area, theme: b.theme, description: b.description, reliability: b.reliability, notes: b.notes }).toEqual({
        name: r.name,
        area: r.area,
        theme: r.theme,
        description: r.description,
        reliability: cited(r.reliability),
        notes: cited(publicNotes(r.notes))
      })
      expect(b.sources.map((x) => x.url)).toEqual(r.sources)
      const expected: string[] = []
      r.stops.forEach((stop, i) => {
        if (typeof stop !== 'string') {
          expect(stop.commercial).toBe(true)
          return
        }
        expected.push(refSiteById.has(stop) ? `site:${stop}` : `external:${r.stop_names[i]}`)
        for (const c of CONTAINED_STOPS) if (c.routeId === r.id && c.after === stop) expected.push(`site:${c.siteId}`)
      })
      expect(b.stops.map((s) => (s.kind === 'site' ? `site:${s.siteId}` : `external:${s.name}`))).toEqual(expected)
    }
  })
})

describe('publicNotes', () => {
  it('drops sentences meant for the data editors and keeps the rest', () => {
    expect(publicNotes('线路简介正文在可读摘录中被截断。洪岩烈士纪念园对应站点id: hongyan-lieshi-mu。')).toBeNull()
    expect(publicNotes('仅见于低可靠来源的线路列表;官桥地区1930—1949年革命斗争概况见guanqiao_history。')).toBe('仅见于低可靠来源的线路列表。')
    expect(publicNotes('牺牲日期:石狮日报引大事记作1942年4月29日,其他来源作1942年5月。')).toBe('牺牲日期:石狮日报引大事记作1942年4月29日,其他来源作1942年5月。')
    expect(publicNotes(undefined)).toBeNull()
  })
})

describe('route order (nearest neighbour, no doubling back)', () => {
  const at = (id: string, latitude: number, longitude: number, district: string | null = '鲤城区') => ({
    id,
    name: id,
    district,
    town: null,
    category: 'former-site' as const,
    periods: [],
    description: '',
    facts: [],
    sources: [],
    position: { latitude, longitude }
  })

  it('follows the nearest neighbour from the best start, ties by district, town, year, id', () => {
    const a = at('a', 24.9, 118.5)
    const b = at('b', 24.9, 118.6)
    const c = at('c', 24.9, 118.51)
    const d = at('d', 24.9, 118.61)
    expect(orderStops([b, d, a, c]).map((s) => s.id)).toEqual(['a', 'c', 'b', 'd'])
    // Two stops at one point: kept together, in id order.
    const e = at('e', 24.9, 118.5)
    expect(orderStops([c, e, a]).map((s) => s.id)).toEqual(['a', 'e', 'c'])
    expect(distanceKm(a.position, b.position)).toBeCloseTo(10.1, 0)
  })

  it('visits each position of a curated route in one run (never leaves a place and comes back)', () => {
    for (const r of routes.filter((x) => x.curated)) {
      const points = r.stops.map((stop) => {
        const p = stop.kind === 'site' ? siteById.get(stop.siteId)?.position : null
        return p ? `${p.latitude},${p.longitude}` : 'none'
      })
      const runs = points.filter((p, i) => i === 0 || p !== points[i - 1])
      expect([r.id, runs.length]).toEqual([r.id, new Set(runs).size])
    }
  })

  it('is never longer than the old district/town order', () => {
    for (const def of CURATED_ROUTES) {
      const { stops } = curatedMembers(def, sites)
      const byDistrict = [...stops].sort(compareStops)
      expect([def.id, pathKm(stops) <= pathKm(byDistrict) + 1e-9]).toEqual([def.id, true])
    }
  })

  it('烈士陵园 no longer ends far back in the city; 城区红色记忆 starts at 承天寺 and stays in the centre', () => {
    const legs = (id: string) => {
      const r = routes.find((x) => x.id === id) as Route
      const ps = r.stops.map((s) => (s.kind === 'site' ? siteById.get(s.siteId)?.position ?? null : null))
      return ps.slice(1).map((p, i) => distanceKm(ps[i], p) as number)
    }
    const lieshi = legs('curated-lieshi-lingyuan')
    expect(Math.max(...lieshi)).toBeLessThan(50)
    expect(lieshi[lieshi.length - 1]).toBeLessThan(50)
    const chengqu = legs('curated-chengqu-hongse-jiyi')
    expect(chengqu.reduce((x, y) => x + y, 0)).toBeLessThan(5)
  })
})

describe('sources as people cite them', () => {
  it('labels by publisher and grade; never a domain; hides kinds that may not be shown', () => {
    const base = { url: 'http://example.com/a.html', tier: 'A' as const }
    expect(describeSource({ ...base, kind: 'original', publisher: '泉州晚报' }).label).toBe('泉州晚报 · 官方或主流媒体')
    expect(describeSource({ ...base, kind: 'original', publisher: '闽南网(来源:泉州晚报)' }).label).toBe('闽南网 · 官方或主流媒体')
    const mirror = describeSource({ ...base, tier: 'B', kind: 'mirror', publisher: '闽南网', originalUrl: 'http://www.mnw.cn/x.html' })
    expect(mirror).toMatchObject({ label: '闽南网（转载）', showable: true, link: 'http://www.mnw.cn/x.html' })
    expect(describeSource({ ...base, tier: 'B', kind: 'mirror', publisher: '闽南网' }).link).toBeNull()
    for (const kind of ['ai-compilation', 'forum', 'encyclopedia', 'foreign-media'] as const) {
      expect(describeSource({ ...base, kind, publisher: '某网' })).toMatchObject({ showable: false, label: null })
    }
    expect(describeSource({ ...base, tier: 'C', kind: 'mirror', publisher: null })).toMatchObject({ showable: false, label: null })
    expect(describeSource({ ...base, kind: 'original', publisher: '新华网' }, false)).toMatchObject({ showable: false, label: null })
  })

  it('shows no source by domain on any site or route', () => {
    for (const x of [...sites.flatMap((s) => s.sources), ...routes.flatMap((r) => r.sources)]) {
      if (!x.showable) continue
      expect(x.label).not.toMatch(/\.(com|cn|net|org)\b|https?:/)
      expect(['original', 'mirror', 'database']).toContain(x.kind)
    }
  })
})

describe('audit findings, fixed from the corrected content', () => {
  const byId = (id: string) => siteById.get(id) as Site
  const text = (s: Site) => [s.name, s.description, s.notes ?? '', ...s.facts.map((f) => f.event)].join('\n')

  it('drops the contradicted claims', () => {
    expect(text(byId('zhonggong-fujian-shengwei-banli-jiuzhi'))).not.toMatch(/闽南唯一|唯一一处/)
    expect(text(byId('li-zifang-guju'))).not.toContain('钱紫英')
    expect(byId('zhonggong-quanzhou-zhongxin-xianwei-jiguan-jiuzhi').facts.map((f) => f.year)).not.toContain(1932)
    expect(byId('changjiang-zhidui-quanzhou-jinianyuan').description).not.toMatch(/参与泉州解放(?!后)/)
    expect(byId('guoshi-jiamiao-hongsijun-qianwei-jiuzhi').facts.map((f) => f.event).join()).not.toContain('前委机关')
    expect(byId('guanqiao-kangri-jiuwang-yundong-jiuzhi').verified).toBe(false)
    expect(byId('pudingliao-huiyi-huizhi').notes ?? '').not.toMatch(/下一条|next entry/i)
  })
})
