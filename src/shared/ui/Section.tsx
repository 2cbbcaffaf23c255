/** A titled card section of a detail page; its title is the app's one {@link Heading}. */
import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Heading } from './Heading'
import './section.scss'

export function Section({ title, children, extra }: { title: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <View className='section'>
      <Heading className='section__head' title={title} extra={extra} />
      {children}
    </View>
  )
}
