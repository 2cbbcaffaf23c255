/**
 * The loading, empty and error states every list and detail page shows (shared/ui-style.md):
 * a skeleton while loading, a short sentence with an action when empty, and what happened plus
 * 重试 on error.
 */
import { Text, View } from '@tarojs/components'
import { Btn } from './Btn'
import './state-view.scss'

/** Grey placeholder rows while the first load runs. `rows` is the number of card-shaped blocks. */
export function Skeleton({ rows = 4, label = '正在加载' }: { rows?: number; label?: string }) {
  return (
    <View className='skeleton' aria-busy='true' aria-label={label}>
      <Text className='skeleton__label'>{label}…</Text>
      {Array.from({ length: rows }, (_, i) => (
        <View key={i} className='skeleton__card'>
          <View className='skeleton__line skeleton__line--title' />
          <View className='skeleton__line' />
          <View className='skeleton__line skeleton__line--short' />
        </View>
      ))}
    </View>
  )
}

/** An empty result: what is (not) there, and one action such as 清除筛选. */
export function EmptyState({ message, actionText, onAction }: { message: string; actionText: string; onAction: () => void }) {
  return (
    <View className='state state--empty' role='status'>
      <Text className='state__message'>{message}</Text>
      <Btn className='state__action' onPress={onAction}>
        {actionText}
      </Btn>
    </View>
  )
}

/** A failed load with nothing to show: the message (what happened, what to do) and 重试. */
export function ErrorState({ message, onRetry, backText, onBack }: { message: string; onRetry?: () => void; backText?: string; onBack?: () => void }) {
  return (
    <View className='state state--error' role='alert'>
      <Text className='state__message'>{message}</Text>
      <View className='state__actions'>
        {onRetry ? (
          <Btn kind='primary' onPress={onRetry}>
            重试
          </Btn>
        ) : null}
        {onBack ? (
          <Btn onPress={onBack}>{backText || '返回'}</Btn>
        ) : null}
      </View>
    </View>
  )
}
