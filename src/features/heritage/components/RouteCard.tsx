/** One route in a list: name, area, theme, number of stops and the estimated duration. */
import { Text, View } from '@tarojs/components'
import { formatMinutes } from '../../../shared/format'
import { Tag } from '../../../shared/ui/Tag'
import type { RouteSummary } from '../model'
import './cards.scss'
import { Pressable } from '../../../shared/ui/Pressable'

export function RouteCard({ route, onOpen }: { route: RouteSummary; onOpen: (id: string) => void }) {
  return (
    <Pressable className='card card--link route-card' role='link' onPress={() => onOpen(route.id)}>
      <Text className='card__title'>{route.name}</Text>
      <Text className='card__meta'>{route.area}</Text>
      <Text className='card__body'>{route.theme}</Text>
      <View className='card__facts'>
        <Text className='card__fact'>{`${route.stopCount} 站`}</Text>
        <Text className='card__fact'>{`预计 ${formatMinutes(route.durationMinutes)}`}</Text>
      </View>
      <View className='card__tags'>
        {route.curated ? <Tag tone='red'>本应用选编</Tag> : route.published ? <Tag tone='red'>公开发布线路</Tag> : <Tag tone='red'>资料所列线路</Tag>}
        {!route.verified ? <Tag tone='gold'>待核实</Tag> : null}
      </View>
    </Pressable>
  )
}
