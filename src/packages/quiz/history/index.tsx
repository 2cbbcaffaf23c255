/** 答题记录 (linked from 我的 and 竞答): past rounds, newest first; a round in progress can be resumed. */
import { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatTimeUsed, practiceLabel, QUIZ_MODE_LABELS, type RoundSummary } from '../../../features/quiz/model'
import { go, playUrl, resultUrl } from '../../../features/quiz/navigation'
import { useQuizStore } from '../../../features/quiz/store'
import { formatDateTime } from '../../../shared/format'
import { H5BackBar } from '../../../shared/ui/H5BackBar'
import { Pressable } from '../../../shared/ui/Pressable'
import { LoadStateView } from '../../../shared/ui/LoadStateView'
import { PAGES } from '../../../shared/paths'
import { Tag } from '../../../shared/ui/Tag'
import { goBackOr } from '../../../shared/navigation'
import { useSiteNames } from '../../../features/heritage/hooks'
import './index.scss'

export default function HistoryPage() {
  const rounds = useQuizStore((s) => s.rounds)
  const siteNames = useSiteNames(rounds.status === 'ready' ? rounds.data.flatMap((r) => (r.practice?.kind === 'site' ? [r.practice.siteId] : [])) : [])
  const loadRounds = useQuizStore((s) => s.loadRounds)
  useDidShow(() => void useQuizStore.getState().reloadRounds())
  const list = (data: RoundSummary[]) =>
    data.map((r) => (
      <Pressable key={r.id} className='history__row' role='link' onPress={() => go(r.status === 'in_progress' ? playUrl({ mode: r.mode, roundId: r.id }) : resultUrl(r.id))}>
        <View className='history__main'>
          <Text className='history__mode'>{r.mode === 'practice' ? practiceLabel(r.practice, (id) => siteNames[id]) : QUIZ_MODE_LABELS[r.mode]}</Text>
          <Text className='history__meta'>{`${r.finishedAt != null ? `完成于 ${formatDateTime(r.finishedAt)}` : `开始于 ${formatDateTime(r.startedAt)}`} · 答对 ${r.correctCount}/${r.total} · 用时 ${formatTimeUsed(r.timeMs)}`}</Text>
          <View>
            {r.status === 'in_progress' ? <Tag tone='gold'>进行中，点按继续</Tag> : null}
            {r.status === 'expired' ? <Tag>已超时结束</Tag> : null}
            {r.mode === 'competition' ? <Tag tone={r.ranked ? 'red' : 'plain'}>{r.ranked ? `今日第 ${r.attemptNumber} 轮 · 计入排行` : `今日第 ${r.attemptNumber} 轮 · 练习`}</Tag> : null}
          </View>
        </View>
        <Text className='history__score'>{`${r.score} 分`}</Text>
      </Pressable>
    ))
  return (
    <View className='history'>
      <H5BackBar title='答题记录' onBack={() => goBackOr(PAGES.me)} />
      <LoadStateView
        state={rounds}
        loadingLabel='正在加载答题记录'
        onRetry={() => loadRounds()}
        empty={{ message: '还没有答题记录。', actionText: '去做每日答题', onAction: () => void go(playUrl({ mode: 'daily' })) }}
      >
        {list}
      </LoadStateView>
    </View>
  )
}
