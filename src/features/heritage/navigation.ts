/**
 * Page URLs of the heritage feature, built in one place so ids and Chinese titles are encoded
 * the same way everywhere (see shared/params.ts); paths from shared/paths.ts.
 */
import Taro from '@tarojs/taro'
import { goBackOr } from '../../shared/navigation'
import { buildUrl } from '../../shared/params'
import { PAGES } from '../../shared/paths'
import { useHeritageStore, type ExploreTab } from './store'

/** URL of a site's page; `title` (optional, Chinese) shows in the header before the data loads. */
export const siteUrl = (id: string, title?: string) => buildUrl(PAGES.site, { id, title })
/** URL of a route's page. */
export const routeUrl = (id: string, title?: string) => buildUrl(PAGES.route, { id, title })

export function openSite(id: string, title?: string) {
  return Taro.navigateTo({ url: siteUrl(id, title) })
}
export function openRoute(id: string, title?: string) {
  return Taro.navigateTo({ url: routeUrl(id, title) })
}

/** Switches to the 探索 tab showing `tab`. */
export function goExplore(tab: ExploreTab) {
  useHeritageStore.getState().setExploreTab(tab)
  return Taro.switchTab({ url: PAGES.explore })
}

/** Goes back, or to the 探索 tab when the page was opened directly (shared link, deep link). */
function goBackOrExplore(tab?: ExploreTab) {
  if (tab && Taro.getCurrentPages().length <= 1) useHeritageStore.getState().setExploreTab(tab)
  return goBackOr(PAGES.explore)
}

/** Back, or to the 探索 tab showing 红色史迹 (from a site page opened directly). */
export const goBackOrSites = () => goBackOrExplore('sites')
/** Back, or to the 探索 tab showing 研学线路 (from a route page opened directly). */
export const goBackOrRoutes = () => goBackOrExplore('routes')
