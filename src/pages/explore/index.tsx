/**
 * 探索: the 16 study routes and the 50 heritage sites, with search (names, addresses, pinyin
 * initials) and filters (district, category, period) for sites. Pull down to refresh; the site
 * list loads 20 at a time as the user scrolls. The tab chosen last is kept across launches.
 */
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { RouteListPanel } from '../../features/heritage/components/RouteListPanel'
import { SiteListPanel } from '../../features/heritage/components/SiteListPanel'
import { prefetchHeritageDetail } from '../../features/heritage/prefetch'
import { useHeritageStore } from '../../features/heritage/store'
import { PAGES } from '../../shared/paths'
import { Pressable } from '../../shared/ui/Pressable'
import './index.scss'

const TABS = [
  ['routes', '研学线路'],
  ['sites', '红色史迹']
] as const

export default function ExplorePage() {
  const tab = useHeritageStore((s) => s.exploreTab)
  const setTab = useHeritageStore((s) => s.setExploreTab)

  useDidShow(() => {
    useHeritageStore.getState().loadLists()
    prefetchHeritageDetail() // H5: the detail chunk, when idle (weapp: preloadRule)
  })

  usePullDownRefresh(async () => {
    const st = useHeritageStore.getState()
    try {
      await (st.exploreTab === 'routes' ? st.loadRoutes({ refresh: true }) : st.loadSites({ refresh: true }))
    } catch (err) {
      Taro.showToast({ title: (err as Error).message || '刷新失败', icon: 'none' })
    } finally {
      Taro.stopPullDownRefresh()
    }
  })

  useReachBottom(() => {
    const st = useHeritageStore.getState()
    if (st.exploreTab === 'sites') void st.loadMoreSites()
  })

  useShareAppMessage(() => ({ title: '泉州红色研学线路与红色史迹', path: PAGES.explore }))

  return (
    <View className='explore'>
      <View className='explore__tabs' role='tablist'>
        {TABS.map(([key, label]) => (
          <Pressable key={key} className={`explore__tab${tab === key ? ' explore__tab--active' : ''}`} role='tab' selected={tab === key} onPress={() => setTab(key)}>
            <Text>{label}</Text>
          </Pressable>
        ))}
      </View>
      {tab === 'routes' ? <RouteListPanel /> : <SiteListPanel />}
    </View>
  )
}
