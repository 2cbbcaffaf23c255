/** 所属研学线路 on a site's page: the routes that include the site (from the route list). */
import { Text } from '@tarojs/components'
import type { Site } from '../model'
import { openRoute } from '../navigation'
import { useHeritageStore } from '../store'
import { Pressable } from '../../../shared/ui/Pressable'
import { Section } from '../../../shared/ui/Section'

export function SiteRoutes({ site }: { site: Site }) {
  const routeList = useHeritageStore((s) => s.routeList)
  const routes = routeList.status === 'ready' ? routeList.data.filter((r) => site.routeIds.includes(r.id)) : []
  return (
    <Section title='所属研学线路'>
      {routes.length ? (
        routes.map((r) => (
          <Pressable key={r.id} className='site__route' role='link' onPress={() => openRoute(r.id, r.name)}>
            <Text className='site__route-name'>{r.name}</Text>
            <Text className='site__route-meta'>{`${r.stopCount} 站 ›`}</Text>
          </Pressable>
        ))
      ) : routeList.status === 'error' ? (
        <Text className='site__missing'>线路加载失败，下拉可重试。</Text>
      ) : (
        <Text className='site__missing'>{routeList.status === 'ready' ? '暂未收入研学线路。' : '正在加载…'}</Text>
      )}
    </Section>
  )
}
