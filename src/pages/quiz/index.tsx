/**
 * 竞答 tab: the quiz's modes and pages. It stays light (main package): rounds, scores and boards
 * load in the quiz subpackage pages it links to.
 */
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { readOpenRound, type OpenRound } from '../../features/quiz/open-round'
import { boardUrl, go, historyUrl, playUrl, practiceUrl, rulesUrl, wrongBookUrl } from '../../features/quiz/navigation'
import { COMPETITION_QUESTION_COUNT, COUNTED_ROUNDS_PER_DAY, DAILY_QUESTION_COUNT, QUESTION_TIME_MS } from '../../features/quiz/tab-facts'
import { Btn } from '../../shared/ui/Btn'
import { Pressable } from '../../shared/ui/Pressable'
import './index.scss'

interface Entry {
  key: string
  title: string
  note: string
  url: string
  primary?: boolean
}

const ENTRIES: Entry[] = [
  { key: 'daily', title: '每日答题', note: `每天 ${DAILY_QUESTION_COUNT} 题，人人相同，答后看解析`, url: playUrl({ mode: 'daily' }), primary: true },
  { key: 'competition', title: '竞答', note: `${COMPETITION_QUESTION_COUNT} 题限时，每题 ${QUESTION_TIME_MS / 1000} 秒；每天前 ${COUNTED_ROUNDS_PER_DAY} 轮计入排行`, url: playUrl({ mode: 'competition' }), primary: true },
  { key: 'practice', title: '专题练习', note: '按专题或按红色史迹练习，不限时，不计排行', url: practiceUrl() },
  { key: 'wrong', title: '错题本', note: '答错的题都在这里，连续答对两次后移出', url: wrongBookUrl() },
  { key: 'board', title: '排行榜', note: '日榜、周榜、总榜与单位榜', url: boardUrl() },
  { key: 'history', title: '答题记录', note: '查看做过的每一轮和解析', url: historyUrl() },
  { key: 'rules', title: '竞答规则', note: '计分公式、计时与排名规则', url: rulesUrl() }
]

const OPEN_LABELS: Record<OpenRound['mode'], string> = { daily: '每日答题', competition: '竞答', practice: '专题练习' }

export default function QuizPage() {
  const [open, setOpen] = useState<OpenRound | null>(null)
  useDidShow(() => setOpen(readOpenRound()))
  return (
    <View className='quiz-home'>
      <View className='quiz-home__hero'>
        <View className='quiz-home__title' role='heading' aria-level={1}>
          党史互动竞答
        </View>
        <Text className='quiz-home__intro'>题目来自泉州党史和党史学习资料，每题附解析和出处。</Text>
      </View>
      {open ? (
        <View className='quiz-home__open' role='status'>
          <Text className='quiz-home__open-text'>有一轮{OPEN_LABELS[open.mode]}还没有答完，可以接着答。</Text>
          <Btn kind='primary' onPress={() => go(playUrl({ mode: open.mode, roundId: open.roundId }))}>
            继续答题
          </Btn>
        </View>
      ) : null}
      {ENTRIES.map((e) => (
        <Pressable key={e.key} className={`quiz-home__entry${e.primary ? ' quiz-home__entry--primary' : ''}`} role='link' onPress={() => go(e.url)}>
          <Text className='quiz-home__entry-title'>{e.title}</Text>
          <Text className='quiz-home__entry-note'>{e.note}</Text>
        </Pressable>
      ))}
    </View>
  )
}
