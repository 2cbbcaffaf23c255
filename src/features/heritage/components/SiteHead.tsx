/** The top of a site's page under its cover: tags (district, category, periods, 待核实), the 待核实 note and the page's actions. */
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { CATEGORY_LABELS, type Site } from '../model'
import { Tag } from '../../../shared/ui/Tag'

export function SiteHead({ site, actions }: { site: Site; actions: ReactNode }) {
  return (
    <View className='site__head'>
      <View className='site__tags'>
        <Tag>{site.district ?? '县区不详'}</Tag>
        <Tag>{CATEGORY_LABELS[site.category]}</Tag>
        {site.periods.length ? site.periods.map((p) => <Tag key={p}>{p}</Tag>) : <Tag>时期不详</Tag>}
        {!site.verified ? <Tag tone='gold'>待核实</Tag> : null}
      </View>
      {!site.verified ? <Text className='site__warn'>本条目的来源均为待核实的线索类网页，内容仅供参考。</Text> : null}
      <View className='site__actions'>{actions}</View>
    </View>
  )
}
