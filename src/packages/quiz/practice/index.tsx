/** 专题练习: practise by topic or by heritage site; untimed, not ranked. */
import { useLoad } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { go, playUrl } from '../../../features/quiz/navigation'
import { useQuizStore } from '../../../features/quiz/store'
import { H5BackBar } from '../../../shared/ui/H5BackBar'
import { Pressable } from '../../../shared/ui/Pressable'
import { Section } from '../../../shared/ui/Section'
import { LoadStateView } from '../../../shared/ui/LoadStateView'
import { goBackOr } from '../../../shared/navigation'
import { PAGES } from '../../../shared/paths'
import { useSiteNames } from '../../../features/heritage/hooks'
import './index.scss'

export default function PracticePage() {
  const topics = useQuizStore((s) => s.topics)
  const sites = useQuizStore((s) => s.practiceSites)
  const names = useSiteNames(sites.status === 'ready' ? sites.data.map((s) => s.siteId) : [])

  const loadPracticeOptions = useQuizStore((s) => s.loadPracticeOptions)
  useLoad(() => void loadPracticeOptions())
  const retry = () => void loadPracticeOptions()
  return (
    <View className='practice'>
      <H5BackBar title='专题练习' onBack={() => goBackOr(PAGES.quiz)} />
      <Text className='practice__intro'>不限时，答后即看解析，不计入排行。每次 10 题。</Text>
      <Section title='按专题'>
        <LoadStateView state={topics} loadingLabel='正在加载专题' rows={2} onRetry={retry} empty={{ message: '暂时没有可练习的专题。', actionText: '去做每日答题', onAction: () => void go(playUrl({ mode: 'daily' })) }}>
          {(list) =>
            list.map((t) => (
              <Pressable key={t.topic} className='practice__row' role='link' onPress={() => go(playUrl({ mode: 'practice', topic: t.topic }))}>
                <Text className='practice__name'>{t.topic}</Text>
                <Text className='practice__count'>{`${t.count} 题 ›`}</Text>
              </Pressable>
            ))
          }
        </LoadStateView>
      </Section>
      <Section title='按红色史迹'>
        <LoadStateView state={sites} loadingLabel='正在加载史迹' rows={2} onRetry={retry} empty={{ message: '暂时没有与史迹相关的题目。', actionText: '去做每日答题', onAction: () => void go(playUrl({ mode: 'daily' })) }}>
          {(list) =>
            list.map((s) => (
              <Pressable key={s.siteId} className='practice__row' role='link' onPress={() => go(playUrl({ mode: 'practice', siteId: s.siteId }))}>
                <Text className='practice__name'>{names[s.siteId] ?? '（正在加载史迹名称）'}</Text>
                <Text className='practice__count'>{`${s.count} 题 ›`}</Text>
              </Pressable>
            ))
          }
        </LoadStateView>
      </Section>
    </View>
  )
}
