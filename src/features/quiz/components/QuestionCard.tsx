/**
 * One question with its options (in the order the server gave this participant). Single choice and
 * true/false take one option, multiple choice several; nothing is sent until 确定, so a slip of the
 * finger costs nothing. After the verdict the right options and the participant's are marked.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { Btn } from '../../../shared/ui/Btn'
import { Pressable } from '../../../shared/ui/Pressable'
import { OPTION_LETTERS, QUESTION_TYPE_LABELS, type AnswerResult, type PublicQuestion } from '../model'
import './question-card.scss'

export function QuestionCard({
  question,
  index,
  total,
  disabled,
  result,
  busyText,
  onSubmit
}: {
  question: PublicQuestion
  /** 0-based position in the round. */
  index: number
  total: number
  disabled: boolean
  /** The verdict, once known: options are then marked right / wrong. */
  result?: AnswerResult | null
  /** Shown on the submit button while sending, e.g. 正在提交…. */
  busyText?: string
  onSubmit: (choice: number[]) => void
}) {
  const [chosen, setChosen] = useState<number[]>([])
  useEffect(() => setChosen([]), [question.id])
  const multiple = question.type === 'multiple'
  const locked = disabled || !!result
  const pick = (i: number) => {
    if (locked) return
    setChosen((cur) => (multiple ? (cur.includes(i) ? cur.filter((x) => x !== i) : [...cur, i].sort((a, b) => a - b)) : [i]))
  }
  // After the verdict only what the server accepted counts (a timed-out question has no choice).
  const shownChoice = result ? (result.choice ?? []) : chosen
  return (
    <View className='question'>
      <View className='question__meta'>
        <Text className='question__progress'>{`第 ${index + 1} / ${total} 题`}</Text>
        <Text className='question__type'>{QUESTION_TYPE_LABELS[question.type]}</Text>
      </View>
      <Text className='question__text'>{question.text}</Text>
      {multiple ? <Text className='question__hint'>多选题：选出全部正确选项</Text> : null}
      <View className='question__options' role={multiple ? 'group' : 'radiogroup'}>
        {question.options.map((opt, i) => {
          const selected = shownChoice.includes(i)
          const right = result ? result.correctChoice.includes(i) : false
          const cls = ['option', selected ? 'option--selected' : '', result && right ? 'option--right' : '', result && selected && !right ? 'option--wrong' : ''].filter(Boolean).join(' ')
          return (
            <Pressable key={`${question.id}-${i}`} className={cls} role={multiple ? 'checkbox' : 'radio'} selected={selected} onPress={() => pick(i)}>
              <Text className='option__letter'>{OPTION_LETTERS[i]}</Text>
              <Text className='option__text'>{opt}</Text>
              {result && right ? <Text className='option__mark'>正确答案</Text> : result && selected ? <Text className='option__mark'>你的选择</Text> : selected ? <Text className='option__mark'>已选</Text> : null}
            </Pressable>
          )
        })}
      </View>
      {!result ? (
        <Btn kind='primary' block disabled={locked || chosen.length === 0} onPress={() => onSubmit(chosen)}>
          {busyText ?? (chosen.length ? '确定' : multiple ? '请选择选项（可多选）' : '请选择一个选项')}
        </Btn>
      ) : null}
    </View>
  )
}
