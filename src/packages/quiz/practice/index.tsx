/** 专题练习: practise by topic or by heritage site; untimed, not ranked. */
import { useLoad } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { go, playUrl } from '../../../features/quiz/navigation'
import { useQuizStore } from '../../../features/quiz/store'
import { H5BackBar } from '../../../shared/ui/H5BackBar'
import { Pressable } from '../../../shared/ui/Pressable'
import { Section } from '../../../shared/ui/Section'
import { EmptyState, ErrorState, Skeleton } from '../../../shared/ui/StateView'
import { goBackOr } from '../../../shared/navigation'
import { useSiteNames } from '../../../features/heritage/hooks'
import './index.scss'

export default function PracticePage() {
  const topics = useQuizStore((s) => s.topics)
  const sites = useQuizStore((s) => s.practiceSites)
  const names = useSiteNames(sites.status === 'ready' ? sites.data.map((s) => s.siteId) : [])

  useLoad(() => {
    useQuizStore.getState().loadPracticeOptions()
  })

  const retry = () => useQuizStore.getState().loadPracticeOptions()
  return (
    <View className='practice'>
      <H5BackBar title='专题练习' onBack={() => goBackOr('/pages/quiz/index')} />
      <Text className='practice__intro'>不限时，答后即看解析，不计入排行。每次 10 题。</Text>
      <Section title='按专题'>
        {topics.status === 'ready' ? (
          topics.data.length ? (
            topics.data.map((t) => (
              <Pressable key={t.topic} className='practice__row' role='link' onPress={() => go(playUrl({ mode: 'practice', topic: t.topic }))}>
                <Text className='practice__name'>{t.topic}</Text>
                <Text className='practice__count'>{`${t.count} 题 ›`}</Text>
              </Pressable>
            ))
          ) : (
            <EmptyState message='暂无专题。' />
          )
        ) : topics.status === 'error' ? (
          <ErrorState message={topics.message} onRetry={retry} />
        ) : (
          <Skeleton rows={2} label='正在加载专题' />
        )}
      </Section>
      <Section title='按红色史迹'>
        {sites.status === 'ready' ? (
          sites.data.length ? (
            sites.data.map((s) => (
              <Pressable key={s.siteId} className='practice__row' role='link' onPress={() => go(playUrl({ mode: 'practice', siteId: s.siteId }))}>
                <Text className='practice__name'>{names[s.siteId] ?? '（正在加载史迹名称）'}</Text>
                <Text className='practice__count'>{`${s.count} 题 ›`}</Text>
              </Pressable>
            ))
          ) : (
            <EmptyState message='暂无与史迹相关的题目。' />
          )
        ) : sites.status === 'error' ? (
          <ErrorState message={sites.message} onRetry={retry} />
        ) : (
          <Skeleton rows={2} label='正在加载史迹' />
        )}
      </Section>
    </View>
  )
}
