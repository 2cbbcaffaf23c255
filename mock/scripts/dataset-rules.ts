/**
 * Pure rules used to build `mock/data/sites.json` and `mock/data/routes.json` from the researched
 * reference data (`shared/reference/`). No file access here: `build-data.ts` reads and writes, and
 * `test/data/dataset.test.ts` re-checks the output with these same rules. The rules are documented
 * in `mock/data/README.md`; keep the two in step.
 *
 * Nothing in this module adds historical content: it only groups, ranks, orders and measures what
 * the reference records already say.
 */
import * as v from 'valibot'
import { pinyin } from 'pinyin-pro'
import { DISTRICTS, type CategoryId, type District, type Period } from '../../src/services/heritage/contract'

// ---------------------------------------------------------------------------------------------
// Reference file shapes (validated when read, so a changed reference fails the build loudly)
// ---------------------------------------------------------------------------------------------

const refUrl = v.pipe(v.string(), v.url())
const tier = v.picklist(['A', 'B', 'C'])

export const RefSourceSchema = v.object({
  key: v.string(),
  url: refUrl,
  title: v.string(),
  tier,
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
  conflicts: v.optional(v.array(v.string()))
})
export type RefSite = v.InferOutput<typeof RefSiteSchema>

export const RefRouteSchema = v.object({
  id: v.string(),
  name: v.string(),
  area: v.string(),
  theme: v.string(),
  kind: v.picklist(['route', 'thematic-set']),
  stops: v.array(v.string()),
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

/** `verified` is false exactly when every source is tier C (only leads, nothing to check them against). */
export function isVerified(tiers: readonly Tier[]): boolean {
  return tiers.some((t) => t !== 'C')
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
    id: 'curated-minzhong-zuji',
    name: '“闽中”红色足迹',
    theme: '记录中提到“闽中”的史迹',
    rule: '名称、简介或史实中含‘闽中’',
    common: '各站的名称、简介或史实记录中都出现“闽中”。',
    match: mentions('闽中')
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
    id: 'curated-huian-baodong',
    name: '惠安暴动史迹',
    theme: '惠安暴动',
    rule: '所在县区为惠安县且名称、简介或史实中含‘暴动’',
    common: '各站都在惠安县,记录中都提到暴动。',
    match: (s) => inDistricts('惠安县')(s) && mentions('暴动')(s)
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
    id: 'curated-nanan-tudi-geming',
    name: '南安土地革命时期史迹',
    theme: '南安市的土地革命时期史迹',
    rule: '所在县区为南安市且时期标注含‘土地革命时期’',
    common: '各站都在南安市,时期标注都包含“土地革命时期”。',
    match: (s) => inDistricts('南安市')(s) && hasPeriod('土地革命时期')(s)
  },
  {
    id: 'curated-anxi-yongchun-dehua',
    name: '安溪·永春·德化红色史迹',
    theme: '安溪县、永春县、德化县的红色史迹',
    rule: '所在县区为安溪县、永春县或德化县',
    common: '各站都位于安溪县、永春县或德化县。',
    match: inDistricts('安溪县', '永春县', '德化县')
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
 * Curated stop order: district in the official order of {@link DISTRICTS} (unknown last), then
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

/**
 * Members of a curated route, in stop order. More than {@link MAX_STOPS} matches: the 8 with most
 * facts (then most sources, then id) are kept and `matched` tells how many matched.
 */
export function curatedMembers<S extends RuleSite>(def: CuratedRouteDef, sites: readonly S[]): { stops: S[]; matched: number } {
  const matches = sites.filter(def.match)
  let kept = matches
  if (matches.length > MAX_STOPS) {
    kept = [...matches]
      .sort((a, b) => b.facts.length - a.facts.length || b.sources.length - a.sources.length || cmpCodePoint(a.id, b.id))
      .slice(0, MAX_STOPS)
  }
  return { stops: [...kept].sort(compareStops), matched: matches.length }
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
export const CONFLICT_NOTES: Readonly<Record<string, string>> = {
  'Sources disagree on whether the 红四军 前委/军部 was based here: one local party-history page places the army HQ at 美魁厝 and only a printing office at 郭氏家庙. Show both or neither; do not build quiz questions on it.':
    '来源说法不一:红四军前委/军部是否驻在此处存在分歧,一份地方党史资料称军部设在美魁厝,郭氏家庙只设印刷所。'
}

/** Site notes: the reference notes, then each conflict (rendered by {@link CONFLICT_NOTES}); null if none. */
export function siteNotes(notes: string | undefined, conflicts: readonly string[] | undefined): string | null {
  const parts: string[] = []
  if (notes && notes.trim()) parts.push(notes.trim())
  for (const c of conflicts ?? []) {
    const rendered = Object.prototype.hasOwnProperty.call(CONFLICT_NOTES, c) ? CONFLICT_NOTES[c] : undefined
    if (!rendered) throw new Error(`No rendering for reference conflict: ${c}`)
    parts.push(rendered)
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
