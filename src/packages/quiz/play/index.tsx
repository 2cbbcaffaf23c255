/**
 * Playing a round: 每日答题 and 专题练习 untimed with explanations after each answer; 竞答 with a
 * 20-second countdown per question (the server's clock decides). Leaving mid-round asks first; the
 * round stays open and resumes where it was, its clock having run on.
 */
import Taro, { useLoad, useUnload } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { Countdown } from '../../../features/quiz/components/Countdown'
import { Feedback } from '../../../features/quiz/components/Feedback'
import { QuestionCard } from '../../../features/quiz/components/QuestionCard'
import { practiceLabel, QUIZ_MODE_LABELS, type QuizMode } from '../../../features/quiz/model'
import { resultUrl, siteUrl } from '../../../features/quiz/navigation'
import { useQuizStore, type PlayRequest } from '../../../features/quiz/store'
import { readParam } from '../../../shared/params'
import { Btn } from '../../../shared/ui/Btn'
import { H5BackBar } from '../../../shared/ui/H5BackBar'
import { ErrorState, Skeleton } from '../../../shared/ui/StateView'
import { confirmDialog } from '../../../shared/ui/dialog'
import { goBackOr } from '../../../shared/navigation'
import { useSiteNames } from '../../../features/heritage/hooks'
import './index.scss'

const LEAVE_TIMED = '本轮还没有答完。离开后计时不会暂停，回来可以接着答。确定离开吗？'
const LEAVE_UNTIMED = '本轮还没有答完，可以从“答题记录”回来接着答；如果先开始同一类的新一轮，本轮会按已答的题结束。确定离开吗？'

function leaveMessage() {
  return useQuizStore.getState().round?.timed ? LEAVE_TIMED : LEAVE_UNTIMED
}

function parseRequest(params: Record<string, string | undefined>): PlayRequest | null {
  const mode = readParam(params, 'mode') as QuizMode
  if (mode !== 'daily' && mode !== 'competition' && mode !== 'practice') return null
  const req: PlayRequest = { mode }
  const topic = readParam(params, 'topic')
  const siteId = readParam(params, 'siteId')
  const roundId = readParam(params, 'roundId')
  if (topic) req.topic = topic
  if (siteId) req.siteId = siteId
  if (readParam(params, 'wrongBook') === '1') req.wrongBook = true
  if (roundId) req.roundId = roundId
  return req
}

async function confirmLeave() {
  const st = useQuizStore.getState()
  const inProgress = st.round?.status === 'in_progress' && st.phase.kind !== 'finished'
  if (inProgress) {
    const ok = await confirmDialog({ title: '确定离开本轮？', content: leaveMessage(), confirmText: '离开', cancelText: '继续答题' })
    if (!ok) return
  }
  goBackOr('/pages/quiz/index')
}

export default function PlayPage() {
  const round = useQuizStore((s) => s.round)
  const phase = useQuizStore((s) => s.phase)
  const clockOffset = useQuizStore((s) => s.clockOffset)
  const request = useQuizStore((s) => s.request)
  const { startPlay, submitAnswer, timeUp, next, retry } = useQuizStore.getState()

  useLoad((params) => {
    const req = parseRequest(params)
    if (req) startPlay(req)
    else useQuizStore.setState({ phase: { kind: 'error', message: '链接里的答题方式有误，无法开始。', code: 'INVALID_INPUT', retry: 'start', retryable: false }, request: null })
  })

  useUnload(() => {
    useQuizStore.getState().leave()
    if (process.env.TARO_ENV === 'weapp') Taro.disableAlertBeforeUnload?.()
  })

  // On weapp the system back button asks before leaving an unfinished round.
  const inProgress = round?.status === 'in_progress' && phase.kind !== 'finished'
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return
    if (inProgress) Taro.enableAlertBeforeUnload?.({ message: leaveMessage() })
    else Taro.disableAlertBeforeUnload?.()
  }, [inProgress])

  // A finished round goes to its review.
  useEffect(() => {
    if (phase.kind === 'finished') Taro.redirectTo({ url: resultUrl(phase.roundId) })
  }, [phase])

  const siteNames = useSiteNames(round?.practice?.kind === 'site' ? [round.practice.siteId] : [])
  const title = request ? (request.mode === 'practice' ? '专题练习' : QUIZ_MODE_LABELS[request.mode]) : '答题'
  const bar = <H5BackBar title={title} onBack={confirmLeave} />

  if (phase.kind === 'idle' || phase.kind === 'loading' || !round) {
    if (phase.kind === 'error') {
      return (
        <View>
          {bar}
          <ErrorState message={phase.message} onRetry={request && phase.retryable ? () => retry() : undefined} backText='返回' onBack={confirmLeave} />
        </View>
      )
    }
    return (
      <View>
        {bar}
        <Skeleton rows={2} label='正在准备题目' />
      </View>
    )
  }

  const index =
    phase.kind === 'question' || phase.kind === 'submitting' || phase.kind === 'waiting' || phase.kind === 'feedback' ? phase.index : round.current ?? round.answeredCount
  const item = round.items.find((i) => i.index === index)
  const isLast = index >= round.total - 1

  return (
    <View className='play'>
      {bar}
      <View className='play__head'>
        <View className='play__info'>
          <Text className='play__mode'>{round.mode === 'practice' ? practiceLabel(round.practice, (id) => siteNames[id]) : QUIZ_MODE_LABELS[round.mode]}</Text>
          <Text className='play__score'>{`得分 ${round.score} · 答对 ${round.correctCount}`}</Text>
          {round.mode === 'competition' && !round.ranked ? <Text className='play__note'>今天已答满计入排行的轮数，本轮为练习，不计入排行</Text> : null}
        </View>
        {round.timed && item?.deadlineAt && (phase.kind === 'question' || phase.kind === 'submitting') ? (
          <Countdown deadlineAt={item.deadlineAt} clockOffset={clockOffset} onExpire={() => timeUp()} />
        ) : null}
      </View>

      {phase.kind === 'error' ? <ErrorState message={phase.message} onRetry={phase.retryable ? () => retry() : undefined} backText='离开' onBack={confirmLeave} /> : null}
      {phase.kind === 'finishing' ? <Skeleton rows={1} label='正在计算成绩' /> : null}

      {item && phase.kind !== 'finishing' && phase.kind !== 'error' ? (
        <QuestionCard
          question={item.question}
          index={item.index}
          total={round.total}
          disabled={phase.kind !== 'question'}
          result={phase.kind === 'feedback' ? phase.result : null}
          busyText={phase.kind === 'submitting' ? '正在提交…' : phase.kind === 'waiting' ? '时间到，正在确认…' : undefined}
          onSubmit={(choice) => submitAnswer(choice)}
        />
      ) : null}

      {phase.kind === 'feedback' && item ? (
        <Feedback
          result={phase.result}
          question={item.question}
          timed={round.timed}
          nextText={isLast ? '交卷，看成绩' : '下一题'}
          onNext={() => next()}
          onOpenSite={(id) => Taro.navigateTo({ url: siteUrl(id) })}
        />
      ) : null}

      {phase.kind === 'question' || phase.kind === 'feedback' ? (
        <View className='play__leave'>
          <Btn onPress={confirmLeave}>暂时离开</Btn>
        </View>
      ) : null}
    </View>
  )
}
