/**
 * 探索: the 16 study routes and the 50 heritage sites, with search (names, addresses, pinyin
 * initials) and filters (district, category, period) for sites. Pull down to refresh; the site
 * list loads 20 at a time as the user scrolls.
 */
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { FilterBar } from '../../features/heritage/components/FilterBar'
import { RouteCard } from '../../features/heritage/components/RouteCard'
import { SearchBar } from '../../features/heritage/components/SearchBar'
import { SiteCard } from '../../features/heritage/components/SiteCard'
import { hasActiveFilters } from '../../features/heritage/model'
import { openRoute, openSite } from '../../features/heritage/navigation'
import { useHeritageStore } from '../../features/heritage/store'
import { formatDateTime } from '../../shared/format'
import { Banner } from '../../shared/ui/Banner'
import { EmptyState, ErrorState, Skeleton } from '../../shared/ui/StateView'
import { Pressable } from '../../shared/ui/Pressable'
import { Btn } from '../../shared/ui/Btn'
import './index.scss'

function staleText(since: number) {
  return `网络不可用，已显示 ${formatDateTime(since)} 保存的内容，可能不是最新`
}

function RoutesPanel() {
  const routeList = useHeritageStore((s) => s.routeList)
  const loadRoutes = useHeritageStore((s) => s.loadRoutes)
  if (routeList.status === 'idle' || routeList.status === 'loading') return <Skeleton rows={4} label='正在加载研学线路' />
  if (routeList.status === 'error') return <ErrorState message={routeList.message} onRetry={() => loadRoutes()} />
  if (!routeList.data.length) return <EmptyState message='暂时没有研学线路。' actionText='重新加载' onAction={() => loadRoutes()} />
  return (
    <View>
      {routeList.staleSince ? <Banner tone='warn' message={staleText(routeList.staleSince)} actionText='重试' onAction={() => loadRoutes({ refresh: true }).catch(() => undefined)} /> : null}
      <Text className='explore__count'>{`共 ${routeList.data.length} 条研学线路`}</Text>
      {routeList.data.map((r) => (
        <RouteCard key={r.id} route={r} onOpen={(id) => openRoute(id, r.name)} />
      ))}
      <Text className='explore__footnote'>时长为按统一规则估算的预计时间，不含往返泉州市区的路程。</Text>
    </View>
  )
}

function SitesPanel() {
  const filters = useHeritageStore((s) => s.siteFilters)
  const siteList = useHeritageStore((s) => s.siteList)
  const setSiteFilters = useHeritageStore((s) => s.setSiteFilters)
  const clearSiteFilters = useHeritageStore((s) => s.clearSiteFilters)
  const loadSites = useHeritageStore((s) => s.loadSites)
  const loadMoreSites = useHeritageStore((s) => s.loadMoreSites)
  const active = hasActiveFilters(filters)
  let body
  if (siteList.status === 'idle' || siteList.status === 'loading') body = <Skeleton rows={5} label='正在加载红色史迹' />
  else if (siteList.status === 'error') body = <ErrorState message={siteList.message} onRetry={() => loadSites()} />
  else if (!siteList.data.items.length)
    body = active ? (
      <EmptyState message='没有符合条件的史迹。可以换个关键词，或清除筛选再看看。' actionText='清除筛选' onAction={() => clearSiteFilters()} />
    ) : (
      <EmptyState message='暂时没有史迹资料。' actionText='重新加载' onAction={() => loadSites()} />
    )
  else {
    const { items, total, loadingMore, moreError } = siteList.data
    body = (
      <View>
        {siteList.staleSince ? <Banner tone='warn' message={staleText(siteList.staleSince)} actionText='重试' onAction={() => loadSites({ refresh: true }).catch(() => undefined)} /> : null}
        <View className='explore__count' role='status'>{active ? `找到 ${total} 处史迹` : `共 ${total} 处红色史迹`}</View>
        {items.map((s) => (
          <SiteCard key={s.id} site={s} onOpen={(id) => openSite(id, s.name)} />
        ))}
        {items.length < total ? (
          <View className='explore__more'>
            {moreError ? <Text className='explore__more-error'>{moreError}</Text> : null}
            <Btn disabled={loadingMore} onPress={() => loadMoreSites()}>
              {loadingMore ? '正在加载…' : `加载更多（还有 ${total - items.length} 处）`}
            </Btn>
          </View>
        ) : (
          <Text className='explore__footnote'>{`已显示全部 ${total} 处`}</Text>
        )}
      </View>
    )
  }
  return (
    <View>
      <SearchBar value={filters.q} placeholder='搜索史迹名称、地址或拼音首字母' onSearch={(q) => setSiteFilters({ q })} />
      <FilterBar filters={filters} onChange={(patch) => setSiteFilters(patch)} />
      {active ? (
        <View className='explore__clear'>
          <Pressable className='explore__clear-link' onPress={() => clearSiteFilters()}>
            清除筛选
          </Pressable>
        </View>
      ) : null}
      {body}
    </View>
  )
}

export default function ExplorePage() {
  const tab = useHeritageStore((s) => s.exploreTab)
  const setTab = useHeritageStore((s) => s.setExploreTab)

  useDidShow(() => {
    const st = useHeritageStore.getState()
    if (st.routeList.status === 'idle' || st.routeList.status === 'error') st.loadRoutes()
    if (st.siteList.status === 'idle' || st.siteList.status === 'error') st.loadSites()
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
    if (st.exploreTab === 'sites') st.loadMoreSites()
  })

  useShareAppMessage(() => ({ title: '泉州红色研学线路与红色史迹', path: '/pages/explore/index' }))

  return (
    <View className='explore'>
      <View className='explore__tabs' role='tablist'>
        {(
          [
            ['routes', '研学线路'],
            ['sites', '红色史迹']
          ] as const
        ).map(([key, label]) => (
          <Pressable key={key} className={`explore__tab${tab === key ? ' explore__tab--active' : ''}`} role='tab' selected={tab === key} onPress={() => setTab(key)}>
            <Text>{label}</Text>
          </Pressable>
        ))}
      </View>
      {tab === 'routes' ? <RoutesPanel /> : <SitesPanel />}
    </View>
  )
}
