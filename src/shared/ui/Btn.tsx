/**
 * The app's button: Taro's Button styled by `.btn` classes, focusable on H5, and never writing
 * `disabled="false"` (Taro's H5 styles treat any disabled attribute as disabled and fade the
 * text below readable contrast).
 */
import { Button } from '@tarojs/components'
import type { ReactNode } from 'react'
import { keyboardProps } from './Pressable'

export interface BtnProps {
  kind?: 'primary' | 'secondary'
  block?: boolean
  className?: string
  disabled?: boolean
  /** weapp share button (`open-type="share"`). */
  openType?: 'share'
  onPress?: () => void
  children: ReactNode
}

export function Btn({ kind = 'secondary', block, className, disabled, openType, onPress, children }: BtnProps) {
  const cls = ['btn', `btn--${kind}`, block ? 'btn--block' : '', className ?? ''].filter(Boolean).join(' ')
  const press = () => {
    if (!disabled) onPress?.()
  }
  return (
    <Button className={cls} disabled={disabled || undefined} openType={openType} onClick={press} {...(disabled ? {} : keyboardProps(press))}>
      {children}
    </Button>
  )
}
