/**
 * A study route: theme, estimated duration (预计, with its rule), ordered stops linking to each
 * site (external stops have no page), how a curated route was composed, and its sources.
 */
import Taro, { useLoad, usePullDownRefresh, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { ReportForm } from '../../../features/me/components/ReportForm'
import { SourceList, shownSources } from '../../../features/heritage/components/SourceList'
import type { Route } from '../../../features/heritage/model'
import { goBackOrExplore, openSite, routeUrl } from '../../../features/heritage/navigation'
import { useHeritageStore } from '../../../features/heritage/store'
import { useMeStore } from '../../../features/me/store'
import { formatDateTime, formatMinutes } from '../../../shared/format'
import { readParam } from '../../../shared/params'
import { Banner } from '../../../shared/ui/Banner'
import { Section } from '../../../shared/ui/Section'
import { ErrorState, Skeleton } from '../../../shared/ui/StateView'
import { Tag } from '../../../shared/ui/Tag'
import { Pressable } from '../../../shared/ui/Pressable'
import { Btn } from '../../../shared/ui/Btn'
import { H5BackBar } from '../../../shared/ui/H5BackBar'
import './index.scss'

function RouteDetail({ route, staleSince }: { route: Route; staleSince?: number }) {
  const loadRoute = useHeritageStore((s) => s.loadRoute)
  const submitReport = useMeStore((s) => s.submitReport)
  const sourceKind = useMeStore((s) => s.sourceKind)
  const [reporting, setReporting] = useState(false)
  return (
    <View className='route'>
      {staleSince ? <Banner tone='warn' message={`网络不可用，已显示 ${formatDateTime(staleSince)} 保存的内容，可能不是最新`} actionText='重试' onAction={() => loadRoute(route.id, { refresh: true }).catch(() => undefined)} /> : null}
      <View className='route__hero'>
        <View className='route__name' role='heading' aria-level={1}>
          {route.name}
        </View>
        <Text className='route__area'>{route.area}</Text>
        <View className='route__stats'>
          <View className='route__stat'>
            <Text className='route__stat-num'>{route.stopCount}</Text>
            <Text className='route__stat-label'>站</Text>
          </View>
          <View className='route__stat'>
            <Text className='route__stat-num'>{formatMinutes(route.duration.minutes)}</Text>
            <Text className='route__stat-label'>预计用时</Text>
          </View>
        </View>
      </View>
      <View className='route__tags'>
        {route.curated ? <Tag tone='red'>本应用选编</Tag> : route.published ? <Tag tone='red'>公开发布线路</Tag> : <Tag tone='red'>资料所列线路</Tag>}
        <Tag tone='gold'>预计</Tag>
        {!route.verified ? <Tag tone='gold'>待核实</Tag> : null}
      </View>
      <Section title='主题'>
        <Text className='section__text'>{route.theme}</Text>
        {route.description ? <Text className='section__text route__desc'>{route.description}</Text> : null}
        {route.basis ? <Text className='route__note'>{route.basis}</Text> : null}
        {route.reliability ? <Text className='route__note'>{`可信度：${route.reliability}`}</Text> : null}
      </Section>
      <Section title={`站点（${route.stops.length}）`}>
        <View className='stops'>
          {route.stops.map((stop, i) =>
            stop.kind === 'site' ? (
              <Pressable key={`${i}-${stop.siteId}`} className='stops__item stops__item--link' role='link' onPress={() => openSite(stop.siteId, stop.name)}>
                <Text className='stops__index'>{i + 1}</Text>
                <View className='stops__body'>
                  <Text className='stops__name'>{stop.name}</Text>
                  <Text className='stops__meta'>{[stop.district ?? '县区不详', stop.town].filter(Boolean).join(' · ')}</Text>
                </View>
                <Text className='stops__arrow'>›</Text>
              </Pressable>
            ) : (
              <View key={`${i}-${stop.name}`} className='stops__item'>
                <Text className='stops__index stops__index--external'>{i + 1}</Text>
                <View className='stops__body'>
                  <Text className='stops__name'>{stop.name}</Text>
                  <Text className='stops__meta'>{stop.note ? `不在本应用收录的史迹中：${stop.note}` : '不在本应用收录的史迹中，暂无详情页'}</Text>
                </View>
              </View>
            )
          )}
        </View>
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
          <ReportForm
            targetType='route'
            targetId={route.id}
            onSubmit={submitReport}
            onClose={() => setReporting(false)}
            offlineNote={sourceKind === 'mock' ? '当前为离线演示数据，纠错内容保存在本机。' : '纠错内容将发送给内容管理员核实。'}
          />
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
  const [id, setId] = useState('')
  const [paramTitle, setParamTitle] = useState('')
  const state = useHeritageStore((s) => (id ? s.routes[id] : undefined))
  const loadRoute = useHeritageStore((s) => s.loadRoute)

  useLoad((params) => {
    const routeId = readParam(params, 'id')
    const title = readParam(params, 'title')
    if (title) {
      setParamTitle(title)
      Taro.setNavigationBarTitle({ title }).catch(() => undefined)
    }
    setId(routeId || '-')
    if (routeId) useHeritageStore.getState().loadRoute(routeId)
  })

  useEffect(() => {
    if (state?.status === 'ready') Taro.setNavigationBarTitle({ title: state.data.name }).catch(() => undefined)
  }, [state])

  usePullDownRefresh(async () => {
    try {
      if (id && id !== '-') await loadRoute(id, { refresh: true })
    } catch (err) {
      Taro.showToast({ title: (err as Error).message || '刷新失败', icon: 'none' })
    } finally {
      Taro.stopPullDownRefresh()
    }
  })

  useShareAppMessage(() => {
    const name = state?.status === 'ready' ? state.data.name : '研学线路'
    return { title: `${name} · 红色文化云学堂`, path: routeUrl(id) }
  })

  const title = state?.status === 'ready' ? state.data.name : paramTitle || '线路详情'
  const bar = <H5BackBar title={title} onBack={() => goBackOrExplore('routes')} />
  if (id === '-') return (
      <View>
        {bar}
        <ErrorState message='链接里缺少线路编号，无法打开。' backText='去看看线路' onBack={() => goBackOrExplore('routes')} />
      </View>
    )
  if (!state || state.status === 'idle' || state.status === 'loading') return (
      <View>
        {bar}
        <Skeleton rows={3} label='正在加载线路' />
      </View>
    )
  if (state.status === 'error') {
    return state.code === 'NOT_FOUND' ? (
      <View>
        {bar}
        <ErrorState message={`没有找到这条线路（编号：${id}）。链接可能有误，或该线路已调整。`} backText='返回线路列表' onBack={() => goBackOrExplore('routes')} />
      </View>
    ) : (
      <View>
        {bar}
        <ErrorState message={state.message} onRetry={() => loadRoute(id)} backText='返回' onBack={() => goBackOrExplore('routes')} />
      </View>
    )
  }
  return (
    <View>
      {bar}
      <RouteDetail route={state.data} staleSince={state.staleSince} />
    </View>
  )
}
