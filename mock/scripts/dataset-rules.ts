/**
 * Pure rules used to build `mock/data/sites.json` and `mock/data/routes.json` from the project's
 * content records (`mock/content/`, imported from the researched reference data). No file access here: `build-data.ts` reads and writes, and
 * `test/data/dataset.test.ts` re-checks the output with these same rules. The rules are documented
 * in `mock/data/README.md`; keep the two in step.
 *
 * Nothing in this module adds historical content: it only groups, ranks, orders and measures what
 * the reference records already say.
 */
import * as v from 'valibot'
import { pinyin } from 'pinyin-pro'
import { SOURCE_KINDS, type SourceKind } from '../../src/services/core/sources'
import { DISTRICTS, PERIODS, type CategoryId, type District, type Period } from '../../src/services/heritage/contract'

// ---------------------------------------------------------------------------------------------
// Reference file shapes (validated when read, so a changed reference fails the build loudly)
// ---------------------------------------------------------------------------------------------

const refUrl = v.pipe(v.string(), v.url())
const tier = v.picklist(['A', 'B', 'C'])

const nullableUrl = v.optional(v.nullable(refUrl), null)

export const RefSourceSchema = v.object({
  key: v.string(),
  url: refUrl,
  title: v.string(),
  tier,
  tierBefore: v.nullable(tier),
  domainKind: v.picklist(SOURCE_KINDS),
  publisher: v.optional(v.nullable(v.string()), null),
  publisherBasis: v.optional(v.nullable(v.string()), null),
  originalUrl: nullableUrl,
  alternateUrl: nullableUrl,
  mirrorUrl: nullableUrl,
  citations: v.number()
})
export type RefSource = v.InferOutput<typeof RefSourceSchema>

export const RefFactSchema = v.object({
  year: v.number(),
  event: v.string(),
  source: v.array(refUrl)
})
export type RefFact = v.InferOutput<typeof RefFactSchema>

export const RefSiteSchema = v.object({
  id: v.string(),
  name: v.string(),
  district: v.nullable(v.string()),
  town: v.nullable(v.string()),
  address: v.nullable(v.string()),
  category: v.string(),
  period: v.nullable(v.array(v.string())),
  period_basis: v.nullable(v.picklist(['stated', 'derived'])),
  facts: v.array(RefFactSchema),
  description: v.string(),
  lat: v.null(),
  lng: v.null(),
  sources: v.array(refUrl),
  notes: v.optional(v.string()),
  conflicts: v.optional(v.array(v.string())),
  verification: v.optional(v.literal('待核实')),
  verification_basis: v.optional(v.string()),
  listed_name: v.optional(v.string())
})
export type RefSite = v.InferOutput<typeof RefSiteSchema>

export const RefRouteSchema = v.object({
  id: v.string(),
  name: v.string(),
  area: v.string(),
  theme: v.string(),
  kind: v.picklist(['route', 'thematic-set']),
  /** A site id, a plain name, or a company a route list names (`commercial: true`: never shown as a stop). */
  stops: v.array(v.union([v.string(), v.object({ name: v.string(), commercial: v.literal(true) })])),
  stop_names: v.array(v.string()),
  description: v.string(),
  sources: v.array(refUrl),
  reliability: v.string(),
  notes: v.optional(v.string())
})
export type RefRoute = v.InferOutput<typeof RefRouteSchema>

const confidence = v.picklist(['high', 'medium', 'low'])
const datum = v.picklist(['GCJ-02', 'WGS-84', 'unstated'])

export const RefSitePointSchema = v.object({
  siteId: v.string(),
  name: v.string(),
  lat: v.number(),
  lng: v.number(),
  datum,
  precision: v.literal('site'),
  sources: v.array(refUrl),
  confidence
})
export type RefSitePoint = v.InferOutput<typeof RefSitePointSchema>

export const RefPlacePointSchema = v.object({
  district: v.string(),
  town: v.nullable(v.string()),
  precision: v.picklist(['town', 'county', 'city']),
  lat: v.number(),
  lng: v.number(),
  datum,
  sources: v.array(refUrl),
  confidence,
  siteIds: v.array(v.string())
})
export type RefPlacePoint = v.InferOutput<typeof RefPlacePointSchema>

export const RefCoordinatesSchema = v.object({
  meta: v.object({ how_to_use: v.string() }),
  sites: v.array(RefSitePointSchema),
  places: v.array(RefPlacePointSchema)
})
export type RefCoordinates = v.InferOutput<typeof RefCoordinatesSchema>

// ---------------------------------------------------------------------------------------------
// Category grouping
// ---------------------------------------------------------------------------------------------

/**
 * Reference category word → grouped category. Decided by the FIRST segment of the reference
 * string (split on `/` and `(`), e.g. 旧址(碑刻) → 旧址, 教育基地/纪念馆 → 教育基地.
 * An unmapped word fails the build: extend this table deliberately, never guess.
 */
export const CATEGORY_GROUPS: Readonly<Record<string, CategoryId>> = {
  旧址: 'former-site',
  遗址: 'former-site',
  会址: 'former-site',
  遗址群: 'former-site',
  战斗遗址: 'former-site',
  战地遗址: 'former-site',
  标语遗存: 'former-site',
  纪念馆: 'memorial-hall',
  陈列馆: 'memorial-hall',
  陈列室: 'memorial-hall',
  博物馆: 'memorial-hall',
  展厅: 'memorial-hall',
  纪念碑: 'monument',
  烈士墓: 'monument',
  烈士陵园: 'monument',
  纪念园: 'monument',
  纪念庙: 'monument',
  雕像: 'monument',
  故居: 'residence',
  教育基地: 'base',
  革命基点村: 'base'
}

/** The first segment of a reference category string: split on `/`, `(` (and their full-width forms). */
export function firstCategorySegment(label: string): string {
  return label.split(/[/／(（]/)[0].trim()
}

/** Grouped category of a reference category string; throws on an unmapped first segment. */
export function groupCategory(label: string): CategoryId {
  const head = firstCategorySegment(label)
  const group = Object.prototype.hasOwnProperty.call(CATEGORY_GROUPS, head) ? CATEGORY_GROUPS[head] : undefined
  if (!group) throw new Error(`Unmapped site category "${label}" (first segment "${head}"): add it to CATEGORY_GROUPS`)
  return group
}

// ---------------------------------------------------------------------------------------------
// Pinyin
// ---------------------------------------------------------------------------------------------

/** The Chinese characters of a name only: punctuation, brackets, quotes, digits and ASCII dropped. */
export function chineseOnly(name: string): string {
  return Array.from(name).filter((ch) => /\p{Script=Han}/u.test(ch)).join('')
}

/**
 * Word readings pinyin-pro gets wrong in our names because its word segmentation prefers another
 * word (解放军长江 is segmented as 军长 + 江, giving "zhang"). Applied after pinyin-pro, by position.
 */
export const PINYIN_OVERRIDES: Readonly<Record<string, readonly string[]>> = {
  长江: ['chang', 'jiang']
}

/** Toneless syllables of the Chinese characters of `name`, one per character. */
export function nameSyllables(name: string): string[] {
  const text = chineseOnly(name)
  if (!text) return []
  const syllables = pinyin(text, { toneType: 'none', type: 'array' }).map((s) => s.toLowerCase().replace(/ü/g, 'v'))
  const chars = Array.from(text)
  if (syllables.length !== chars.length) throw new Error(`pinyin-pro returned ${syllables.length} syllables for "${text}"`)
  for (const [word, reading] of Object.entries(PINYIN_OVERRIDES)) {
    let from = text.indexOf(word)
    while (from !== -1) {
      const index = Array.from(text.slice(0, from)).length
      reading.forEach((syllable, i) => {
        syllables[index + i] = syllable
      })
      from = text.indexOf(word, from + word.length)
    }
  }
  return syllables
}

/** `initials`: first letter of each syllable (明伦堂 → "mlt"); `full`: toneless, no spaces ("mingluntang"). */
export function namePinyin(name: string): { initials: string; full: string } {
  const syllables = nameSyllables(name)
  return { initials: syllables.map((s) => s.charAt(0)).join(''), full: syllables.join('') }
}

// ---------------------------------------------------------------------------------------------
// Sources, reliability and selection
// ---------------------------------------------------------------------------------------------

export type Tier = 'A' | 'B' | 'C'
const TIER_RANK: Record<Tier, number> = { A: 0, B: 1, C: 2 }

/** The best (most reliable) tier among `tiers`; A before B before C. */
export function bestTier(tiers: readonly Tier[]): Tier {
  if (tiers.length === 0) throw new Error('bestTier: no tiers')
  return [...tiers].sort((a, b) => TIER_RANK[a] - TIER_RANK[b])[0]
}

/**
 * Notes that say the record as a whole still needs checking (the reference's own wording: it is
 * known "only from low-reliability sources", or is to be "shown as 待核实"). A note that calls one
 * side claim 待核实 does not make the whole record unverified.
 */
export const UNVERIFIED_NOTE = /仅见于低可靠来源|按“待核实”展示|^[^。]*缺少详情,待核实/

/**
 * `verified` is false (待核实) when every source is tier C (only leads, nothing to check them
 * against), or the record's flags say so: the reference marks it `verification: "待核实"`, its grade
 * (a route's reliability) is C, or its own notes say it is unverified ({@link UNVERIFIED_NOTE}).
 */
export function isVerified(
  tiers: readonly Tier[],
  flags: { verification?: string | null; grade?: Tier | null; notes?: string | null } = {}
): boolean {
  if (!tiers.some((t) => t !== 'C')) return false
  if (flags.verification === '待核实' || flags.grade === 'C') return false
  return !(flags.notes && UNVERIFIED_NOTE.test(flags.notes))
}

/** A route's grade: the letter its `reliability` remark starts with (A/B/C), or null. */
export function routeGrade(reliability: string | null | undefined): Tier | null {
  const m = /^\s*([ABC])/.exec(reliability ?? '')
  return m ? (m[1] as Tier) : null
}

/** Route notes saying the source gives the stops but not their order. */
export const ORDER_NOT_STATED = /顺序[^。]{0,6}未给出|未给出[^。]{0,6}顺序|顺序不详/

/**
 * 公开发布线路: a sourced route (not curated) whose grade is A or B, with at least one tier A/B
 * source, whose source gives the visiting order (its notes do not say {@link ORDER_NOT_STATED}).
 */
export function isPublished(route: { curated: boolean; reliability: string | null; notes: string | null; sourceTiers: readonly Tier[] }): boolean {
  if (route.curated) return false
  const grade = routeGrade(route.reliability)
  if (grade !== 'A' && grade !== 'B') return false
  if (!route.sourceTiers.some((t) => t === 'A' || t === 'B')) return false
  return !(route.notes && ORDER_NOT_STATED.test(route.notes))
}

// ---------------------------------------------------------------------------------------------
// Sources as people cite them
// ---------------------------------------------------------------------------------------------

/** Kinds of page that may be shown as a source (with an identified publisher). */
export const SHOWABLE_KINDS: readonly SourceKind[] = ['original', 'mirror', 'database']

/** Plain-words grades used in labels. */
export const GRADE_WORDS = { official: '官方或主流媒体', ownSite: '原刊网站', database: '资料库', databaseEntry: '资料库收录', mirror: '转载' } as const

/**
 * The publisher's Chinese name: the reference's `publisher` up to its first bracket (the bracket
 * holds the basis, e.g. 闽南网(来源:泉州晚报) → 闽南网); null when none is identified.
 */
export function publisherName(publisher: string | null | undefined): string | null {
  if (!publisher) return null
  const name = publisher.split(/[(（]/)[0].trim()
  return name || null
}

export interface SourceFacts {
  url: string
  kind: SourceKind
  publisher: string | null | undefined
  tier: Tier
  originalUrl?: string | null
  alternateUrl?: string | null
  /** The registry title (its first word says what kind of database an unnamed one is). */
  title?: string
}

/**
 * Databases whose entry names no publisher but whose registry title says what they are: shown as
 * `景点库（出处未署名）` / `地图库（出处未署名）`. Encyclopedia copies (百科镜像) are never shown.
 */
export const UNNAMED_DATABASES = ['景点库', '地图库'] as const

export interface DescribedSource {
  kind: SourceKind
  publisher: string | null
  showable: boolean
  label: string | null
  link: string | null
}

/**
 * How a source may be shown. Showable: kind original, mirror or database, an identified publisher,
 * tier A or B, and (for quiz questions) listed by the reference among the sources fit to show
 * (`fitToShow`). Label: original A → `名称 · 官方或主流媒体`, original B → `名称 · 原刊网站`,
 * mirror → `名称（转载）`, database → `名称 · 资料库` (`名称（资料库收录）` when the publisher is the
 * entry's text source). Link: the original page if known, else a clean copy (`alternateUrl`), else
 * the URL itself unless it is a mirror (a copy on an unrelated domain is never linked).
 * A bare domain is never a label.
 */
export function describeSource(r: SourceFacts, fitToShow = true): DescribedSource {
  const name = publisherName(r.publisher)
  const unnamedDb = r.kind === 'database' && name === null ? UNNAMED_DATABASES.find((w) => (r.title ?? '').startsWith(w)) : undefined
  const showable = fitToShow && (name !== null || unnamedDb !== undefined) && SHOWABLE_KINDS.includes(r.kind) && r.tier !== 'C'
  let label: string | null = null
  if (showable) {
    if (unnamedDb) label = `${unnamedDb}（出处未署名）`
    else if (r.kind === 'mirror') label = `${name}（${GRADE_WORDS.mirror}）`
    else if (r.kind === 'database') label = (r.publisher ?? '').includes('条目文字出处') ? `${name}（${GRADE_WORDS.databaseEntry}）` : `${name} · ${GRADE_WORDS.database}`
    else label = `${name} · ${r.tier === 'A' ? GRADE_WORDS.official : GRADE_WORDS.ownSite}`
  }
  const link = r.originalUrl ?? r.alternateUrl ?? (r.kind === 'mirror' ? null : r.url)
  return { kind: r.kind, publisher: name, showable, label, link }
}

/**
 * The grade of a quiz source the registry does not list: original with a publisher A; mirror or
 * database with a publisher B; anything else C (the reference's definitions).
 */
export function gradeOfRecord(kind: SourceKind, publisher: string | null | undefined): Tier {
  const named = publisherName(publisher) !== null
  if (kind === 'original' && named) return 'A'
  if ((kind === 'mirror' || kind === 'database') && named) return 'B'
  return 'C'
}

/**
 * A domain name written in prose ("bkwk.cn 一文误写…", "(dehua.gov.cn，称…)"). Notes and grades
 * shown to users never name a site by its domain: see {@link citeDomainsInText}.
 */
export const DOMAIN_IN_TEXT = /(?<![\w.-])(?:[a-z0-9-]+\.)+(?:com|cn|net|org|gov|edu|info|top|xyz|cc|io)(?:\.cn)?(?![\w-])/gi

/** What a page is called in prose when its publisher is not identified, by kind. */
const UNNAMED_KIND_WORDS: Record<SourceKind, string> = {
  original: '某网站',
  mirror: '某来源不明的转载网页',
  database: '某资料库网站',
  forum: '某网络论坛',
  'ai-compilation': '某 AI 汇编网站',
  encyclopedia: '某网络百科',
  'foreign-media': '某境外媒体'
}

/**
 * Replaces every domain named in a note with how people cite it: the publisher the source
 * registry identifies for that domain (`莆田学院`, a copy: `泉州市人民政府公众信息网（转载）`), else
 * what kind of page it is (`某 AI 汇编网站`). A domain the registry does not know becomes `某网页`.
 * Spaces that only set the domain apart from Chinese text go with it. Nothing is invented: names
 * come only from the registry's `publisher`.
 * @param lookup the registry entry of a domain (its URL's host is the domain or ends with `.domain`), if any
 */
export function citeDomainsInText(text: string, lookup: (domain: string) => { kind: SourceKind; publisher: string | null } | undefined): string {
  const cited = (domain: string) => {
    const hit = lookup(domain.toLowerCase())
    if (!hit) return '某网页'
    const name = publisherName(hit.publisher)
    if (name) return hit.kind === 'mirror' ? `${name}（${GRADE_WORDS.mirror}）` : name
    return UNNAMED_KIND_WORDS[hit.kind]
  }
  // A space that only set the Latin domain apart goes with it; one next to Latin text stays.
  const latin = (ch: string | undefined) => !!ch && /[A-Za-z0-9]/.test(ch)
  const around = new RegExp(`( ?)(${DOMAIN_IN_TEXT.source})( ?)`, 'gi')
  return text.replace(around, (_m, before: string, domain: string, after: string, offset: number, all: string) => {
    const prev = all[offset - 1]
    const next = all[offset + _m.length]
    return `${before && latin(prev) ? ' ' : ''}${cited(domain)}${after && latin(next) ? ' ' : ''}`
  })
}

/** A note that points at another record by position, which the app cannot show. */
export const POSITIONAL_REFERENCE = /下一条|上一条|前一条|后一条|下一个条目|上一个条目|下条|上条|the next entry|the previous entry|next record|previous record/i

// ---------------------------------------------------------------------------------------------
// Periods
// ---------------------------------------------------------------------------------------------

/** The usual periodisation (inclusive years); 社会主义建设时期 is never derived from a year. */
export const PERIOD_SPANS: ReadonlyArray<{ period: Period; from: number; to: number }> = [
  { period: '大革命时期', from: 1924, to: 1927 },
  { period: '土地革命时期', from: 1927, to: 1937 },
  { period: '抗日战争时期', from: 1937, to: 1945 },
  { period: '解放战争时期', from: 1945, to: 1949 }
]

/**
 * Periods of a site. `stated` periods are kept. `derived` ones are kept only when a dated fact falls
 * inside that period's span ({@link PERIOD_SPANS}); a fact after 1949, or no fact, gives no period.
 * When nothing is left the periods are empty and the basis null (shown as 不详).
 */
export function sitePeriods(
  periods: readonly string[] | null,
  basis: 'stated' | 'derived' | null,
  facts: ReadonlyArray<{ year: number }>
): { periods: Period[]; basis: 'stated' | 'derived' | null } {
  const known = (periods ?? []).filter((p): p is Period => (PERIODS as readonly string[]).includes(p))
  if (basis !== 'derived') return { periods: known, basis }
  const kept = known.filter((p) => {
    const span = PERIOD_SPANS.find((x) => x.period === p)
    return !!span && facts.some((f) => f.year >= span.from && f.year <= span.to)
  })
  return { periods: kept, basis: kept.length ? 'derived' : null }
}

/** What the fill ranking looks at for one candidate site. */
export interface RankKey {
  id: string
  bestTier: Tier
  factCount: number
  sourceCount: number
}

/** Fill ranking: best source tier (A first), then more dated facts, then more sources, then id. */
export function compareCandidates(a: RankKey, b: RankKey): number {
  return (
    TIER_RANK[a.bestTier] - TIER_RANK[b.bestTier] ||
    b.factCount - a.factCount ||
    b.sourceCount - a.sourceCount ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
}

/** How many sites the dataset has, and how many routes. */
export const SITE_COUNT = 50
export const ROUTE_COUNT = 16

/**
 * Sites a sourced route's `notes` say are contained in one of its stops. The build checks that
 * the notes really name the site id, and that no other site id is named in any route's notes.
 */
export const CONTAINED_STOPS: ReadonlyArray<{ routeId: string; siteId: string; after: string }> = [
  { routeId: 'luojiang-hongsi-route', siteId: 'hongyan-lieshi-mu', after: 'hongsi-hongse-rongyao-lvyou-jidi' },
  { routeId: 'nanan-hongse-jingpin-route', siteId: 'quanzhou-huaqiao-geming-lishi-bowuguan', after: 'ye-fei-jiangjun-guju' }
]

// ---------------------------------------------------------------------------------------------
// Position
// ---------------------------------------------------------------------------------------------

export interface DerivedPosition {
  latitude: number
  longitude: number
  precision: 'site' | 'town' | 'county' | 'city'
  datum: 'GCJ-02' | 'WGS-84' | 'unstated'
  placeName: string
  sources: string[]
}

/**
 * The most precise stated point for a site: its own `sites[]` entry, else the town-level place
 * listing it, else the county-level place listing it, else the city point. A point with
 * `confidence: "low"` is skipped (falls through to the next level); `alternatives` are never used;
 * the datum is copied as stated (never converted). `skipped` lists the low-confidence points passed over.
 */
export function derivePosition(siteId: string, coords: RefCoordinates): { position: DerivedPosition | null; skipped: string[] } {
  const skipped: string[] = []
  const usable = <T extends { confidence: string }>(points: T[], label: (p: T) => string): T | undefined => {
    for (const p of points) {
      if (p.confidence === 'low') skipped.push(label(p))
      else return p
    }
    return undefined
  }
  const site = usable(
    coords.sites.filter((p) => p.siteId === siteId),
    (p) => `site:${p.name}`
  )
  if (site) {
    return {
      position: { latitude: site.lat, longitude: site.lng, precision: 'site', datum: site.datum, placeName: site.name, sources: [...site.sources] },
      skipped
    }
  }
  for (const precision of ['town', 'county'] as const) {
    const place = usable(
      coords.places.filter((p) => p.precision === precision && p.siteIds.includes(siteId)),
      (p) => `${precision}:${p.district}${p.town ?? ''}`
    )
    if (place) {
      const placeName = precision === 'town' ? place.town : place.district
      if (!placeName) throw new Error(`Town-level point for ${siteId} has no town name`)
      return {
        position: { latitude: place.lat, longitude: place.lng, precision, datum: place.datum, placeName, sources: [...place.sources] },
        skipped
      }
    }
  }
  const city = usable(
    coords.places.filter((p) => p.precision === 'city'),
    (p) => `city:${p.district}`
  )
  if (city) {
    return {
      position: { latitude: city.lat, longitude: city.lng, precision: 'city', datum: city.datum, placeName: city.district, sources: [...city.sources] },
      skipped
    }
  }
  return { position: null, skipped }
}

// ---------------------------------------------------------------------------------------------
// Route duration (shown as 预计)
// ---------------------------------------------------------------------------------------------

/** A stop as the duration rule sees it. External stops have no known district or town. */
export type DurationStop =
  | { kind: 'site'; category: CategoryId; district: string | null; town: string | null }
  | { kind: 'external'; district: string | null }

export const VISIT_MINUTES = { hallOrBase: 45, otherSite: 30, external: 60 } as const
export const TRAVEL_MINUTES = { sameTown: 15, sameDistrict: 40, otherDistrict: 90 } as const

export const DURATION_RULE =
  '预计时长按规则估算:每站参观时间(纪念馆·展馆、教育基地·红色村类史迹45分钟,其他史迹30分钟,非史迹站点60分钟)' +
  '加相邻两站间交通时间(同一乡镇15分钟,同一县区但乡镇不同或不详40分钟,跨县区或县区不详90分钟;按县区发布的线路中的非史迹站点视为位于该县区),合计向上取整到10分钟。'

export function visitMinutes(stop: DurationStop): number {
  if (stop.kind === 'external') return VISIT_MINUTES.external
  return stop.category === 'memorial-hall' || stop.category === 'base' ? VISIT_MINUTES.hallOrBase : VISIT_MINUTES.otherSite
}

function placeOf(stop: DurationStop): { district: string | null; town: string | null } {
  return stop.kind === 'site' ? { district: stop.district, town: stop.town } : { district: stop.district, town: null }
}

/** Travel between consecutive stops: same non-null town 15, same non-null district 40, otherwise 90. */
export function travelMinutes(from: DurationStop, to: DurationStop): number {
  const a = placeOf(from)
  const b = placeOf(to)
  if (a.district === null || b.district === null || a.district !== b.district) return TRAVEL_MINUTES.otherDistrict
  if (a.town !== null && a.town === b.town) return TRAVEL_MINUTES.sameTown
  return TRAVEL_MINUTES.sameDistrict
}

/** Visits plus travel, rounded up to the next 10 minutes. */
export function routeMinutes(stops: readonly DurationStop[]): number {
  let total = 0
  stops.forEach((stop, i) => {
    total += visitMinutes(stop)
    if (i > 0) total += travelMinutes(stops[i - 1], stop)
  })
  return Math.ceil(total / 10) * 10
}

// ---------------------------------------------------------------------------------------------
// Curated routes
// ---------------------------------------------------------------------------------------------

/** What a curated-route rule may look at: only fields of the built site record. */
export interface RuleSite {
  id: string
  name: string
  district: string | null
  town: string | null
  category: CategoryId
  periods: readonly string[]
  description: string
  facts: ReadonlyArray<{ year: number; event: string }>
  sources: readonly unknown[]
  /** The best known position (see the position rule); null when none. */
  position?: { latitude: number; longitude: number } | null
}

/** The text a keyword rule searches: the site's own name, description and fact events (not notes). */
export function siteText(site: RuleSite): string {
  return [site.name, site.description, ...site.facts.map((f) => f.event)].join('\n')
}

export const MIN_STOPS = 3
export const MAX_STOPS = 8

export interface CuratedRouteDef {
  id: string
  name: string
  theme: string
  /** The rule in Chinese, quoted in `basis`. */
  rule: string
  /** First description sentence: what the stops have in common (restates the rule, adds no history). */
  common: string
  match: (site: RuleSite) => boolean
}

const inDistricts = (...ds: District[]) => (s: RuleSite) => s.district !== null && (ds as string[]).includes(s.district)
const hasPeriod = (p: Period) => (s: RuleSite) => s.periods.includes(p)
const mentions = (...words: string[]) => (s: RuleSite) => words.some((w) => siteText(s).includes(w))

/**
 * The 10 curated routes, in output order. Every rule is mechanical on the site record so a reader
 * can re-check membership; together with the 6 sourced routes they cover all 50 sites.
 */
export const CURATED_ROUTES: readonly CuratedRouteDef[] = [
  {
    id: 'curated-chengqu-hongse-jiyi',
    name: '城区红色记忆',
    theme: '鲤城区、丰泽区的红色史迹',
    rule: '所在县区为鲤城区或丰泽区',
    common: '各站都位于鲤城区或丰泽区。',
    match: inDistricts('鲤城区', '丰泽区')
  },
  {
    id: 'curated-dageming-shiqi',
    name: '大革命时期在泉州',
    theme: '大革命时期',
    rule: '时期标注含‘大革命时期’',
    common: '各站的时期标注都包含“大革命时期”。',
    match: hasPeriod('大革命时期')
  },
  {
    id: 'curated-huaqiao-yu-geming',
    name: '华侨与革命',
    theme: '华侨、归侨与泉州革命',
    rule: '名称、简介或史实中含‘侨’字',
    common: '各站的名称、简介或史实记录都涉及华侨或归侨(含“侨”字)。',
    match: mentions('侨')
  },
  {
    id: 'curated-quanzhou-zhongxin-xianwei',
    name: '中共泉州中心县委足迹',
    theme: '中共泉州中心县委',
    rule: '名称、简介或史实中含‘泉州中心县委’',
    common: '各站的名称、简介或史实记录中都提到泉州中心县委。',
    match: mentions('泉州中心县委')
  },
  {
    id: 'curated-huian-hongse-shiji',
    name: '惠安红色史迹',
    theme: '惠安县的红色史迹',
    rule: '所在县区为惠安县',
    common: '各站都位于惠安县。',
    match: inDistricts('惠安县')
  },
  {
    id: 'curated-jinjiang-jiuzhi-jinianguan',
    name: '晋江革命旧址与纪念馆',
    theme: '晋江市的革命旧址与纪念馆',
    rule: '所在县区为晋江市且类别为革命旧址或纪念馆·展馆',
    common: '各站都在晋江市,类别为革命旧址或纪念馆·展馆。',
    match: (s) => inDistricts('晋江市')(s) && (s.category === 'former-site' || s.category === 'memorial-hall')
  },
  {
    id: 'curated-nanan-hongse-shiji',
    name: '南安红色史迹',
    theme: '南安市的红色史迹',
    rule: '所在县区为南安市',
    common: '各站都位于南安市。',
    match: inDistricts('南安市')
  },
  {
    id: 'curated-anxi-hongse-shiji',
    name: '安溪红色史迹',
    theme: '安溪县的红色史迹',
    rule: '所在县区为安溪县',
    common: '各站都位于安溪县。',
    match: inDistricts('安溪县')
  },
  {
    id: 'curated-yongchun-dehua',
    name: '永春·德化红色史迹',
    theme: '永春县、德化县的红色史迹',
    rule: '所在县区为永春县或德化县',
    common: '各站都位于永春县或德化县。',
    match: inDistricts('永春县', '德化县')
  },
  {
    id: 'curated-lieshi-lingyuan',
    name: '烈士陵园与纪念园',
    theme: '英烈纪念',
    rule: '类别为纪念碑·陵园且名称含‘陵园’或‘纪念园’',
    common: '各站都是名称含“陵园”或“纪念园”的纪念地。',
    match: (s) => s.category === 'monument' && (s.name.includes('陵园') || s.name.includes('纪念园'))
  }
]

/** Earliest fact year, or null when the site has no dated fact. */
export function earliestYear(site: Pick<RuleSite, 'facts'>): number | null {
  return site.facts.length ? Math.min(...site.facts.map((f) => f.year)) : null
}

function cmpNullableLast<T>(a: T | null, b: T | null, cmp: (x: T, y: T) => number): number {
  if (a === null && b === null) return 0
  if (a === null) return 1
  if (b === null) return -1
  return cmp(a, b)
}
const cmpCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Tie-break order for curated stops: district in the official order of {@link DISTRICTS} (unknown last), then
 * town (Unicode code-point order of the town string, unknown last), then earliest fact year
 * (no facts last), then id.
 */
export function compareStops(a: RuleSite, b: RuleSite): number {
  const districtIndex = (d: string | null) => (d === null ? null : (DISTRICTS as readonly string[]).indexOf(d))
  return (
    cmpNullableLast(districtIndex(a.district), districtIndex(b.district), (x, y) => x - y) ||
    cmpNullableLast(a.town, b.town, cmpCodePoint) ||
    cmpNullableLast(earliestYear(a), earliestYear(b), (x, y) => x - y) ||
    cmpCodePoint(a.id, b.id)
  )
}

/** Great-circle distance in km between two positions (haversine, mean Earth radius 6371 km); null if either is unknown. */
export function distanceKm(a: RuleSite['position'], b: RuleSite['position']): number | null {
  if (!a || !b) return null
  const rad = (d: number) => (d * Math.PI) / 180
  const dLat = rad(b.latitude - a.latitude)
  const dLng = rad(b.longitude - a.longitude)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** Distances closer than this (km) count as equal, so ties fall to the documented order. */
const TIE_KM = 1e-6
/** Stops with no known position are treated as this far from everything (visited last). */
const UNKNOWN_KM = 1e6

/** Length of a path in km (unknown legs count {@link UNKNOWN_KM}). */
export function pathKm(stops: readonly RuleSite[]): number {
  let total = 0
  for (let i = 1; i < stops.length; i++) total += distanceKm(stops[i - 1].position, stops[i].position) ?? UNKNOWN_KM
  return total
}

/**
 * Curated stop order (no doubling back): nearest neighbour over the stops' best known positions.
 * From each possible first stop, repeatedly go to the nearest stop not yet visited; keep the
 * shortest of these paths. Ties (equal distance, e.g. two stops sharing a county point, or two
 * equally short paths) are broken by {@link compareStops}: district in the official order, town,
 * earliest fact year, id.
 */
export function orderStops<S extends RuleSite>(stops: readonly S[]): S[] {
  const base = [...stops].sort(compareStops)
  if (base.length <= 2) return base
  let best: S[] = base
  let bestKm = Infinity
  for (const start of base) {
    const path: S[] = [start]
    const left = base.filter((s) => s !== start)
    while (left.length) {
      const here = path[path.length - 1]
      let pick = 0
      let pickKm = distanceKm(here.position, left[0].position) ?? UNKNOWN_KM
      for (let i = 1; i < left.length; i++) {
        const d = distanceKm(here.position, left[i].position) ?? UNKNOWN_KM
        if (d < pickKm - TIE_KM) {
          pick = i
          pickKm = d
        }
      }
      path.push(left.splice(pick, 1)[0])
    }
    const km = pathKm(path)
    if (km < bestKm - TIE_KM) {
      best = path
      bestKm = km
    }
  }
  return best
}

/**
 * Members of a curated route, in stop order ({@link orderStops}). More than {@link MAX_STOPS}
 * matches: the 8 with most facts (then most sources, then id) are kept and `matched` tells how many matched.
 */
export function curatedMembers<S extends RuleSite>(def: CuratedRouteDef, sites: readonly S[]): { stops: S[]; matched: number } {
  const matches = sites.filter(def.match)
  let kept = matches
  if (matches.length > MAX_STOPS) {
    kept = [...matches]
      .sort((a, b) => b.facts.length - a.facts.length || b.sources.length - a.sources.length || cmpCodePoint(a.id, b.id))
      .slice(0, MAX_STOPS)
  }
  return { stops: orderStops(kept), matched: matches.length }
}

/** `basis` of a curated route: its selection rule in one Chinese sentence. */
export function curatedBasis(def: CuratedRouteDef, matched: number, kept: number): string {
  const cut = matched > kept ? `符合条件的有${matched}处,取史实条目最多的${kept}处;` : ''
  return `本线路由本应用按“${def.rule}”从${SITE_COUNT}处史迹中选编,${cut}不是官方发布的线路。`
}

/** The area of a curated route: the one district, up to three districts joined by ·, or the city. */
export function curatedArea(stops: ReadonlyArray<{ district: string | null }>): string {
  const districts = [...new Set(stops.map((s) => s.district))]
  if (districts.includes(null) || districts.length > 3) return '泉州市(跨区县)'
  return (districts as string[]).sort((a, b) => (DISTRICTS as readonly string[]).indexOf(a) - (DISTRICTS as readonly string[]).indexOf(b)).join('·')
}

/** Description of a curated route: the common property, then the span of the stops' dated facts. */
export function curatedDescription(def: CuratedRouteDef, stops: readonly RuleSite[]): string {
  const years = stops.flatMap((s) => s.facts.map((f) => f.year))
  const span = years.length ? `各站记录的纪年史实从${Math.min(...years)}年到${Math.max(...years)}年。` : ''
  return `${def.common}${span}`
}

// ---------------------------------------------------------------------------------------------
// Notes
// ---------------------------------------------------------------------------------------------

/**
 * Chinese rendering of the reference `conflicts` entries (they are written in English for the
 * editors). Keyed by the exact reference text: a new or changed conflict fails the build until a
 * person writes its rendering here. Editorial instructions in the entry are not shown to users.
 */
export const CONFLICT_NOTES: Readonly<Record<string, string | null>> = {
  '原描述“参与泉州解放”与史志不符,已改:《鲤城区志》(meta.librarydata.cn 知识条目)载1949年8月31日上午泉州团队独立大队入城、下午4时解放军二十九军八十七师先遣部队进城,泉州宣告解放;长江支队是随军南下的地方干部队伍,来源(台海网转泉州网,2021-09-04)讲的是其成员参与“泉州解放后城市接管工作”。“一大队1949年9月3日抵泉”只见于低可靠来源 bkwk.cn,待核实。':
    null,
  '已删去“村子因电影《上饶集中营》以李子芳为原型的人物“钱紫英”而改名子英村”:此说只见于侨刊文章(hnyhw.org.cn),该文还把1951年的有声片《上饶集中营》称作“无声电影”;一份影片剧情简介(czkjst.org)称片中新四军组织部长名叫“赵宏”;其他来源(东南网、石狮纪检监察网)只写“子英村(原为岑兜村)”。未找到可靠来源证实改名缘由,故不采用。':
    null,
  '来源相互矛盾,未作裁断:泉州海洋职业学院网页(qzoiedu.com,2021“云参观”)称“1932—1949年间先后有7位中共泉州中心县委书记,首任为李刚”;景点库(tour.usatour.com.cn、239364.com,见“中共泉州中心县委历史纪念馆”条)称泉州中心县委“1938年8月在晋江内坑成立”——若1938年才成立,1932年不可能有中心县委书记。海峡城市网转载的泉州晚报(2025-03-05)称李刚为“中共泉州中心县委首任书记”,但未给出任职年份。两种说法都不是党史部门原文,已从 facts 中移除1932年这一条,在找到党史部门资料前不作为事实展示。':
    '来源说法不一:泉州海洋职业学院网页称1932—1949年间先后有7位中共泉州中心县委书记,首任为李刚;景点库称泉州中心县委1938年8月在晋江内坑成立。两种说法都不是党史部门原文,本页暂不采用其中的年份。',
  '“泉州地区唯一在土地革命、抗日、解放三个时期都作为县委机关驻地的基点村”这一“唯一”说法只见于上述高校网页和 bkwk.cn(AI 汇编),未经党史部门或主流媒体确认,描述中已删去“唯一”。':
    null,
  '红四军驻地说法不一:景点库(sandpitts.com 转博雅旅游网“永春县红色旅游景点”)称前委机关驻地设在郭氏家庙、朱德在家庙门前向群众演讲;泉州党史方志网(qz.fjdsfzw.org.cn,2024-12-26)称红军“在美魁厝设立了红四军军部,在郭氏家庙堂前的3间房屋设立印刷所”。两处一致的只有“印刷所”。本条不再把“前委机关驻地”当作事实展示,显示名称改为“郭氏家庙(岑楼大宗)”,景点库原名称保留在 listed_name;不要据此出题。':
    '来源说法不一:博雅旅游网景点库称红四军前委机关驻地设在郭氏家庙;泉州党史方志网(2024-12-26)称红军在美魁厝设立红四军军部,在郭氏家庙堂前的3间房屋设立印刷所。两处一致的只有“印刷所”。',
  '已删去“闽南唯一一处省委旧址”:此说只见于景点库(bytravel.cn/view/ai/index652_list.html 及其镜像 sandpitts.com),且与漳州的“中共福建临时省委旧址”(1927年在漳州成立,见 m.visitzz.com/nd.jsp?id=1507)相矛盾,不再使用“唯一”说法。':
    null,
  '领导机关名称未能核定,事件表述中暂不写全称:所引两个景点库(isgoodgood.cn、bytravel.cn)原文作“闽浙赣边区党委”;另有资料称1947年的领导机关为“中共闽浙赣区党委”(lovfp.com 景点库:1947年1月12日“中共闽浙赣区党委作出《关于发动爱国游击战争的决定》”)或“闽浙赣区委”(维基百科镜像)。所引来源并不支持改成“闽浙赣区党委”,也未找到党史部门原文,故未改为任何一种全称。':
    '领导机关的全称各资料写法不一(“闽浙赣边区党委”“中共闽浙赣区党委”“闽浙赣区委”),未能核定,事件表述中暂不写全称。'
}

/**
 * Site notes: the reference notes, then each conflict rendered by {@link CONFLICT_NOTES} (a null
 * rendering = an editors' change log, not shown); null if nothing is left.
 */
export function siteNotes(notes: string | undefined, conflicts: readonly string[] | undefined): string | null {
  const parts: string[] = []
  if (notes && notes.trim()) parts.push(notes.trim())
  for (const c of conflicts ?? []) {
    if (!Object.prototype.hasOwnProperty.call(CONFLICT_NOTES, c)) throw new Error(`No rendering for reference conflict: ${c}`)
    const rendered = CONFLICT_NOTES[c]
    if (rendered) parts.push(rendered)
  }
  return parts.length ? parts.join('') : null
}

/**
 * Editorial markers in the reference notes that are for the data's editors, not for users:
 * internal ids ("站点id: …", "见guanqiao_history") and remarks about the research tool's excerpts.
 */
const EDITORIAL_SENTENCE = /id\s*:|[a-z]+[-_][a-z]+|可读摘录/i

/**
 * Notes as shown to users: the reference text with editor-only sentences removed; null when
 * nothing remains. Sentences end at 。 or ；/; (the reference mixes both).
 */
export function publicNotes(notes: string | null | undefined): string | null {
  if (!notes) return null
  const sentences = notes.match(/[^。;；]+[。;；]?/g) ?? []
  const kept = sentences.filter((s) => !EDITORIAL_SENTENCE.test(s)).join('').trim()
  return kept ? kept.replace(/[;；]$/, '。') : null
}
