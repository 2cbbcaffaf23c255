/** A site's dated facts as a timeline (year, event, and the sources of each fact). */
import { Text, View } from '@tarojs/components'
import { hostOf } from '../../../shared/format'
import type { Fact } from '../model'
import './detail.scss'

export function FactTimeline({ facts }: { facts: Fact[] }) {
  if (!facts.length) {
    return <Text className='detail__missing'>暂无有年份的史实资料（待补充）。</Text>
  }
  const sorted = [...facts].sort((a, b) => a.year - b.year)
  return (
    <View className='timeline'>
      {sorted.map((f, i) => (
        <View className='timeline__item' key={`${f.year}-${i}`}>
          <Text className='timeline__year'>{`${f.year}年`}</Text>
          <View className='timeline__body'>
            <Text className='timeline__event'>{f.event}</Text>
            <Text className='timeline__source'>{`来源：${f.sources.map(hostOf).join('、')}`}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
