/**
 * A heritage site: description, dated facts, address (copy, open in map), opening hours and
 * phone where sourced, the routes it belongs to, sources, favourite, share and 纠错.
 */
import Taro, { useLoad, usePullDownRefresh, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { FactTimeline } from '../../../features/heritage/components/FactTimeline'
import { ReportForm } from '../../../features/me/components/ReportForm'
import { SiteCover } from '../../../features/heritage/components/SiteCover'
import { SourceList, shownSources } from '../../../features/heritage/components/SourceList'
import { CATEGORY_LABELS, type Site } from '../../../features/heritage/model'
import { goBackOrSites, openRoute, siteUrl } from '../../../features/heritage/navigation'
import { approximateWarning, describePosition, isApproximate } from '../../../features/heritage/position'
import { useHeritageStore } from '../../../features/heritage/store'
import { useMeStore } from '../../../features/me/store'
import { formatDateTime } from '../../../shared/format'
import { readParam } from '../../../shared/params'
import { Banner } from '../../../shared/ui/Banner'
import { Section } from '../../../shared/ui/Section'
import { ErrorState, Skeleton } from '../../../shared/ui/StateView'
import { Tag } from '../../../shared/ui/Tag'
import { Pressable } from '../../../shared/ui/Pressable'
import { Btn } from '../../../shared/ui/Btn'
import { H5BackBar } from '../../../shared/ui/H5BackBar'
import { confirmDialog } from '../../../shared/ui/dialog'
import './index.scss'

async function openInMap(site: Site) {
  const p = site.position
  if (!p) {
    Taro.showToast({ title: '暂无可用的地图位置，请按地址前往', icon: 'none' })
    return
  }
  if (isApproximate(p)) {
    const ok = await confirmDialog({ title: '位置只是大致范围', content: approximateWarning(p, site.address), confirmText: '仍要打开' })
    if (!ok) return
  }
  if (process.env.TARO_ENV === 'h5') {
    // H5 has no map app to hand over to: open Amap's marker page (GCJ-02, "gaode" coordinates).
    const url = `https://uri.amap.com/marker?position=${p.longitude},${p.latitude}&name=${encodeURIComponent(site.name)}&coordinate=gaode&callnative=0`
    window.open(url, '_blank', 'noopener')
    return
  }
  await Taro.openLocation({ latitude: p.latitude, longitude: p.longitude, name: site.name, address: site.address ?? p.placeName, scale: p.precision === 'site' ? 16 : 12 })
}

function SiteDetail({ site, staleSince }: { site: Site; staleSince?: number }) {
  const favourites = useMeStore((s) => s.favourites)
  const toggleFavourite = useMeStore((s) => s.toggleFavourite)
  const submitReport = useMeStore((s) => s.submitReport)
  const routeList = useHeritageStore((s) => s.routeList)
  const loadSite = useHeritageStore((s) => s.loadSite)
  const sourceKind = useMeStore((s) => s.sourceKind)
  const [reporting, setReporting] = useState(false)
  const isFav = favourites.status === 'ready' && favourites.data.includes(site.id)
  const routes = routeList.status === 'ready' ? routeList.data.filter((r) => site.routeIds.includes(r.id)) : []

  const onFavourite = async () => {
    try {
      const on = await toggleFavourite(site.id)
      Taro.showToast({ title: on ? '已收藏' : '已取消收藏', icon: 'none' })
    } catch (err) {
      Taro.showToast({ title: (err as Error).message || '操作失败，请重试', icon: 'none' })
    }
  }

  return (
    <View>
      {staleSince ? <Banner tone='warn' message={`网络不可用，已显示 ${formatDateTime(staleSince)} 保存的内容，可能不是最新`} actionText='重试' onAction={() => loadSite(site.id, { refresh: true }).catch(() => undefined)} /> : null}
      <SiteCover name={site.name} category={site.category} />
      <View className='site__head'>
        <View className='site__tags'>
          <Tag>{site.district ?? '县区不详'}</Tag>
          <Tag>{CATEGORY_LABELS[site.category]}</Tag>
          {site.periods.length ? site.periods.map((p) => <Tag key={p}>{p}</Tag>) : <Tag>时期不详</Tag>}
          {!site.verified ? <Tag tone='gold'>待核实</Tag> : null}
        </View>
        {!site.verified ? <Text className='site__warn'>本条目的来源均为待核实的线索类网页，内容仅供参考。</Text> : null}
        <View className='site__actions'>
          <Btn kind={isFav ? 'primary' : 'secondary'} onPress={onFavourite}>
            {isFav ? '★ 已收藏' : '☆ 收藏'}
          </Btn>
          {process.env.TARO_ENV === 'weapp' ? (
            <Btn openType='share'>分享</Btn>
          ) : (
            <Btn onPress={() => Taro.setClipboardData({ data: window.location.href }).then(() => Taro.showToast({ title: '链接已复制', icon: 'none' })).catch(() => undefined)}>复制链接</Btn>
          )}
          <Btn onPress={() => setReporting((x) => !x)}>纠错</Btn>
        </View>
      </View>
      {reporting ? (
        <ReportForm
          targetType='site'
          targetId={site.id}
          onSubmit={submitReport}
          onClose={() => setReporting(false)}
          offlineNote={sourceKind === 'mock' ? '当前为离线演示数据，纠错内容保存在本机。' : '纠错内容将发送给内容管理员核实。'}
        />
      ) : null}
      <Section title='简介'>
        {site.description ? <Text className='section__text'>{site.description}</Text> : <Text className='site__missing'>暂无简介（待补充）。</Text>}
      </Section>
      <Section title='史实'>
        <FactTimeline facts={site.facts} sources={site.sources} />
      </Section>
      <Section title='地址与到访'>
        <View className='site__row'>
          <Text className='site__label'>地址</Text>
          <Text className='site__value'>{site.address || '地址不详（待补充）'}</Text>
        </View>
        {site.address ? (
          <Btn className='site__inline-btn' onPress={() => Taro.setClipboardData({ data: site.address as string }).then(() => Taro.showToast({ title: '地址已复制', icon: 'none' })).catch(() => undefined)}>
            复制地址
          </Btn>
        ) : null}
        <View className='site__row'>
          <Text className='site__label'>开放时间</Text>
          <Text className='site__value'>{site.openingHours || '暂无资料，出行前请向当地咨询'}</Text>
        </View>
        <View className='site__row'>
          <Text className='site__label'>电话</Text>
          {site.phone ? (
            <Pressable className='site__value site__link' onPress={() => Taro.makePhoneCall({ phoneNumber: site.phone as string }).catch(() => undefined)}>
              {site.phone}
            </Pressable>
          ) : (
            <Text className='site__value'>暂无资料</Text>
          )}
        </View>
        <View className='site__row'>
          <Text className='site__label'>位置</Text>
          <View className='site__value'>
            {site.position ? <Text>{describePosition(site.position)}</Text> : <Text>暂无经纬度资料</Text>}
            {site.position && isApproximate(site.position) ? <Tag tone='gold'>约略位置</Tag> : null}
          </View>
        </View>
        <Btn kind='primary' block className='site__map-btn' onPress={() => openInMap(site)} disabled={!site.position}>
          在地图中打开
        </Btn>
      </Section>
      <Section title='所属研学线路'>
        {routes.length ? (
          routes.map((r) => (
            <Pressable key={r.id} className='site__route' role='link' onPress={() => openRoute(r.id, r.name)}>
              <Text className='site__route-name'>{r.name}</Text>
              <Text className='site__route-meta'>{`${r.stopCount} 站 ›`}</Text>
            </Pressable>
          ))
        ) : routeList.status === 'error' ? (
          <Text className='site__missing'>线路加载失败，下拉可重试。</Text>
        ) : (
          <Text className='site__missing'>{routeList.status === 'ready' ? '暂未收入研学线路。' : '正在加载…'}</Text>
        )}
      </Section>
      {site.notes ? (
        <Section title='说明'>
          <Text className='section__text'>{site.notes}</Text>
        </Section>
      ) : null}
      <Section title={`来源（${shownSources(site.sources).length}）`}>
        <SourceList sources={site.sources} />
      </Section>
    </View>
  )
}

export default function SitePage() {
  const [id, setId] = useState('')
  const [paramTitle, setParamTitle] = useState('')
  const state = useHeritageStore((s) => (id ? s.sites[id] : undefined))
  const loadSite = useHeritageStore((s) => s.loadSite)

  useLoad((params) => {
    const siteId = readParam(params, 'id')
    const title = readParam(params, 'title')
    if (title) {
      setParamTitle(title)
      Taro.setNavigationBarTitle({ title }).catch(() => undefined)
    }
    setId(siteId || '-')
    const st = useHeritageStore.getState()
    if (siteId) st.loadSite(siteId)
    if (st.routeList.status !== 'ready') st.loadRoutes()
    useMeStore.getState().loadFavourites({ reuse: true })
  })

  useEffect(() => {
    if (state?.status === 'ready') Taro.setNavigationBarTitle({ title: state.data.name }).catch(() => undefined)
  }, [state])

  usePullDownRefresh(async () => {
    try {
      if (id && id !== '-') await loadSite(id, { refresh: true })
    } catch (err) {
      Taro.showToast({ title: (err as Error).message || '刷新失败', icon: 'none' })
    } finally {
      Taro.stopPullDownRefresh()
    }
  })

  useShareAppMessage(() => {
    const name = state?.status === 'ready' ? state.data.name : '红色史迹'
    return { title: `${name} · 红色文化云学堂`, path: siteUrl(id) }
  })

  const title = state?.status === 'ready' ? state.data.name : paramTitle || '史迹详情'
  const bar = <H5BackBar title={title} onBack={goBackOrSites} />
  if (id === '-') return (
      <View>
        {bar}
        <ErrorState message='链接里缺少史迹编号，无法打开。' backText='去看看史迹' onBack={goBackOrSites} />
      </View>
    )
  if (!state || state.status === 'idle' || state.status === 'loading') return (
      <View>
        {bar}
        <Skeleton rows={3} label='正在加载史迹' />
      </View>
    )
  if (state.status === 'error') {
    return state.code === 'NOT_FOUND' ? (
      <View>
        {bar}
        <ErrorState message={`没有找到这处史迹（编号：${id}）。链接可能有误，或该史迹已调整。`} backText='返回史迹列表' onBack={goBackOrSites} />
      </View>
    ) : (
      <View>
        {bar}
        <ErrorState message={state.message} onRetry={() => loadSite(id)} backText='返回' onBack={goBackOrSites} />
      </View>
    )
  }
  return (
    <View>
      {bar}
      <SiteDetail site={state.data} staleSince={state.staleSince} />
    </View>
  )
}
