/**
 * A study route: theme, estimated duration (预计, with its rule), ordered stops linking to each
 * site (external stops have no page), how a curated route was composed, and its sources.
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { RouteHero } from '../../../features/heritage/components/RouteHero'
import { RouteStops } from '../../../features/heritage/components/RouteStops'
import { SourceList, shownSources } from '../../../features/heritage/components/SourceList'
import type { Route } from '../../../features/heritage/model'
import { goBackOrRoutes, routeUrl } from '../../../features/heritage/navigation'
import { useHeritageDetailStore } from '../../../features/heritage/detail-store'
import { TargetReport } from '../../../features/me/components/TargetReport'
import { formatMinutes } from '../../../shared/format'
import { Btn } from '../../../shared/ui/Btn'
import { DetailPage, useDetailPage, type DetailCopy, type DetailHooks } from '../../../shared/ui/DetailPage'
import { Section } from '../../../shared/ui/Section'
import './index.scss'

const COPY: DetailCopy = {
  title: '线路详情',
  loading: '正在加载线路',
  missing: '链接里缺少线路编号，无法打开。',
  missingBack: '去看看线路',
  notFound: (id) => `没有找到这条线路（编号：${id}）。链接可能有误，或该线路已调整。`,
  notFoundBack: '返回线路列表'
}

const nameOf = (r: Route) => r.name
const reload = (id: string, opts: { refresh?: boolean }) => useHeritageDetailStore.getState().loadRoute(id, opts)

const HOOKS: DetailHooks<Route> = {
  onOpen: (id) => void useHeritageDetailStore.getState().loadRoute(id),
  reload,
  nameOf,
  share: (id, route) => ({ title: `${route?.name ?? '研学线路'} · 红色文化云学堂`, path: routeUrl(id) })
}

const useRoute = (id: string) => useHeritageDetailStore((s) => s.routes[id])

function RouteDetail({ route }: { route: Route }) {
  const [reporting, setReporting] = useState(false)
  return (
    <View className='route'>
      <RouteHero route={route} />
      <Section title='主题'>
        <Text className='section__text'>{route.theme}</Text>
        {route.description ? <Text className='section__text route__desc'>{route.description}</Text> : null}
        {route.basis ? <Text className='route__note'>{route.basis}</Text> : null}
        {route.reliability ? <Text className='route__note'>{`可信度：${route.reliability}`}</Text> : null}
      </Section>
      <Section title={`站点（${route.stops.length}）`}>
        <RouteStops stops={route.stops} />
      </Section>
      <Section title='时长怎么估算'>
        <Text className='section__text'>{`预计 ${formatMinutes(route.duration.minutes)}。${route.duration.rule}`}</Text>
      </Section>
      {route.notes ? (
        <Section title='说明'>
          <Text className='section__text'>{route.notes}</Text>
        </Section>
      ) : null}
      <Section title={`来源（${shownSources(route.sources).length}）`}>
        <SourceList sources={route.sources} />
      </Section>
      <View className='route__report'>
        {reporting ? (
          <TargetReport targetType='route' targetId={route.id} onClose={() => setReporting(false)} />
        ) : (
          <Btn block onPress={() => setReporting(true)}>
            这条线路有误？纠错
          </Btn>
        )}
      </View>
    </View>
  )
}

export default function RoutePage() {
  const { id, paramTitle, state } = useDetailPage(useRoute, HOOKS)
  return (
    <DetailPage id={id} paramTitle={paramTitle} state={state} copy={COPY} nameOf={nameOf} onBack={goBackOrRoutes} reload={reload}>
      {(route) => <RouteDetail route={route} />}
    </DetailPage>
  )
}
