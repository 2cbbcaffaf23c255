/** 竞答 tab: a placeholder until the quiz lands; says plainly that it is not built yet. */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Btn } from '../../shared/ui/Btn'
import './index.scss'

export default function QuizPage() {
  return (
    <View className='quiz-soon'>
      <View className='quiz-soon__title' role='heading' aria-level={1}>
        党史互动竞答
      </View>
      <Text className='quiz-soon__tag'>建设中</Text>
      <Text className='quiz-soon__text'>竞答功能还没有上线。上线后可以在这里参加每日答题、限时竞答和专题练习，查看错题本和排行榜。</Text>
      <Btn kind='primary' onPress={() => Taro.switchTab({ url: '/pages/explore/index' })}>
        先去看看研学线路
      </Btn>
    </View>
  )
}
