/**
 * A one-line notice at the top of a page, e.g. 网络不可用，已显示上次保存的内容 · 重试.
 */
import { Text, View } from '@tarojs/components'
import './banner.scss'
import { Pressable } from './Pressable'

export function Banner({ message, actionText, onAction, tone = 'info' }: { message: string; actionText?: string; onAction?: () => void; tone?: 'info' | 'warn' }) {
  return (
    <View className={`banner banner--${tone}`} role='status'>
      <Text className='banner__text'>{message}</Text>
      {actionText && onAction ? (
        <Pressable className='banner__action' onPress={onAction}>
          {actionText}
        </Pressable>
      ) : null}
    </View>
  )
}
