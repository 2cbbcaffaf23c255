/**
 * Heritage feature types: the contract's Site / Route shapes plus the list filters the explore
 * page edits. Labels for the filter chips come from the contract's constants.
 */
export type {
  CategoryId, District, Period, Position, Route, RouteStop, RouteSummary, Site, SiteSummary, Source, Fact
} from '../../services/heritage/contract'
export { CATEGORY_IDS, CATEGORY_LABELS, DISTRICTS, PERIODS, UNKNOWN, UNKNOWN_LABEL } from '../../services/heritage/constants'

import type { CategoryId, District, Period } from '../../services/heritage/contract'
import type { UNKNOWN } from '../../services/heritage/contract'

/** The site list's filters; undefined means 全部. */
export interface SiteFilters {
  district?: District | typeof UNKNOWN
  category?: CategoryId
  period?: Period | typeof UNKNOWN
  /** Search text as typed (names, addresses, pinyin initials such as "mlt"). */
  q: string
}

export const EMPTY_FILTERS: SiteFilters = { q: '' }

/** Whether any filter or search is active. */
export function hasActiveFilters(f: SiteFilters): boolean {
  return !!(f.district || f.category || f.period || f.q.trim())
}
