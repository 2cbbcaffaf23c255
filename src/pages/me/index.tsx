/**
 * 我的: the participant's profile (nickname and work unit, used by leaderboards and bookings)
 * and favourite sites. The form keeps what was typed when saving fails.
 */
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { SiteCard } from '../../features/heritage/components/SiteCard'
import { goExplore, openSite } from '../../features/heritage/navigation'
import { useSiteSummaries } from '../../features/heritage/hooks'
import { ProfileForm } from '../../features/me/components/ProfileForm'
import { useMeStore } from '../../features/me/store'
import { Heading } from '../../shared/ui/Heading'
import { Section } from '../../shared/ui/Section'
import { ErrorState } from '../../shared/ui/StateView'
import { LoadStateView } from '../../shared/ui/LoadStateView'
import { boardUrl, go, historyUrl, wrongBookUrl } from '../../features/quiz/navigation'
import { Pressable } from '../../shared/ui/Pressable'
import './index.scss'

function Favourites() {
  const favourites = useMeStore((s) => s.favourites)
  const loadFavourites = useMeStore((s) => s.loadFavourites)
  const ids = favourites.status === 'ready' ? favourites.data : null
  const { state: favouriteSites, retry } = useSiteSummaries(ids)
  if (favourites.status === 'error') return <ErrorState message={favourites.message} onRetry={() => loadFavourites()} />
  return (
    <LoadStateView
      state={favouriteSites}
      loadingLabel='正在加载收藏'
      rows={1}
      onRetry={retry}
      empty={{ message: '还没有收藏。在史迹页面点“收藏”，就会出现在这里。', actionText: '去看看史迹', onAction: () => void goExplore('sites') }}
      banner={false}
    >
      {(sites) => (
        <View className='me__favs'>
          {sites.map((s) => (
            <SiteCard key={s.id} site={s} onOpen={(id) => openSite(id, s.name)} />
          ))}
        </View>
      )}
    </LoadStateView>
  )
}

export default function MePage() {
  const sourceKind = useMeStore((s) => s.sourceKind)
  useDidShow(() => useMeStore.getState().loadAll())
  usePullDownRefresh(async () => {
    await useMeStore.getState().refreshAll()
    Taro.stopPullDownRefresh()
  })
  return (
    <View className='me'>
      <Section title='个人资料'>
        <ProfileForm />
      </Section>
      <Heading inset title='我的收藏' />
      <Favourites />
      <Section title='我的竞答'>
        {(
          [
            ['答题记录', '做过的每一轮、得分和解析', historyUrl()],
            ['错题本', '答错的题，可以反复练习', wrongBookUrl()],
            ['排行榜', '我的排名，上榜同意与撤回', boardUrl()]
          ] as const
        ).map(([title, note, url]) => (
          <Pressable key={title} className='me__link' role='link' onPress={() => go(url)}>
            <Text className='me__link-title'>{title}</Text>
            <Text className='me__link-note'>{`${note} ›`}</Text>
          </Pressable>
        ))}
      </Section>
      <Section title='关于'>
        <Text className='section__text'>
          {sourceKind === 'mock'
            ? '当前使用内置的离线数据，无需联网即可浏览；收藏、资料和纠错保存在本机。'
            : '当前连接服务器获取数据；网络不好时会显示上次保存的内容。'}
        </Text>
        <Text className='section__text me__about'>史迹资料整理自公开报道与资料库，每处史迹页面列出来源；标“待核实”的条目来源可靠性较低，仅供参考。</Text>
      </Section>
    </View>
  )
}
