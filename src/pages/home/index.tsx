/**
 * 首页: what the app is for, how much there is (routes and sites, counted from the data),
 * entry tiles, and featured routes.
 */
import Taro, { useDidShow, usePullDownRefresh, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { RouteCard } from '../../features/heritage/components/RouteCard'
import { goExplore, openRoute } from '../../features/heritage/navigation'
import { prefetchHeritageDetail } from '../../features/heritage/prefetch'
import { useHeritageStore } from '../../features/heritage/store'
import { PAGES } from '../../shared/paths'
import { LoadStateView } from '../../shared/ui/LoadStateView'
import { Pressable } from '../../shared/ui/Pressable'
import { Heading } from '../../shared/ui/Heading'
import { noticeDialog } from '../../shared/ui/dialog'
import './index.scss'

interface Tile {
  key: string
  title: string
  note: string
  ready: boolean
  onTap: () => void
}

function notYet(name: string) {
  noticeDialog({ title: `${name}正在建设中`, content: '这项功能还没有上线，上线后会在这里打开。可以先看看研学线路和红色史迹。' })
}

export default function HomePage() {
  const routeList = useHeritageStore((s) => s.routeList)
  const loadRoutes = useHeritageStore((s) => s.loadRoutes)

  useDidShow(() => {
    useHeritageStore.getState().loadLists()
    prefetchHeritageDetail() // H5: the detail chunk, when idle (weapp: preloadRule)
  })

  usePullDownRefresh(async () => {
    const st = useHeritageStore.getState()
    await Promise.allSettled([st.loadRoutes({ refresh: true }), st.loadSites({ refresh: true })])
    Taro.stopPullDownRefresh()
  })

  useShareAppMessage(() => ({ title: '红色文化云学堂 · 泉州红色研学', path: PAGES.home }))

  const routeCount = routeList.status === 'ready' ? routeList.data.length : null
  const siteCount = useHeritageStore((s) => s.siteTotal)

  const tiles: Tile[] = [
    { key: 'routes', title: '研学线路', note: '按线路走读', ready: true, onTap: () => goExplore('routes') },
    { key: 'sites', title: '红色史迹', note: '史实与来源', ready: true, onTap: () => goExplore('sites') },
    { key: 'quiz', title: '党史竞答', note: '每日答题', ready: true, onTap: () => Taro.switchTab({ url: PAGES.quiz }) },
    { key: 'vr', title: '云游VR展厅', note: '建设中', ready: false, onTap: () => notYet('云游VR展厅') },
    { key: 'booking', title: '点单约课', note: '建设中', ready: false, onTap: () => notYet('点单约课') }
  ]
  const featured = routeList.status === 'ready' ? routeList.data.filter((r) => !r.curated && r.verified).slice(0, 3) : []

  return (
    <View className='home'>
      <View className='home__hero'>
        <View className='home__title' role='heading' aria-level={1}>
          泉州红色文化云学堂
        </View>
        <Text className='home__intro'>走读泉州红色研学线路，查阅红色史迹的史实与出处，每一条都注明来源。</Text>
        <View className='home__counts'>
          <Pressable className='home__count' onPress={() => goExplore('routes')}>
            <Text className='home__count-num'>{routeCount ?? '—'}</Text>
            <Text className='home__count-label'>条研学线路</Text>
          </Pressable>
          <Pressable className='home__count' onPress={() => goExplore('sites')}>
            <Text className='home__count-num'>{siteCount ?? '—'}</Text>
            <Text className='home__count-label'>处红色史迹</Text>
          </Pressable>
        </View>
      </View>

      <View className='home__tiles'>
        {tiles.map((t) => (
          <Pressable key={t.key} className={`home__tile${t.ready ? '' : ' home__tile--soon'}`} onPress={t.onTap}>
            <Text className='home__tile-title'>{t.title}</Text>
            <Text className='home__tile-note'>{t.note}</Text>
          </Pressable>
        ))}
      </View>

      <Heading
        inset
        title='推荐线路'
        extra={
          <Pressable className='home__more' role='link' onPress={() => goExplore('routes')}>
            全部线路 ›
          </Pressable>
        }
      />
      <LoadStateView state={routeList} loadingLabel='正在加载推荐线路' rows={2} onRetry={() => loadRoutes()} banner={false}>
        {() => featured.map((r) => <RouteCard key={r.id} route={r} onOpen={(id) => openRoute(id, r.name)} />)}
      </LoadStateView>
      <Text className='home__footnote'>史迹资料整理自公开报道与资料库，来源列在每处史迹页面；发现错误可在页面上“纠错”。</Text>
    </View>
  )
}
