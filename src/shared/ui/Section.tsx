/** A titled card section of a detail page. */
import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './section.scss'

export function Section({ title, children, extra }: { title: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <View className='section'>
      <View className='section__head'>
        <View className='section__title' role='heading' aria-level={2}>
          {title}
        </View>
        {extra}
      </View>
      {children}
    </View>
  )
}
