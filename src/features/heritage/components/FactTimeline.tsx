/** A site's dated facts as a timeline (year, event, and the sources of each fact, by label). */
import { Text, View } from '@tarojs/components'
import type { Fact, Source } from '../model'
import './detail.scss'

export function FactTimeline({ facts, sources = [] }: { facts: Fact[]; sources?: Source[] }) {
  if (!facts.length) {
    return <Text className='detail__missing'>暂无有年份的史实资料（待补充）。</Text>
  }
  const labelOf = new Map(sources.filter((s) => s.showable && s.label).map((s) => [s.url, s.label as string]))
  const sorted = [...facts].sort((a, b) => a.year - b.year)
  return (
    <View className='timeline'>
      {sorted.map((f, i) => {
        const labels = [...new Set(f.sources.flatMap((u) => (labelOf.has(u) ? [labelOf.get(u) as string] : [])))]
        return (
          <View className='timeline__item' key={`${f.year}-${i}`}>
            <Text className='timeline__year'>{`${f.year}年`}</Text>
            <View className='timeline__body'>
              <Text className='timeline__event'>{f.event}</Text>
              {labels.length ? <Text className='timeline__source'>{`来源：${labels.join('、')}`}</Text> : null}
            </View>
          </View>
        )
      })}
    </View>
  )
}
