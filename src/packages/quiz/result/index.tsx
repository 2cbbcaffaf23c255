/**
 * A round's result: score, correct count, time used, whether it counts for the boards, and every
 * question with the right answer, the explanation and a link to the related site.
 */
import Taro, { useLoad, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Feedback } from '../../../features/quiz/components/Feedback'
import { formatTimeUsed, practiceLabel, QUIZ_MODE_LABELS, type RoundResult } from '../../../features/quiz/model'
import { backToQuiz, boardUrl, go, playUrl, siteUrl } from '../../../features/quiz/navigation'
import { useQuizStore } from '../../../features/quiz/store'
import { formatDateTime } from '../../../shared/format'
import { readParam } from '../../../shared/params'
import { Btn } from '../../../shared/ui/Btn'
import { Heading } from '../../../shared/ui/Heading'
import { H5BackBar } from '../../../shared/ui/H5BackBar'
import { ErrorState } from '../../../shared/ui/StateView'
import { LoadStateView } from '../../../shared/ui/LoadStateView'
import { PAGES } from '../../../shared/paths'
import { useSiteNames } from '../../../features/heritage/hooks'
import './index.scss'

function rankNote(r: RoundResult): string {
  if (r.mode !== 'competition') return '每日答题和专题练习不计入排行。'
  if (!r.ranked) return `今天第 ${r.attemptNumber} 轮，已超过每天计入排行的轮数，本轮为练习，不计入排行。`
  return r.bestOfDay ? `今天第 ${r.attemptNumber} 轮，是你今天的最好成绩，已计入排行榜。` : `今天第 ${r.attemptNumber} 轮，今天已有更好的一轮，排行榜按最好的一轮计。`
}

function ResultView({ result }: { result: RoundResult }) {
  // 每日答题 is once a day: its follow-up is a 竞答 round.
  const again = result.mode === 'competition' ? playUrl({ mode: 'competition' }) : result.mode === 'daily' ? playUrl({ mode: 'competition' }) : null
  const againText = result.mode === 'daily' ? '去参加竞答' : '再来一轮'
  const siteNames = useSiteNames(result.practice?.kind === 'site' ? [result.practice.siteId] : [])
  return (
    <View className='result'>
      <View className='result__hero'>
        <Text className='result__mode'>{result.mode === 'practice' ? practiceLabel(result.practice, (id) => siteNames[id]) : QUIZ_MODE_LABELS[result.mode]}</Text>
        <View className='result__stats'>
          <View className='result__stat'>
            <Text className='result__num'>{result.score}</Text>
            <Text className='result__label'>{`分（满分 ${result.maxScore}）`}</Text>
          </View>
          <View className='result__stat'>
            <Text className='result__num'>{`${result.correctCount}/${result.total}`}</Text>
            <Text className='result__label'>答对</Text>
          </View>
          <View className='result__stat'>
            <Text className='result__num result__num--small'>{formatTimeUsed(result.timeMs)}</Text>
            <Text className='result__label'>用时</Text>
          </View>
        </View>
        <Text className='result__note'>{rankNote(result)}</Text>
        {result.status === 'expired' ? <Text className='result__note'>本轮超时未交卷，已按截止时的作答计分。</Text> : null}
        <Text className='result__time'>{`完成于 ${formatDateTime(result.finishedAt)}`}</Text>
      </View>
      <View className='result__actions'>
        {again ? (
          <Btn kind='primary' onPress={() => Taro.redirectTo({ url: again })}>
            {againText}
          </Btn>
        ) : null}
        <Btn onPress={() => go(boardUrl())}>看排行榜</Btn>
        <Btn onPress={backToQuiz}>返回竞答</Btn>
      </View>
      <Heading inset title='逐题回顾' />
      {result.review.map((r) => (
        <View key={r.question.id} className='result__item'>
          <Text className='result__q'>{`${r.index + 1}. ${r.question.text}`}</Text>
          <Feedback result={r.result} question={r.question} timed={result.mode === 'competition'} onOpenSite={(id) => go(siteUrl(id))} />
        </View>
      ))}
    </View>
  )
}

export default function ResultPage() {
  const [roundId, setRoundId] = useState('')
  const state = useQuizStore((s) => (roundId ? s.results[roundId] : undefined))
  const loadResult = useQuizStore((s) => s.loadResult)
  useLoad((params) => {
    const id = readParam(params, 'roundId')
    setRoundId(id || '-')
    if (id) void loadResult(id)
  })
  useShareAppMessage(() => ({ title: '党史互动竞答 · 红色文化云学堂', path: PAGES.quiz }))
  const bar = <H5BackBar title='本轮成绩' onBack={backToQuiz} />
  let body
  if (roundId === '-') body = <ErrorState message='链接里缺少答题记录编号。' backText='返回竞答' onBack={backToQuiz} />
  else if (state?.status === 'error' && state.code === 'NOT_FOUND') body = <ErrorState message='没有找到这轮答题记录。' backText='返回竞答' onBack={backToQuiz} />
  else
    body = (
      <LoadStateView state={state} loadingLabel='正在加载成绩' onRetry={() => loadResult(roundId)} backText='返回竞答' onBack={backToQuiz}>
        {(result) => <ResultView result={result} />}
      </LoadStateView>
    )
  return (
    <View>
      {bar}
      {body}
    </View>
  )
}
