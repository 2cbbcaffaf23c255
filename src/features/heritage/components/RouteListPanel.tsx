/** 探索 · 研学线路: every route as a card, with the count and how durations are estimated. */
import { Text, View } from '@tarojs/components'
import { openRoute } from '../navigation'
import { useHeritageStore } from '../store'
import { LoadStateView } from '../../../shared/ui/LoadStateView'
import { RouteCard } from './RouteCard'

export function RouteListPanel() {
  const routeList = useHeritageStore((s) => s.routeList)
  const loadRoutes = useHeritageStore((s) => s.loadRoutes)
  return (
    <LoadStateView
      state={routeList}
      loadingLabel='正在加载研学线路'
      rows={4}
      onRetry={() => loadRoutes()}
      empty={{ message: '暂时没有研学线路。', actionText: '重新加载', onAction: () => loadRoutes() }}
      onRefresh={() => loadRoutes({ refresh: true })}
    >
      {(routes) => (
        <View>
          <Text className='explore__count'>{`共 ${routes.length} 条研学线路`}</Text>
          {routes.map((r) => (
            <RouteCard key={r.id} route={r} onOpen={(id) => openRoute(id, r.name)} />
          ))}
          <Text className='explore__footnote'>时长为按统一规则估算的预计时间，不含往返泉州市区的路程。</Text>
        </View>
      )}
    </LoadStateView>
  )
}
