/**
 * 我的: the participant's profile (nickname and work unit, used by leaderboards and bookings)
 * and favourite sites. The form keeps what was typed when saving fails.
 */
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { SiteCard } from '../../features/heritage/components/SiteCard'
import { openSite } from '../../features/heritage/navigation'
import { useSiteSummaries } from '../../features/heritage/hooks'
import { useHeritageStore } from '../../features/heritage/store'
import { NICKNAME_MAX, UNIT_MAX } from '../../features/me/model'
import { useMeStore } from '../../features/me/store'
import { Section } from '../../shared/ui/Section'
import { EmptyState, ErrorState, Skeleton } from '../../shared/ui/StateView'
import { Btn } from '../../shared/ui/Btn'
import { boardUrl, go, historyUrl, wrongBookUrl } from '../../features/quiz/navigation'
import { Pressable } from '../../shared/ui/Pressable'
import './index.scss'

function ProfileForm() {
  const profile = useMeStore((s) => s.profile)
  const saving = useMeStore((s) => s.saving)
  const saveError = useMeStore((s) => s.saveError)
  const saveProfile = useMeStore((s) => s.saveProfile)
  const loadProfile = useMeStore((s) => s.loadProfile)
  const [nickname, setNickname] = useState('')
  const [unit, setUnit] = useState('')
  const [editing, setEditing] = useState(false)
  const data = profile.status === 'ready' ? profile.data : null

  useEffect(() => {
    if (data && !editing) {
      setNickname(data.nickname)
      setUnit(data.unit)
    }
  }, [data, editing])

  if (profile.status === 'idle' || profile.status === 'loading') return <Skeleton rows={1} label='正在加载个人资料' />
  if (profile.status === 'error') return <ErrorState message={profile.message} onRetry={() => loadProfile()} />

  if (!editing && data) {
    return (
      <View className='me__profile'>
        <Text className='me__name'>{data.nickname || '未设置昵称'}</Text>
        <Text className='me__unit'>{data.unit ? `单位：${data.unit}` : '未填写单位（参加单位排行、预约送课时需要）'}</Text>
        <Btn className='me__edit' onPress={() => setEditing(true)}>
          {data.nickname ? '修改资料' : '设置昵称和单位'}
        </Btn>
      </View>
    )
  }

  const onSave = async () => {
    const ok = await saveProfile({ nickname, unit })
    if (ok) {
      setEditing(false)
      Taro.showToast({ title: '已保存', icon: 'none' })
    }
  }

  return (
    <View className='me__form'>
      <Text className='me__field-label'>{`昵称（必填，最多 ${NICKNAME_MAX} 个字）`}</Text>
      <Input className='me__input' value={nickname} maxlength={NICKNAME_MAX * 2} placeholder='例如：老张' placeholderClass='me__placeholder' ariaLabel='昵称' onInput={(e) => setNickname(e.detail.value)} />
      {saveError?.fields.nickname ? (
        <View className='me__error' role='alert'>
          {saveError.fields.nickname}
        </View>
      ) : null}
      <Text className='me__field-label'>{`单位 / 支部 / 学校（选填，最多 ${UNIT_MAX} 个字）`}</Text>
      <Input className='me__input' value={unit} maxlength={UNIT_MAX * 2} placeholder='例如：某某社区党支部' placeholderClass='me__placeholder' ariaLabel='单位、支部或学校' onInput={(e) => setUnit(e.detail.value)} />
      {saveError?.fields.unit ? (
        <View className='me__error' role='alert'>
          {saveError.fields.unit}
        </View>
      ) : null}
      {saveError && !Object.keys(saveError.fields).length ? <View className='me__error' role='alert'>{saveError.message}</View> : null}
      <View className='me__form-actions'>
        {data?.nickname ? (
          <Btn onPress={() => setEditing(false)}>取消</Btn>
        ) : null}
        <Btn kind='primary' disabled={saving} onPress={onSave}>
          {saving ? '正在保存…' : '保存'}
        </Btn>
      </View>
    </View>
  )
}

function Favourites() {
  const favourites = useMeStore((s) => s.favourites)
  const loadFavourites = useMeStore((s) => s.loadFavourites)
  const ids = favourites.status === 'ready' ? favourites.data : null
  const { state: favouriteSites, retry } = useSiteSummaries(ids)
  if (favourites.status === 'error') return <ErrorState message={favourites.message} onRetry={() => loadFavourites()} />
  if (favouriteSites.status === 'idle' || favouriteSites.status === 'loading') return <Skeleton rows={1} label='正在加载收藏' />
  if (favouriteSites.status === 'error') return <ErrorState message={favouriteSites.message} onRetry={retry} />
  if (!favouriteSites.data.length) {
    return (
      <EmptyState
        message='还没有收藏。在史迹页面点“收藏”，就会出现在这里。'
        actionText='去看看史迹'
        onAction={() => {
          useHeritageStore.getState().setExploreTab('sites')
          Taro.switchTab({ url: '/pages/explore/index' })
        }}
      />
    )
  }
  return (
    <View className='me__favs'>
      {favouriteSites.data.map((s) => (
        <SiteCard key={s.id} site={s} onOpen={(id) => openSite(id, s.name)} />
      ))}
    </View>
  )
}

export default function MePage() {
  const sourceKind = useMeStore((s) => s.sourceKind)
  useDidShow(() => {
    useMeStore.getState().loadProfile()
    useMeStore.getState().loadFavourites()
  })
  usePullDownRefresh(async () => {
    await Promise.allSettled([useMeStore.getState().loadProfile({ refresh: true }), useMeStore.getState().loadFavourites({ refresh: true })])
    Taro.stopPullDownRefresh()
  })
  return (
    <View className='me'>
      <Section title='个人资料'>
        <ProfileForm />
      </Section>
      <View className='me__heading' role='heading' aria-level={2}>
        我的收藏
      </View>
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
