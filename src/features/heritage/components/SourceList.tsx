/**
 * The sources a page cites, as people cite them: the publisher's Chinese name with a plain-words
 * grade (泉州晚报 · 官方或主流媒体, 闽南网（转载）), never a bare domain. Only sources fit to show are
 * listed; the others (copies whose publisher is unknown, AI compilations, forums …) stay in the
 * data only. Tapping one copies its best link (the original page where known; a mini-program cannot
 * open outside web pages); a copy on an unrelated site is never offered as a link.
 */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Source } from '../model'
import './detail.scss'
import { Pressable } from '../../../shared/ui/Pressable'

/** The sources that may be shown, in the data's order. */
export function shownSources(sources: readonly Source[]): Source[] {
  return sources.filter((s) => s.showable && !!s.label)
}

/** Said when a page has no source fit to show. */
export const NO_SHOWN_SOURCE = '暂无可展示的来源：现有资料只是待核实的线索，内容仅供参考。'

export function SourceList({ sources }: { sources: Source[] }) {
  const shown = shownSources(sources)
  if (!shown.length) return <Text className='detail__missing'>{NO_SHOWN_SOURCE}</Text>
  return (
    <View className='sources'>
      {shown.map((s) =>
        s.link ? (
          <Pressable
            key={s.url}
            className='sources__item'
            onPress={() => {
              Taro.setClipboardData({ data: s.link as string }).catch(() => undefined)
            }}
          >
            <Text className='sources__title'>{s.label}</Text>
            <Text className='sources__meta'>点按复制原文链接</Text>
          </Pressable>
        ) : (
          <View key={s.url} className='sources__item'>
            <Text className='sources__title'>{s.label}</Text>
            <Text className='sources__meta'>原文链接暂缺</Text>
          </View>
        )
      )}
    </View>
  )
}
