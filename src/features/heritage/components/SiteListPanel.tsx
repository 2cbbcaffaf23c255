/** 探索 · 红色史迹: search, filters, and the site list loaded 20 at a time (加载更多 or scrolling). */
import { Text, View } from '@tarojs/components'
import { hasActiveFilters } from '../model'
import { openSite } from '../navigation'
import { useHeritageStore, type SiteListData } from '../store'
import { Btn } from '../../../shared/ui/Btn'
import { LoadStateView } from '../../../shared/ui/LoadStateView'
import { Pressable } from '../../../shared/ui/Pressable'
import { FilterBar } from './FilterBar'
import { SearchBar } from './SearchBar'
import { SiteCard } from './SiteCard'

function SiteList({ data, active }: { data: SiteListData; active: boolean }) {
  const loadMoreSites = useHeritageStore((s) => s.loadMoreSites)
  const { items, total, loadingMore, moreError } = data
  return (
    <View>
      <View className='explore__count' role='status'>
        {active ? `找到 ${total} 处史迹` : `共 ${total} 处红色史迹`}
      </View>
      {items.map((s) => (
        <SiteCard key={s.id} site={s} onOpen={(id) => openSite(id, s.name)} />
      ))}
      {/* The list's end is one stable node whose content changes: replacing the button by the
          footnote at this level made weapp re-send every card (all 50: 28 KB in one setData). */}
      <View className='explore__list-end'>
        {items.length < total ? (
          <View className='explore__more'>
            {moreError ? <Text className='explore__more-error'>{moreError}</Text> : null}
            <Btn disabled={loadingMore} onPress={() => loadMoreSites()}>
              {loadingMore ? '正在加载…' : `加载更多（还有 ${total - items.length} 处）`}
            </Btn>
          </View>
        ) : (
          <Text className='explore__footnote'>{`已显示全部 ${total} 处`}</Text>
        )}
      </View>
    </View>
  )
}

export function SiteListPanel() {
  const filters = useHeritageStore((s) => s.siteFilters)
  const siteList = useHeritageStore((s) => s.siteList)
  const setSiteFilters = useHeritageStore((s) => s.setSiteFilters)
  const clearSiteFilters = useHeritageStore((s) => s.clearSiteFilters)
  const loadSites = useHeritageStore((s) => s.loadSites)
  const active = hasActiveFilters(filters)
  const empty = active
    ? { message: '没有符合条件的史迹。可以换个关键词，或清除筛选再看看。', actionText: '清除筛选', onAction: () => void clearSiteFilters() }
    : { message: '暂时没有史迹资料。', actionText: '重新加载', onAction: () => void loadSites() }
  return (
    <View>
      <SearchBar value={filters.q} placeholder='搜索史迹名称、地址或拼音首字母' onSearch={(q) => setSiteFilters({ q })} />
      <FilterBar filters={filters} onChange={(patch) => setSiteFilters(patch)} />
      {active ? (
        <View className='explore__clear'>
          <Pressable className='explore__clear-link' onPress={() => clearSiteFilters()}>
            清除筛选
          </Pressable>
        </View>
      ) : null}
      <LoadStateView
        state={siteList}
        loadingLabel='正在加载红色史迹'
        rows={5}
        onRetry={() => loadSites()}
        isEmpty={(d) => !d.items.length}
        empty={empty}
        onRefresh={() => loadSites({ refresh: true })}
      >
        {(data) => <SiteList data={data} active={active} />}
      </LoadStateView>
    </View>
  )
}
