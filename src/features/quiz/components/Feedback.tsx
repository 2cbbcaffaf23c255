/**
 * The verdict on one question: right / wrong / 超时, points, the right answer, the explanation with
 * its sources named by publisher (never by domain; 待核实 when none may be shown), and a link to the
 * related heritage site where there is one.
 */
import { Text, View } from '@tarojs/components'
import { Btn } from '../../../shared/ui/Btn'
import { Pressable } from '../../../shared/ui/Pressable'
import { OPTION_LETTERS, type AnswerResult, type PublicQuestion } from '../model'
import './feedback.scss'

export function Feedback({
  result,
  question,
  timed,
  nextText,
  onNext,
  onOpenSite
}: {
  result: AnswerResult
  question: PublicQuestion
  timed: boolean
  nextText?: string
  onNext?: () => void
  onOpenSite?: (siteId: string) => void
}) {
  const verdict = result.timedOut ? '超时未作答' : result.correct ? '回答正确' : '回答错误'
  const right = result.correctChoice.map((i) => `${OPTION_LETTERS[i]}. ${question.options[i]}`).join('；')
  return (
    <View className={`feedback feedback--${result.correct ? 'right' : 'wrong'}`} role='status'>
      <View className='feedback__head'>
        <Text className='feedback__verdict'>{verdict}</Text>
        <Text className='feedback__score'>{`+${result.score} 分${timed && result.correct ? `（用时 ${(result.timeMs / 1000).toFixed(1)} 秒）` : ''}`}</Text>
      </View>
      <Text className='feedback__answer'>{`正确答案：${right}`}</Text>
      {result.explanation ? <Text className='feedback__explain'>{result.explanation}</Text> : null}
      {result.citations.length ? (
        <Text className='feedback__source'>{`来源：${result.citations.map((c) => c.label).join('、')}`}</Text>
      ) : (
        <Text className='feedback__source'>来源：待核实（本题暂无可展示的来源，不计入每日答题和竞答）</Text>
      )}
      {result.relatedSiteId && onOpenSite ? (
        <Pressable className='feedback__site' role='link' onPress={() => onOpenSite(result.relatedSiteId as string)}>
          查看相关红色史迹 ›
        </Pressable>
      ) : null}
      {onNext ? (
        <Btn kind='primary' block className='feedback__next' onPress={onNext}>
          {nextText ?? '下一题'}
        </Btn>
      ) : null}
    </View>
  )
}
