/**
 * The one section heading of the app (shared/ui-style.md: one visual language): a red rule, the
 * title at list-title size, and an optional action on the right (全部线路 ›). Used inside cards by
 * {@link Section} and, with `inset`, on the page background between cards.
 */
import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './heading.scss'

export function Heading({ title, extra, inset, className }: { title: string; extra?: ReactNode; inset?: boolean; className?: string }) {
  const cls = ['heading', inset ? 'heading--inset' : '', className ?? ''].filter(Boolean).join(' ')
  return (
    <View className={cls}>
      {/* `section__title` kept as the heading's hook for tests and older selectors. */}
      <View className='heading__title section__title' role='heading' aria-level={2}>
        {title}
      </View>
      {extra}
    </View>
  )
}
