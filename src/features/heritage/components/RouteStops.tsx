/** A route's stops in order: a site stop opens its page; a stop outside the app's sites has no page. */
import { Text, View } from '@tarojs/components'
import type { RouteStop } from '../model'
import { openSite } from '../navigation'
import { Pressable } from '../../../shared/ui/Pressable'

export function RouteStops({ stops }: { stops: RouteStop[] }) {
  return (
    <View className='stops'>
      {stops.map((stop, i) =>
        stop.kind === 'site' ? (
          <Pressable key={`${i}-${stop.siteId}`} className='stops__item stops__item--link' role='link' onPress={() => openSite(stop.siteId, stop.name)}>
            <Text className='stops__index'>{i + 1}</Text>
            <View className='stops__body'>
              <Text className='stops__name'>{stop.name}</Text>
              <Text className='stops__meta'>{[stop.district ?? '县区不详', stop.town].filter(Boolean).join(' · ')}</Text>
            </View>
            <Text className='stops__arrow'>›</Text>
          </Pressable>
        ) : (
          <View key={`${i}-${stop.name}`} className='stops__item'>
            <Text className='stops__index stops__index--external'>{i + 1}</Text>
            <View className='stops__body'>
              <Text className='stops__name'>{stop.name}</Text>
              <Text className='stops__meta'>{stop.note ? `不在本应用收录的史迹中：${stop.note}` : '不在本应用收录的史迹中，暂无详情页'}</Text>
            </View>
          </View>
        )
      )}
    </View>
  )
}
