/** ☆ 收藏 / ★ 已收藏 for a site: toggles it in the favourites and says so. */
import Taro from '@tarojs/taro'
import { useMeStore } from '../store'
import { Btn } from '../../../shared/ui/Btn'

export function FavouriteButton({ siteId }: { siteId: string }) {
  const favourites = useMeStore((s) => s.favourites)
  const toggleFavourite = useMeStore((s) => s.toggleFavourite)
  const isFav = favourites.status === 'ready' && favourites.data.includes(siteId)
  const onPress = async () => {
    try {
      const on = await toggleFavourite(siteId)
      Taro.showToast({ title: on ? '已收藏' : '已取消收藏', icon: 'none' })
    } catch (err) {
      Taro.showToast({ title: (err as Error).message || '操作失败，请重试', icon: 'none' })
    }
  }
  return (
    <Btn kind={isFav ? 'primary' : 'secondary'} onPress={onPress}>
      {isFav ? '★ 已收藏' : '☆ 收藏'}
    </Btn>
  )
}
