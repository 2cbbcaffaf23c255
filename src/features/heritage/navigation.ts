/**
 * Page URLs of the heritage feature, built in one place so ids and Chinese titles are encoded
 * the same way everywhere (see shared/params.ts).
 */
import Taro from '@tarojs/taro'
import { goBackOr } from '../../shared/navigation'
import { buildUrl } from '../../shared/params'
import { useHeritageStore, type ExploreTab } from './store'

export const SITE_PAGE = '/packages/heritage/site/index'
export const ROUTE_PAGE = '/packages/heritage/route/index'
export const EXPLORE_TAB = '/pages/explore/index'

/** URL of a site's page; `title` (optional, Chinese) shows in the header before the data loads. */
export const siteUrl = (id: string, title?: string) => buildUrl(SITE_PAGE, { id, title })
/** URL of a route's page. */
export const routeUrl = (id: string, title?: string) => buildUrl(ROUTE_PAGE, { id, title })

export function openSite(id: string, title?: string) {
  return Taro.navigateTo({ url: siteUrl(id, title) })
}
export function openRoute(id: string, title?: string) {
  return Taro.navigateTo({ url: routeUrl(id, title) })
}

/** Goes back, or to the 探索 tab when the page was opened directly (shared link, deep link). */
export function goBackOrExplore(tab?: ExploreTab) {
  if (tab && Taro.getCurrentPages().length <= 1) useHeritageStore.getState().setExploreTab(tab)
  return goBackOr(EXPLORE_TAB)
}

/** Back, or to the 探索 tab showing 红色史迹 (from a site page opened directly). */
export const goBackOrSites = () => goBackOrExplore('sites')
