/**
 * @jest-environment node
 */
/**
 * Checks the committed dataset (`mock/data/sites.json`, `mock/data/routes.json`) built by
 * `mock/scripts/build-data.ts`, and unit-tests the pure rules in `mock/scripts/dataset-rules.ts`.
 *
 * Self-contained checks always run. Cross-checks against the researched reference data need
 * `shared/reference/` (from `$REFERENCE_DIR`, or `../shared/reference` next to the repository);
 * when it is absent they are skipped with a message.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as v from 'valibot'
import { DISTRICTS, RouteSchema, SiteSchema, type Route, type Site } from '../../src/services/heritage/contract'
import {
  CONTAINED_STOPS,
  CURATED_ROUTES,
  DURATION_RULE,
  MAX_STOPS,
  MIN_STOPS,
  bestTier,
  chineseOnly,
  compareCandidates,
  curatedBasis,
  curatedMembers,
  derivePosition,
  groupCategory,
  isVerified,
  namePinyin,
  routeMinutes,
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
const sites = readJson(SITES_FILE) as Site[]
const routes = readJson(ROUTES_FILE) as Route[]
const siteById = new Map(sites.map((s) => [s.id, s]))

const REFERENCE_DIR = process.env.REFERENCE_DIR
  ? path.resolve(process.env.REFERENCE_DIR)
  : path.resolve(ROOT, '../shared/reference')
const hasReference = fs.existsSync(path.join(REFERENCE_DIR, 'quanzhou-sites.json'))
if (!hasReference) {
  process.stderr.write(`dataset.test: reference data not found at ${REFERENCE_DIR}; SKIPPING the reference cross-checks (set REFERENCE_DIR to run them).\n`)
}
const describeWithReference = hasReference ? describe : describe.skip

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

  it('marks verified=false exactly when all sources are tier C', () => {
    for (const s of sites) expect([s.id, s.verified]).toEqual([s.id, s.sources.some((x) => x.tier !== 'C')])
    for (const r of routes) expect([r.id, r.verified]).toEqual([r.id, r.sources.some((x) => x.tier !== 'C')])
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

describeWithReference('dataset against the reference data', () => {
  const ref = (file: string) => readJson(path.join(REFERENCE_DIR, file))
  const refSites = hasReference ? (ref('quanzhou-sites.json') as RefSite[]) : []
  const refRoutes = hasReference ? (ref('quanzhou-routes.json') as RefRoute[]) : []
  const registry = new Map(hasReference ? (ref('quanzhou-sources.json') as RefSource[]).map((s) => [s.url, s]) : [])
  const coords = (hasReference ? ref('quanzhou-coordinates.json') : { sites: [], places: [] }) as RefCoordinates
  const refSiteById = new Map(refSites.map((s) => [s.id, s]))
  const sourcedRoutes = refRoutes.filter((r) => r.kind === 'route')

  it('copies each site from its reference record unchanged', () => {
    for (const s of sites) {
      const r = refSiteById.get(s.id)
      expect(r ? s.id : `${s.id}: not in quanzhou-sites.json`).toBe(s.id)
      if (!r) continue
      expect({ id: s.id, name: s.name, district: s.district, town: s.town, address: s.address, categoryLabel: s.categoryLabel, periods: s.periods, periodBasis: s.periodBasis, description: s.description }).toEqual({
        id: r.id,
        name: r.name,
        district: r.district,
        town: r.town,
        address: r.address,
        categoryLabel: r.category,
        periods: r.period ?? [],
        periodBasis: r.period_basis,
        description: r.description
      })
      expect([s.id, s.facts]).toEqual([r.id, r.facts.map((f) => ({ year: f.year, event: f.event, sources: f.source }))])
      expect([s.id, s.notes]).toEqual([r.id, publicNotes(siteNotes(r.notes, r.conflicts))])
      expect([s.id, s.sources.map((x) => x.url)]).toEqual([r.id, r.sources])
    }
  })

  it('takes every source title and tier from the registry', () => {
    const check = (owner: string, sources: Site['sources']) => {
      for (const x of sources) {
        const reg = registry.get(x.url)
        expect([owner, x]).toEqual([owner, reg ? { url: reg.url, title: reg.title, tier: reg.tier } : 'missing from quanzhou-sources.json'])
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
    for (const r of sourcedRoutes) for (const stop of r.stops) if (refSiteById.has(stop)) needed.add(stop)
    for (const c of CONTAINED_STOPS) needed.add(c.siteId)
    for (const id of needed) expect(siteById.has(id) ? id : `route-needed site ${id} missing`).toBe(id)
    for (const s of sites) expect(s.facts.length > 0 || needed.has(s.id) ? s.id : `${s.id}: no facts and no route needs it`).toBe(s.id)
  })

  it('keeps the 6 sourced routes as the source lists them', () => {
    const built = routes.filter((r) => !r.curated)
    expect(built.map((r) => r.id)).toEqual(sourcedRoutes.map((r) => r.id))
    for (const r of sourcedRoutes) {
      const b = built.find((x) => x.id === r.id) as Route
      expect({ name: b.name, area: b.area, theme: b.theme, description: b.description, reliability: b.reliability, notes: b.notes }).toEqual({
        name: r.name,
        area: r.area,
        theme: r.theme,
        description: r.description,
        reliability: r.reliability,
        notes: publicNotes(r.notes)
      })
      expect(b.sources.map((x) => x.url)).toEqual(r.sources)
      const expected: string[] = []
      r.stops.forEach((stop, i) => {
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
