/**
 * A heritage site: description, dated facts, address (copy, open in map), opening hours and
 * phone where sourced, the routes it belongs to, sources, favourite, share and 纠错.
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { FactTimeline } from '../../../features/heritage/components/FactTimeline'
import { SiteCover } from '../../../features/heritage/components/SiteCover'
import { SiteHead } from '../../../features/heritage/components/SiteHead'
import { SiteRoutes } from '../../../features/heritage/components/SiteRoutes'
import { SiteVisit } from '../../../features/heritage/components/SiteVisit'
import { SourceList, shownSources } from '../../../features/heritage/components/SourceList'
import type { Site } from '../../../features/heritage/model'
import { goBackOrSites, siteUrl } from '../../../features/heritage/navigation'
import { useHeritageDetailStore } from '../../../features/heritage/detail-store'
import { useHeritageStore } from '../../../features/heritage/store'
import { FavouriteButton } from '../../../features/me/components/FavouriteButton'
import { TargetReport } from '../../../features/me/components/TargetReport'
import { useMeStore } from '../../../features/me/store'
import { Btn } from '../../../shared/ui/Btn'
import { DetailPage, useDetailPage, type DetailCopy, type DetailHooks } from '../../../shared/ui/DetailPage'
import { Section } from '../../../shared/ui/Section'
import { ShareButton } from '../../../shared/ui/ShareButton'
import './index.scss'

const COPY: DetailCopy = {
  title: '史迹详情',
  loading: '正在加载史迹',
  missing: '链接里缺少史迹编号，无法打开。',
  missingBack: '去看看史迹',
  notFound: (id) => `没有找到这处史迹（编号：${id}）。链接可能有误，或该史迹已调整。`,
  notFoundBack: '返回史迹列表'
}

const nameOf = (s: Site) => s.name
const reload = (id: string, opts: { refresh?: boolean }) => useHeritageDetailStore.getState().loadSite(id, opts)

const HOOKS: DetailHooks<Site> = {
  onOpen(id) {
    void useHeritageDetailStore.getState().loadSite(id)
    void useHeritageStore.getState().loadRoutes({ reuse: true })
    void useMeStore.getState().loadFavourites({ reuse: true })
  },
  reload,
  nameOf,
  share: (id, site) => ({ title: `${site?.name ?? '红色史迹'} · 红色文化云学堂`, path: siteUrl(id) })
}

const useSite = (id: string) => useHeritageDetailStore((s) => s.sites[id])

function SiteDetail({ site }: { site: Site }) {
  const [reporting, setReporting] = useState(false)
  const actions = (
    <>
      <FavouriteButton siteId={site.id} />
      <ShareButton />
      <Btn onPress={() => setReporting((x) => !x)}>纠错</Btn>
    </>
  )
  return (
    <View>
      <SiteCover name={site.name} category={site.category} />
      <SiteHead site={site} actions={actions} />
      {reporting ? <TargetReport targetType='site' targetId={site.id} onClose={() => setReporting(false)} /> : null}
      <Section title='简介'>
        {site.description ? <Text className='section__text'>{site.description}</Text> : <Text className='site__missing'>暂无简介（待补充）。</Text>}
      </Section>
      <Section title='史实'>
        <FactTimeline facts={site.facts} sources={site.sources} />
      </Section>
      <SiteVisit site={site} />
      <SiteRoutes site={site} />
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
  const { id, paramTitle, state } = useDetailPage(useSite, HOOKS)
  return (
    <DetailPage id={id} paramTitle={paramTitle} state={state} copy={COPY} nameOf={nameOf} onBack={goBackOrSites} reload={reload}>
      {(site) => <SiteDetail site={site} />}
    </DetailPage>
  )
}
