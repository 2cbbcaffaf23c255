/**
 * A generated cover for a site with no sourced photo: its name on a red gradient with the
 * category's label. Clearly not a photograph (shared/ui-style.md, Images).
 */
import { Text, View } from '@tarojs/components'
import { CATEGORY_LABELS, type CategoryId } from '../model'
import './site-cover.scss'

export function SiteCover({ name, category }: { name: string; category: CategoryId }) {
  return (
    <View className='site-cover' role='img' aria-label={`${name}（示意封面，非照片）`}>
      <Text className='site-cover__category'>{CATEGORY_LABELS[category]}</Text>
      <Text className='site-cover__name'>{name}</Text>
      <Text className='site-cover__note'>示意封面 · 暂无经核实的照片</Text>
    </View>
  )
}
