/**
 * The heritage contract's plain constants (categories, periods, districts, page sizes), apart from
 * its valibot schemas (`contract.ts`, which re-exports them): the list rules and the tab pages need
 * only these, so the first screen does not load the schemas and valibot.
 */

/** Site categories, grouped from the reference data's free-text category (documented in mock/data/README.md). */
export const CATEGORY_IDS = ['former-site', 'memorial-hall', 'monument', 'residence', 'base'] as const
export type CategoryId = (typeof CATEGORY_IDS)[number]
/** Chinese labels for {@link CategoryId}. */
export const CATEGORY_LABELS: Record<CategoryId, string> = {
  'former-site': '革命旧址',
  'memorial-hall': '纪念馆·展馆',
  monument: '纪念碑·陵园',
  residence: '名人故居',
  base: '教育基地·红色村'
}

/** Historical periods, in the conventional periodisation used by the reference data. */
export const PERIODS = ['大革命时期', '土地革命时期', '抗日战争时期', '解放战争时期', '社会主义建设时期'] as const
export type Period = (typeof PERIODS)[number]

/** Quanzhou's county-level divisions (4 districts, 3 county-level cities, 4 counties). */
export const DISTRICTS = [
  '鲤城区', '丰泽区', '洛江区', '泉港区', '石狮市', '晋江市', '南安市', '惠安县', '安溪县', '永春县', '德化县'
] as const
export type District = (typeof DISTRICTS)[number]

/** Filter value for "no stated district / period" (shown as 不详). */
export const UNKNOWN = 'unknown' as const
export const UNKNOWN_LABEL = '不详'

/** Largest page a client may ask for. */
export const MAX_PAGE_SIZE = 50
/** Page size used when none is given. */
export const DEFAULT_PAGE_SIZE = 20
