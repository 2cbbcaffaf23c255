/**
 * The heritage part of the data contract: sites (红色史迹), study routes (研学线路) and their
 * stops, as served by both data sources and the HTTP API (`/api/v1/sites`, `/api/v1/routes`).
 *
 * Every shape is a valibot schema; the TypeScript types are inferred from the schemas so the
 * validator at the boundary and the type the UI sees can never drift apart.
 *
 * Data origin: `mock/data/sites.json` and `mock/data/routes.json`, built by
 * `mock/scripts/build-data.ts` from the project's content records in `mock/content/`.
 */
import * as v from 'valibot'
import { API_PREFIX, defineRoutes } from '../core/routes'
import { SOURCE_KINDS } from '../core/sources'
import { CATEGORY_IDS, DISTRICTS, PERIODS, UNKNOWN, type CategoryId, type District, type Period } from './constants'

export {
  CATEGORY_IDS,
  CATEGORY_LABELS,
  DEFAULT_PAGE_SIZE,
  DISTRICTS,
  MAX_PAGE_SIZE,
  PERIODS,
  UNKNOWN,
  UNKNOWN_LABEL,
  type CategoryId,
  type District,
  type Period
} from './constants'

const nonEmpty = v.pipe(v.string(), v.minLength(1))
const url = v.pipe(v.string(), v.url())

export { SOURCE_KINDS, type SourceKind } from '../core/sources'

/**
 * A cited source: its URL, a human title and the reliability tier (A the publisher's own or an
 * official page, B a database or a copy whose publisher is known, C leads only), with who published
 * it. Only a `showable` source is shown to users, by its `label` (the publisher's Chinese name and a
 * plain-words grade, e.g. 泉州晚报 · 官方或主流媒体, 闽南网（转载）), never by its domain; `link` is the
 * best page to open (the original where one is known), or null when only an unrelated copy exists.
 */
export const SourceSchema = v.object({
  url,
  title: v.string(),
  tier: v.picklist(['A', 'B', 'C']),
  kind: v.picklist(SOURCE_KINDS),
  /** The outlet's Chinese name, or null when the page does not show it. */
  publisher: v.nullable(nonEmpty),
  showable: v.boolean(),
  /** Null exactly when not showable. */
  label: v.nullable(nonEmpty),
  link: v.nullable(url)
})
export type Source = v.InferOutput<typeof SourceSchema>

/** One dated fact on a site's timeline. `year` is the calendar year (CE); the month, if known, is in `event`. */
export const FactSchema = v.object({
  year: v.pipe(v.number(), v.integer(), v.minValue(900), v.maxValue(2100)),
  event: nonEmpty,
  sources: v.pipe(v.array(url), v.minLength(1))
})
export type Fact = v.InferOutput<typeof FactSchema>

/**
 * A stated position. Never invented: it is the most precise point a source states for the site
 * (`site`), else for its town, county or the city. Latitude/longitude in decimal degrees.
 * `datum` is as the source states it: `GCJ-02`, `WGS-84`, or `unstated` (used as is, never converted).
 */
export const PositionSchema = v.object({
  latitude: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
  longitude: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
  precision: v.picklist(['site', 'town', 'county', 'city']),
  datum: v.picklist(['GCJ-02', 'WGS-84', 'unstated']),
  /** What the point stands for, e.g. 承天寺, 罗溪镇, 鲤城区, 泉州市. */
  placeName: nonEmpty,
  sources: v.pipe(v.array(url), v.minLength(1))
})
export type Position = v.InferOutput<typeof PositionSchema>

/** A sourced image (none in the current dataset: the UI draws a generated cover instead). */
export const ImageSchema = v.object({ url, caption: v.string(), sources: v.pipe(v.array(url), v.minLength(1)) })

/** Pinyin of a name, computed when the dataset is built (no pinyin library ships in the app). */
export const PinyinSchema = v.object({
  /** First letters of each Chinese character's pinyin, lower case, e.g. 明伦堂 → "mlt". */
  initials: v.string(),
  /** Toneless full pinyin without spaces, lower case, e.g. "mingluntang". */
  full: v.string()
})

/** A site as shown in lists. */
export const SiteSummarySchema = v.object({
  id: nonEmpty,
  name: nonEmpty,
  district: v.nullable(v.picklist(DISTRICTS)),
  town: v.nullable(v.string()),
  address: v.nullable(v.string()),
  category: v.picklist(CATEGORY_IDS),
  /** The category as the sources word it, e.g. 旧址/纪念碑. */
  categoryLabel: nonEmpty,
  /** Empty when no source supports a period (shown as 不详). */
  periods: v.array(v.picklist(PERIODS)),
  /** False when every source of the site is tier C: the UI shows 待核实. */
  verified: v.boolean(),
  pinyin: PinyinSchema
})
export type SiteSummary = v.InferOutput<typeof SiteSummarySchema>

/** A site with everything its detail page shows. */
export const SiteSchema = v.object({
  ...SiteSummarySchema.entries,
  /** `stated`: a source names the period; `derived`: from dated facts by the usual periodisation. */
  periodBasis: v.nullable(v.picklist(['stated', 'derived'])),
  description: v.string(),
  facts: v.array(FactSchema),
  /** Editorial notes, e.g. where sources conflict. */
  notes: v.nullable(v.string()),
  sources: v.pipe(v.array(SourceSchema), v.minLength(1)),
  position: v.nullable(PositionSchema),
  /** Only where a source states them; otherwise null and the UI says 暂无资料. */
  openingHours: v.nullable(v.string()),
  phone: v.nullable(v.string()),
  images: v.array(ImageSchema),
  /** Ids of the routes that include this site. */
  routeIds: v.array(nonEmpty)
})
export type Site = v.InferOutput<typeof SiteSchema>

/** A route stop: one of the 50 sites, or an external place (a company, an exhibition hall) with no detail page. */
export const RouteStopSchema = v.variant('kind', [
  v.object({ kind: v.literal('site'), siteId: nonEmpty, name: nonEmpty, district: v.nullable(v.picklist(DISTRICTS)), town: v.nullable(v.string()) }),
  v.object({ kind: v.literal('external'), name: nonEmpty, note: v.nullable(v.string()) })
])
export type RouteStop = v.InferOutput<typeof RouteStopSchema>

/** An estimated visit duration in minutes, and the rule it was computed by (shown as 预计). */
export const DurationSchema = v.object({
  minutes: v.pipe(v.number(), v.integer(), v.minValue(0)),
  rule: nonEmpty
})

export const RouteSummarySchema = v.object({
  id: nonEmpty,
  name: nonEmpty,
  area: nonEmpty,
  theme: nonEmpty,
  /** True for the routes we composed from the sites (not published by a source). */
  curated: v.boolean(),
  stopCount: v.pipe(v.number(), v.integer(), v.minValue(1)),
  durationMinutes: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** False when the route's only sources are tier C or its grade is C (shown as 待核实). */
  verified: v.boolean(),
  /** True only for a route a tier A/B source publishes with its stops in order (shown as 公开发布线路). */
  published: v.boolean()
})
export type RouteSummary = v.InferOutput<typeof RouteSummarySchema>

export const RouteSchema = v.object({
  ...RouteSummarySchema.entries,
  description: v.string(),
  /** For curated routes: how the stops were chosen (district, period or theme rule). */
  basis: v.nullable(v.string()),
  stops: v.pipe(v.array(RouteStopSchema), v.minLength(1)),
  duration: DurationSchema,
  /** The reference data's reliability remark for a sourced route. */
  reliability: v.nullable(v.string()),
  notes: v.nullable(v.string()),
  sources: v.pipe(v.array(SourceSchema), v.minLength(1))
})
export type Route = v.InferOutput<typeof RouteSchema>

/** A page of results; `page` is 1-based. */
export function pageSchema<T extends v.GenericSchema>(item: T) {
  return v.object({
    items: v.array(item),
    total: v.pipe(v.number(), v.integer(), v.minValue(0)),
    page: v.pipe(v.number(), v.integer(), v.minValue(1)),
    pageSize: v.pipe(v.number(), v.integer(), v.minValue(1))
  })
}
export const SitePageSchema = pageSchema(SiteSummarySchema)
export type SitePage = v.InferOutput<typeof SitePageSchema>
export const RouteListSchema = v.object({ items: v.array(RouteSummarySchema), total: v.number() })
export type RouteList = v.InferOutput<typeof RouteListSchema>


/**
 * Site list query. All filters are optional and combine with AND.
 * `district`/`period` accept {@link UNKNOWN} for records with no stated value.
 * `q` matches the name, address, town, or the name's pinyin initials / full pinyin (case-insensitive).
 */
export interface SiteQuery {
  district?: District | typeof UNKNOWN
  category?: CategoryId
  period?: Period | typeof UNKNOWN
  q?: string
  /** Restrict to these ids (e.g. the favourites list). */
  ids?: string[]
  page?: number
  pageSize?: number
}

/** Route list query: `q` matches name, area, theme and stop names; `curated` filters sourced vs composed. */
export interface RouteQuery {
  q?: string
  curated?: boolean
}

/** The heritage routes of the HTTP API (all public reads). */
export const HERITAGE_ROUTES = defineRoutes({
  /** GET ?district&category&period&q&ids&page&pageSize → SitePage. */
  listSites: { method: 'GET', path: `${API_PREFIX}/sites`, auth: false, idempotent: false, response: SitePageSchema },
  /** GET → Site, 404 NOT_FOUND. */
  getSite: { method: 'GET', path: `${API_PREFIX}/sites/:id`, auth: false, idempotent: false, response: SiteSchema },
  /** GET ?q&curated → RouteList. */
  listRoutes: { method: 'GET', path: `${API_PREFIX}/routes`, auth: false, idempotent: false, response: RouteListSchema },
  /** GET → Route, 404 NOT_FOUND. */
  getRoute: { method: 'GET', path: `${API_PREFIX}/routes/:id`, auth: false, idempotent: false, response: RouteSchema }
})
