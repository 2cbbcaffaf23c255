/** The top of a route's page: name, area, stop count and estimated time, and its tags. */
import { Text, View } from '@tarojs/components'
import type { Route } from '../model'
import { formatMinutes } from '../../../shared/format'
import { Tag } from '../../../shared/ui/Tag'

export function RouteHero({ route }: { route: Route }) {
  return (
    <>
      <View className='route__hero'>
        <View className='route__name' role='heading' aria-level={1}>
          {route.name}
        </View>
        <Text className='route__area'>{route.area}</Text>
        <View className='route__stats'>
          <View className='route__stat'>
            <Text className='route__stat-num'>{route.stopCount}</Text>
            <Text className='route__stat-label'>站</Text>
          </View>
          <View className='route__stat'>
            <Text className='route__stat-num'>{formatMinutes(route.duration.minutes)}</Text>
            <Text className='route__stat-label'>预计用时</Text>
          </View>
        </View>
      </View>
      <View className='route__tags'>
        {route.curated ? <Tag tone='red'>本应用选编</Tag> : route.published ? <Tag tone='red'>公开发布线路</Tag> : <Tag tone='red'>资料所列线路</Tag>}
        <Tag tone='gold'>预计</Tag>
        {!route.verified ? <Tag tone='gold'>待核实</Tag> : null}
      </View>
    </>
  )
}
