/**
 * A back bar for detail pages in the H5 build, which has no native navigation bar: 返回 and the
 * page's title. Renders nothing on weapp, where WeChat draws the bar.
 */
import { Text, View } from '@tarojs/components'
import { Pressable } from './Pressable'
import './h5-back-bar.scss'

export function H5BackBar({ title, onBack }: { title: string; onBack: () => void }) {
  if (process.env.TARO_ENV !== 'h5') return null
  return (
    <View className='h5-back-bar'>
      <Pressable className='h5-back-bar__back' role='link' onPress={onBack}>
        ‹ 返回
      </Pressable>
      <Text className='h5-back-bar__title'>{title}</Text>
    </View>
  )
}
