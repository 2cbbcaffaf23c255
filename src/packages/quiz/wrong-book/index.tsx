/** 错题本: every wrongly answered question; practise them; a question leaves after two right answers. */
import { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { go, playUrl, siteUrl } from '../../../features/quiz/navigation'
import { useQuizStore } from '../../../features/quiz/store'
import { formatDate } from '../../../shared/format'
import type { WrongBookEntry } from '../../../features/quiz/model'
import { Btn } from '../../../shared/ui/Btn'
import { H5BackBar } from '../../../shared/ui/H5BackBar'
import { Pressable } from '../../../shared/ui/Pressable'
import { LoadStateView } from '../../../shared/ui/LoadStateView'
import { PAGES } from '../../../shared/paths'
import { goBackOr } from '../../../shared/navigation'
import './index.scss'

export default function WrongBookPage() {
  const book = useQuizStore((s) => s.wrongBook)
  const loadWrongBook = useQuizStore((s) => s.loadWrongBook)
  useDidShow(() => void useQuizStore.getState().reloadWrongBook())
  const list = (entries: WrongBookEntry[]) => (
      <View>
        <View className='wrong__top'>
          <Text className='wrong__count'>{`共 ${entries.length} 道错题`}</Text>
          <Btn kind='primary' onPress={() => go(playUrl({ mode: 'practice', wrongBook: true }))}>
            练习错题
          </Btn>
        </View>
        {entries.map((e) => (
          <View key={e.questionId} className='wrong__item'>
            <Text className='wrong__q'>{e.question.text}</Text>
            <Text className='wrong__meta'>{`答错 ${e.wrongCount} 次 · 最近 ${formatDate(e.lastWrongAt)} · 再答对 ${2 - e.rightCount} 次移出`}</Text>
            {e.relatedSiteId ? (
              <Pressable className='wrong__site' role='link' onPress={() => go(siteUrl(e.relatedSiteId as string))}>
                查看相关红色史迹 ›
              </Pressable>
            ) : null}
          </View>
        ))}
      </View>
    )
  return (
    <View className='wrong'>
      <H5BackBar title='错题本' onBack={() => goBackOr(PAGES.quiz)} />
      <LoadStateView
        state={book}
        loadingLabel='正在加载错题本'
        onRetry={() => loadWrongBook()}
        empty={{ message: '错题本是空的。答错的题会自动收进来。', actionText: '去做每日答题', onAction: () => void go(playUrl({ mode: 'daily' })) }}
      >
        {list}
      </LoadStateView>
    </View>
  )
}
