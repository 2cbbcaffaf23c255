/**
 * Playing a round: 每日答题 and 专题练习 untimed with explanations after each answer; 竞答 with a
 * 20-second countdown per question (the server's clock decides). Leaving mid-round asks first; the
 * round stays open and resumes where it was, its clock having run on.
 */
import Taro, { useDidHide, useDidShow, useLoad, useUnload } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { Feedback } from '../../../features/quiz/components/Feedback'
import { QuestionCard } from '../../../features/quiz/components/QuestionCard'
import { PlayHead } from '../../../features/quiz/components/PlayHead'
import { QUIZ_MODE_LABELS } from '../../../features/quiz/model'
import { parsePlayRequest } from '../../../features/quiz/play-request'
import { go, resultUrl, siteUrl } from '../../../features/quiz/navigation'
import { useQuizStore } from '../../../features/quiz/store'
import { PAGES } from '../../../shared/paths'
import { Btn } from '../../../shared/ui/Btn'
import { H5BackBar } from '../../../shared/ui/H5BackBar'
import { ErrorState, Skeleton } from '../../../shared/ui/StateView'
import { confirmDialog } from '../../../shared/ui/dialog'
import { goBackOr } from '../../../shared/navigation'
import { guardBrowserBack } from '../../../shared/back-guard'
import { useSiteNames } from '../../../features/heritage/hooks'
import './index.scss'

const LEAVE_TIMED = '本轮还没有答完。离开后计时不会暂停，回来可以接着答。确定离开吗？'
const LEAVE_UNTIMED = '本轮还没有答完，可以从“答题记录”回来接着答；如果先开始同一类的新一轮，本轮会按已答的题结束。确定离开吗？'

function leaveMessage() {
  return useQuizStore.getState().round?.timed ? LEAVE_TIMED : LEAVE_UNTIMED
}

/** Whether to leave: asks while the round is unfinished. */
async function askLeave(): Promise<boolean> {
  const st = useQuizStore.getState()
  const inProgress = st.round?.status === 'in_progress' && st.phase.kind !== 'finished'
  if (!inProgress) return true
  return confirmDialog({ title: '确定离开本轮？', content: leaveMessage(), confirmText: '离开', cancelText: '继续答题' })
}

async function confirmLeave() {
  if (await askLeave()) goBackOr(PAGES.quiz)
}

export default function PlayPage() {
  const round = useQuizStore((s) => s.round)
  const phase = useQuizStore((s) => s.phase)
  const request = useQuizStore((s) => s.request)
  const { startPlay, rejectRequest, submitAnswer, next, retry } = useQuizStore.getState()

  useLoad((params) => {
    const req = parsePlayRequest(params)
    if (req) void startPlay(req)
    else rejectRequest('链接里的答题方式有误，无法开始。')
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

  // On H5 the browser's back button asks the same question as 暂时离开.
  // (Held only while this page shows: opening another page from here releases it.)
  const [shown, setShown] = useState(true)
  useDidShow(() => setShown(true))
  useDidHide(() => setShown(false))
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || !inProgress || !shown) return
    return guardBrowserBack(askLeave)
  }, [inProgress, shown])

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
    <View className={`play${phase.kind === 'feedback' ? ' play--with-bar' : ''}`}>
      {bar}
      <PlayHead round={round} item={item} counting={phase.kind === 'question' || phase.kind === 'submitting'} siteName={(id) => siteNames[id]} />

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
          onOpenSite={(id) => go(siteUrl(id))}
        />
      ) : null}

      {/* The next action stays on screen, however long the question and its explanation. */}
      {phase.kind === 'feedback' && item ? (
        <View className='play__bar'>
          <Btn kind='primary' block className='play__next' onPress={() => next()}>
            {isLast ? '交卷，看成绩' : '下一题'}
          </Btn>
        </View>
      ) : null}

      {phase.kind === 'question' || phase.kind === 'feedback' ? (
        <View className='play__leave'>
          <Btn onPress={confirmLeave}>暂时离开</Btn>
        </View>
      ) : null}
    </View>
  )
}
