/**
 * A tappable area (card, tile, link, tab). On weapp it is a plain View with a tap handler and a
 * role for the screen reader; on H5 it also takes keyboard focus and answers Enter and Space, so
 * the page can be used without a touch screen. Its accessible name is its visible text.
 */
import { View } from '@tarojs/components'
import type { ReactNode } from 'react'

export interface PressableProps {
  className?: string
  role?: 'button' | 'link' | 'tab' | 'radio' | 'checkbox'
  /** For `role='tab'`: whether this tab is the selected one; for `radio`/`checkbox`: whether it is checked. */
  selected?: boolean
  onPress: () => void
  children: ReactNode
}

/** Props that make an element keyboard-operable on H5 (no-ops on weapp, where they are left out). */
export function keyboardProps(onPress: () => void): Record<string, unknown> {
  if (process.env.TARO_ENV !== 'h5') return {}
  return {
    tabIndex: 0,
    onKeyDown: (e: { key?: string; preventDefault?: () => void }) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault?.()
        onPress()
      }
    }
  }
}

export function Pressable({ className, role = 'button', selected, onPress, children }: PressableProps) {
  const state = selected ? 'true' : 'false'
  const extra = role === 'tab' ? { 'aria-selected': state } : role === 'radio' || role === 'checkbox' ? { 'aria-checked': state } : {}
  return (
    <View className={className} role={role} onClick={onPress} {...extra} {...keyboardProps(onPress)}>
      {children}
    </View>
  )
}
