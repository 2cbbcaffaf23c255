/**
 * Leaderboards: daily, weekly (Mon–Sun) and all-time, for people and for work units. The
 * participant's own rank shows even outside the top 100, with the entries just above and below.
 * Nobody appears before agreeing; agreeing and withdrawing are here.
 */
import Taro, { useLoad, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { BoardView, type BoardKind } from '../../../features/quiz/components/BoardView'
import { ConsentPanel } from '../../../features/quiz/components/ConsentPanel'
import { BOARD_PERIOD_LABELS, BOARD_PERIODS, type BoardPeriod } from '../../../features/quiz/model'
import { useQuizStore } from '../../../features/quiz/store'
import { useMeStore } from '../../../features/me/store'
import { readParam } from '../../../shared/params'
import { PAGES } from '../../../shared/paths'
import { H5BackBar } from '../../../shared/ui/H5BackBar'
import { Pressable } from '../../../shared/ui/Pressable'
import { goBackOr } from '../../../shared/navigation'
import './index.scss'

const KINDS = [
  ['people', '个人'],
  ['units', '单位']
] as const

function Tabs<K extends string>({ tabs, value, onChange, className }: { tabs: readonly (readonly [K, string])[]; value: K; onChange: (k: K) => void; className: string }) {
  return (
    <View className={className} role='tablist'>
      {tabs.map(([k, label]) => (
        <Pressable key={k} role='tab' selected={k === value} className={`board__tab${k === value ? ' board__tab--active' : ''}`} onPress={() => onChange(k)}>
          {label}
        </Pressable>
      ))}
    </View>
  )
}

export default function BoardPage() {
  const [period, setPeriod] = useState<BoardPeriod>('day')
  const [kind, setKind] = useState<BoardKind>('people')
  const consent = useQuizStore((s) => s.consent)
  const loadBoard = useQuizStore((s) => s.loadBoard)
  const profile = useMeStore((s) => s.profile)
  useLoad((params) => {
    const p = readParam(params, 'period') as BoardPeriod
    if ((BOARD_PERIODS as readonly string[]).includes(p)) setPeriod(p)
    void useQuizStore.getState().loadConsent()
    void useMeStore.getState().loadProfile()
  })
  useEffect(() => {
    void loadBoard(period, kind)
  }, [period, kind])
  useEffect(() => {
    // reload after agreeing / withdrawing (boards were cleared)
    if (consent.status === 'ready') void loadBoard(period, kind)
  }, [consent])
  usePullDownRefresh(async () => {
    try {
      await loadBoard(period, kind, { refresh: true })
    } catch (err) {
      Taro.showToast({ title: (err as Error).message || '刷新失败', icon: 'none' })
    } finally {
      Taro.stopPullDownRefresh()
    }
  })
  return (
    <View className='board'>
      <H5BackBar title='排行榜' onBack={() => goBackOr(PAGES.quiz)} />
      <ConsentPanel defaults={profile.status === 'ready' ? profile.data : null} />
      <Tabs className='board__tabs' tabs={BOARD_PERIODS.map((p) => [p, BOARD_PERIOD_LABELS[p]] as const)} value={period} onChange={setPeriod} />
      <Tabs className='board__tabs board__tabs--kind' tabs={KINDS} value={kind} onChange={setKind} />
      <BoardView period={period} kind={kind} />
      <Text className='board__footnote'>排名先比得分，同分用时少者在前，再相同先完成者在前。标“示例数据”的是演示用的虚拟参与者，不是真实人员。</Text>
    </View>
  )
}
