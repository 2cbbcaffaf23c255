/**
 * The sources a page cites, each with its title, host and reliability tier; tapping one copies
 * its address (a mini-program cannot open outside web pages).
 */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { hostOf } from '../../../shared/format'
import type { Source } from '../model'
import './detail.scss'
import { Pressable } from '../../../shared/ui/Pressable'

const TIER_LABEL: Record<Source['tier'], string> = { A: '官方或主流媒体报道（含转载）', B: '资料库或转载', C: '线索，待核实' }

export function SourceList({ sources }: { sources: Source[] }) {
  return (
    <View className='sources'>
      {sources.map((s) => (
        <Pressable
          key={s.url}
          className='sources__item'
          onPress={() => {
            Taro.setClipboardData({ data: s.url }).catch(() => undefined)
          }}
        >
          <Text className='sources__title'>{s.title || hostOf(s.url)}</Text>
          <Text className='sources__meta'>{`${hostOf(s.url)} · ${TIER_LABEL[s.tier]} · 点按复制链接`}</Text>
        </Pressable>
      ))}
    </View>
  )
}
