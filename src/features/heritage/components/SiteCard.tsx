/** One site in a list: name, district, category and period tags; taps open the site page. */
import { Text, View } from '@tarojs/components'
import { Tag } from '../../../shared/ui/Tag'
import { CATEGORY_LABELS, UNKNOWN_LABEL, type SiteSummary } from '../model'
import './cards.scss'
import { Pressable } from '../../../shared/ui/Pressable'

export function SiteCard({ site, onOpen }: { site: SiteSummary; onOpen: (id: string) => void }) {
  const place = [site.district ?? '县区不详', site.town].filter(Boolean).join(' · ')
  return (
    <Pressable className='card card--link site-card' role='link' onPress={() => onOpen(site.id)}>
      <Text className='card__title'>{site.name}</Text>
      <Text className='card__meta'>{place}</Text>
      <View className='card__tags'>
        <Tag>{CATEGORY_LABELS[site.category]}</Tag>
        {site.periods.length ? site.periods.map((p) => <Tag key={p}>{p}</Tag>) : <Tag>{`时期${UNKNOWN_LABEL}`}</Tag>}
        {!site.verified ? <Tag tone='gold'>待核实</Tag> : null}
      </View>
    </Pressable>
  )
}
