/**
 * The heritage rules both the in-process mock source and the HTTP mock server call:
 * query validation, filtering, text and pinyin search, paging, and route lookup.
 * Pure functions over an in-memory dataset; no I/O.
 */
import { CATEGORY_IDS, DEFAULT_PAGE_SIZE, DISTRICTS, MAX_PAGE_SIZE, PERIODS, UNKNOWN } from './constants'
import type { Route, RouteList, RouteQuery, RouteSummary, Site, SitePage, SiteQuery, SiteSummary } from './contract'
import { DataError, invalid } from '../core/errors'

/** The dataset the rules work on (the contents of `mock/data/sites.json` and `routes.json`). */
export interface HeritageDataset {
  sites: Site[]
  routes: Route[]
}

/** A route's list entry plus what route search reads: its stops' names. */
export type RouteIndexEntry = RouteSummary & { stopNames: string[] }

/**
 * What the list rules need (`mock/data/heritage-index.json`, built by `npm run data`): the site
 * summaries (with pinyin) and the route summaries with their stops' names. Small enough for the
 * tab pages; the full records stay with the detail pages.
 */
export interface HeritageIndex {
  sites: SiteSummary[]
  routes: RouteIndexEntry[]
}

/** The list index of a full dataset (what `npm run data` writes to `heritage-index.json`). */
export function toHeritageIndex(data: HeritageDataset): HeritageIndex {
  return {
    sites: data.sites.map(toSiteSummary),
    routes: data.routes.map((r) => ({ ...toRouteSummary(r), stopNames: r.stops.map((s) => s.name) }))
  }
}

/** Normalises a search text: trims, lower-cases, removes spaces and common punctuation. */
export function normaliseQuery(q: string): string {
  return q.trim().toLowerCase().replace(/[\s·•.,，。、()（）“”"'‘’\-—]+/g, '')
}

/**
 * Whether a site matches a normalised query: a substring of its name, town or address
 * (Chinese), or of its name's pinyin initials or full pinyin (Latin letters, e.g. "mlt" → 明伦堂).
 */
export function siteMatches(site: Pick<SiteSummary, 'name' | 'town' | 'address' | 'pinyin'>, nq: string): boolean {
  if (!nq) return true
  const hay = normaliseQuery(`${site.name}${site.town ?? ''}${site.address ?? ''}`)
  if (hay.includes(nq)) return true
  if (/^[a-z]+$/.test(nq)) {
    return site.pinyin.initials.includes(nq) || site.pinyin.full.includes(nq)
  }
  return false
}

/** Strips a full site down to its list shape. */
export function toSiteSummary(s: SiteSummary): SiteSummary {
  return {
    id: s.id,
    name: s.name,
    district: s.district,
    town: s.town,
    address: s.address,
    category: s.category,
    categoryLabel: s.categoryLabel,
    periods: s.periods,
    verified: s.verified,
    pinyin: s.pinyin
  }
}

/** Strips a full route (or an index entry) down to its list shape. */
export function toRouteSummary(r: RouteSummary): RouteSummary {
  return {
    id: r.id,
    name: r.name,
    area: r.area,
    theme: r.theme,
    curated: r.curated,
    stopCount: r.stopCount,
    durationMinutes: r.durationMinutes,
    verified: r.verified,
    published: r.published
  }
}

/**
 * Validates a site query, from typed input or from URL query-string values.
 * @throws DataError `INVALID_INPUT` naming the bad field (unknown district, category, period;
 *   page < 1; pageSize outside 1–50; query longer than 50 characters).
 */
export function parseSiteQuery(raw: Record<string, unknown>): Required<Pick<SiteQuery, 'page' | 'pageSize'>> & SiteQuery {
  const out: SiteQuery & { page: number; pageSize: number } = { page: 1, pageSize: DEFAULT_PAGE_SIZE }
  const str = (k: string): string | undefined => {
    const val = raw[k]
    if (val === undefined || val === null || val === '') return undefined
    if (typeof val === 'number') return String(val)
    if (typeof val !== 'string') throw invalid(k, `参数 ${k} 格式有误`)
    return val
  }
  const district = str('district')
  if (district !== undefined) {
    if (district !== UNKNOWN && !(DISTRICTS as readonly string[]).includes(district)) throw invalid('district', `没有这个县区：${district}`)
    out.district = district as SiteQuery['district']
  }
  const category = str('category')
  if (category !== undefined) {
    if (!(CATEGORY_IDS as readonly string[]).includes(category)) throw invalid('category', `没有这个类别：${category}`)
    out.category = category as SiteQuery['category']
  }
  const period = str('period')
  if (period !== undefined) {
    if (period !== UNKNOWN && !(PERIODS as readonly string[]).includes(period)) throw invalid('period', `没有这个时期：${period}`)
    out.period = period as SiteQuery['period']
  }
  const q = str('q')
  if (q !== undefined) {
    if ([...q].length > 50) throw invalid('q', '搜索词最多 50 个字')
    out.q = q
  }
  const ids = raw.ids
  if (ids !== undefined && ids !== null && ids !== '') {
    const list = Array.isArray(ids) ? ids : typeof ids === 'string' ? ids.split(',') : null
    if (!list || list.some((x) => typeof x !== 'string') || list.length > MAX_PAGE_SIZE) throw invalid('ids', '参数 ids 格式有误')
    out.ids = (list as string[]).filter(Boolean)
  }
  const int = (k: 'page' | 'pageSize', min: number, max: number) => {
    const s = str(k)
    if (s === undefined) return
    const n = Number(s)
    if (!Number.isInteger(n) || n < min || n > max) throw invalid(k, `参数 ${k} 应为 ${min}–${max} 的整数`)
    out[k] = n
  }
  int('page', 1, 10_000)
  int('pageSize', 1, MAX_PAGE_SIZE)
  return out
}

/**
 * Lists sites for a query: filters (AND), search, then a page of summaries in dataset order.
 * @throws DataError `INVALID_INPUT` (see {@link parseSiteQuery}).
 */
export function listSites(data: Pick<HeritageIndex, 'sites'>, query: SiteQuery): SitePage {
  const q = parseSiteQuery(query as Record<string, unknown>)
  const nq = q.q ? normaliseQuery(q.q) : ''
  const idSet = q.ids ? new Set(q.ids) : null
  const matched = data.sites.filter((s) => {
    if (idSet && !idSet.has(s.id)) return false
    if (q.district && (q.district === UNKNOWN ? s.district !== null : s.district !== q.district)) return false
    if (q.category && s.category !== q.category) return false
    if (q.period && (q.period === UNKNOWN ? s.periods.length > 0 : !s.periods.includes(q.period))) return false
    return siteMatches(s, nq)
  })
  const ordered = idSet && q.ids ? q.ids.map((id) => matched.find((s) => s.id === id)).filter((s): s is SiteSummary => !!s) : matched
  const start = (q.page - 1) * q.pageSize
  return { items: ordered.slice(start, start + q.pageSize).map(toSiteSummary), total: ordered.length, page: q.page, pageSize: q.pageSize }
}

/** One site. @throws DataError `NOT_FOUND` for an unknown id. */
export function getSite(data: Pick<HeritageDataset, 'sites'>, id: string): Site {
  const site = data.sites.find((s) => s.id === id)
  if (!site) throw new DataError('NOT_FOUND', '没有找到这处史迹，链接可能有误')
  return site
}

/**
 * Routes matching the query, in dataset order (sourced routes first).
 * @throws DataError `INVALID_INPUT` when `q` is longer than 50 characters.
 */
export function listRoutes(data: Pick<HeritageIndex, 'routes'>, query: RouteQuery = {}): RouteList {
  if (query.q && [...query.q].length > 50) throw invalid('q', '搜索词最多 50 个字')
  const nq = query.q ? normaliseQuery(query.q) : ''
  const items = data.routes
    .filter((r) => query.curated === undefined || r.curated === query.curated)
    .filter((r) => !nq || normaliseQuery(`${r.name}${r.area}${r.theme}${r.stopNames.join('')}`).includes(nq))
    .map(toRouteSummary)
  return { items, total: items.length }
}

/** One route. @throws DataError `NOT_FOUND` for an unknown id. */
export function getRoute(data: Pick<HeritageDataset, 'routes'>, id: string): Route {
  const route = data.routes.find((r) => r.id === id)
  if (!route) throw new DataError('NOT_FOUND', '没有找到这条线路，链接可能有误')
  return route
}
