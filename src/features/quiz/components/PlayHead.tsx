/** The top of the play page: what is played, the score so far, the 竞答 practice note, and the countdown of a timed question. */
import { Text, View } from '@tarojs/components'
import { practiceLabel, QUIZ_MODE_LABELS, type Round, type RoundItem } from '../model'
import { useQuizStore } from '../store'
import { Countdown } from './Countdown'

export function PlayHead({ round, item, counting, siteName }: { round: Round; item?: RoundItem; counting: boolean; siteName: (id: string) => string | undefined }) {
  const clockOffset = useQuizStore((s) => s.clockOffset)
  const timeUp = useQuizStore((s) => s.timeUp)
  return (
    <View className='play__head'>
      <View className='play__info'>
        <Text className='play__mode'>{round.mode === 'practice' ? practiceLabel(round.practice, siteName) : QUIZ_MODE_LABELS[round.mode]}</Text>
        <Text className='play__score'>{`得分 ${round.score} · 答对 ${round.correctCount}`}</Text>
        {round.mode === 'competition' && !round.ranked ? <Text className='play__note'>今天已答满计入排行的轮数，本轮为练习，不计入排行</Text> : null}
      </View>
      {round.timed && item?.deadlineAt && counting ? <Countdown deadlineAt={item.deadlineAt} clockOffset={clockOffset} onExpire={() => timeUp()} /> : null}
    </View>
  )
}
