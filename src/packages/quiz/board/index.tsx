/**
 * Leaderboards: daily, weekly (Mon–Sun) and all-time, for people and for work units. The
 * participant's own rank shows even outside the top 100, with the entries just above and below.
 * Nobody appears before agreeing; agreeing and withdrawing are here.
 */
import Taro, { useLoad, usePullDownRefresh } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { BOARD_PERIOD_LABELS, BOARD_PERIODS, formatTimeUsed, type BoardPeriod, type LeaderboardEntry, type UnitBoardEntry } from '../../../features/quiz/model'
import { useQuizStore } from '../../../features/quiz/store'
import { useMeStore } from '../../../features/me/store'
import { NICKNAME_MAX, UNIT_MAX } from '../../../features/me/model'
import { readParam } from '../../../shared/params'
import { Btn } from '../../../shared/ui/Btn'
import { H5BackBar } from '../../../shared/ui/H5BackBar'
import { Pressable } from '../../../shared/ui/Pressable'
import { Section } from '../../../shared/ui/Section'
import { EmptyState, ErrorState, Skeleton } from '../../../shared/ui/StateView'
import { Tag } from '../../../shared/ui/Tag'
import { confirmDialog } from '../../../shared/ui/dialog'
import { goBackOr } from '../../../shared/navigation'
import './index.scss'

type Kind = 'people' | 'units'

function PersonRow({ e }: { e: LeaderboardEntry }) {
  return (
    <View className={`board-row${e.isMe ? ' board-row--me' : ''}`}>
      <Text className='board-row__rank'>{e.rank}</Text>
      <View className='board-row__who'>
        <Text className='board-row__name'>{e.isMe ? `${e.nickname}（我）` : e.nickname}</Text>
        <Text className='board-row__unit'>{e.unit || '未填单位'}</Text>
        {e.demo ? <Tag tone='gold'>示例数据</Tag> : null}
      </View>
      <View className='board-row__score'>
        <Text className='board-row__points'>{`${e.score} 分`}</Text>
        <Text className='board-row__time'>{formatTimeUsed(e.timeMs)}</Text>
      </View>
    </View>
  )
}

function UnitRow({ e }: { e: UnitBoardEntry }) {
  return (
    <View className={`board-row${e.isMine ? ' board-row--me' : ''}`}>
      <Text className='board-row__rank'>{e.rank}</Text>
      <View className='board-row__who'>
        <Text className='board-row__name'>{e.isMine ? `${e.unit}（我的单位）` : e.unit}</Text>
        <Text className='board-row__unit'>{`${e.participantCount} 人参与`}</Text>
        {e.demo ? <Tag tone='gold'>示例数据</Tag> : null}
      </View>
      <View className='board-row__score'>
        <Text className='board-row__points'>{`平均 ${e.meanScore.toFixed(1)} 分`}</Text>
      </View>
    </View>
  )
}

function ConsentPanel() {
  const consent = useQuizStore((s) => s.consent)
  const profile = useMeStore((s) => s.profile)
  const [nickname, setNickname] = useState('')
  const [unit, setUnit] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    if (profile.status === 'ready') {
      setNickname((n) => n || profile.data.nickname)
      setUnit((u) => u || profile.data.unit)
    }
  }, [profile])
  if (consent.status !== 'ready') return null
  if (consent.data.agreed) {
    return (
      <View className='consent'>
        <Text className='consent__text'>{`你已同意以“${consent.data.nickname}”${consent.data.unit ? `（${consent.data.unit}）` : ''}显示在排行榜上。`}</Text>
        <Btn
          onPress={async () => {
            const ok = await confirmDialog({ title: '撤回同意？', content: '撤回后，你的昵称和单位将从所有排行榜中移除。', confirmText: '撤回' })
            if (!ok) return
            try {
              await useQuizStore.getState().withdraw()
              Taro.showToast({ title: '已从排行榜移除', icon: 'none' })
            } catch (err) {
              Taro.showToast({ title: (err as Error).message || '操作失败，请重试', icon: 'none' })
            }
          }}
        >
          撤回同意
        </Btn>
      </View>
    )
  }
  return (
    <View className='consent'>
      <Text className='consent__text'>你的成绩还没有显示在排行榜上。同意后，排行榜会显示你的昵称和单位，随时可以撤回。</Text>
      <Input className='consent__input' value={nickname} maxlength={NICKNAME_MAX * 2} placeholder='昵称（必填）' placeholderClass='consent__placeholder' ariaLabel='排行榜昵称' onInput={(e) => setNickname(e.detail.value)} />
      {errors.nickname ? (
        <View className='consent__error' role='alert'>
          {errors.nickname}
        </View>
      ) : null}
      <Input className='consent__input' value={unit} maxlength={UNIT_MAX * 2} placeholder='单位 / 支部 / 学校（选填，用于单位榜）' placeholderClass='consent__placeholder' ariaLabel='单位、支部或学校' onInput={(e) => setUnit(e.detail.value)} />
      {errors.unit ? (
        <View className='consent__error' role='alert'>
          {errors.unit}
        </View>
      ) : null}
      <Btn
        kind='primary'
        disabled={busy}
        onPress={async () => {
          setBusy(true)
          try {
            await useQuizStore.getState().agree(nickname, unit)
            setErrors({})
            Taro.showToast({ title: '已同意，成绩将显示在排行榜上', icon: 'none' })
          } catch (err) {
            const e = err as { message?: string; fields?: Record<string, string> }
            setErrors(e.fields && Object.keys(e.fields).length ? e.fields : { nickname: e.message || '保存失败，请重试' })
          } finally {
            setBusy(false)
          }
        }}
      >
        同意显示我的昵称和单位
      </Btn>
    </View>
  )
}

function Board({ period, kind }: { period: BoardPeriod; kind: Kind }) {
  const people = useQuizStore((s) => s.boards[period])
  const units = useQuizStore((s) => s.unitBoards[period])
  const state = kind === 'people' ? people : units
  const reload = () => useQuizStore.getState().loadBoard(period, kind)
  if (!state || state.status === 'idle' || state.status === 'loading') return <Skeleton rows={4} label='正在加载排行榜' />
  if (state.status === 'error') return <ErrorState message={state.message} onRetry={reload} />
  if (kind === 'people') {
    const v = state.data as import('../../../features/quiz/model').LeaderboardView
    const meInTop = v.me && v.entries.some((e) => e.isMe)
    return (
      <View>
        <Text className='board__total'>{`共 ${v.total} 人上榜 · 显示前 ${v.entries.length} 名`}</Text>
        {v.me && !meInTop ? (
          <Section title={`我的排名：第 ${v.me.rank} 名`}>
            {[...v.neighbours.above, v.me, ...v.neighbours.below].map((e) => (
              <PersonRow key={`n-${e.rank}`} e={e} />
            ))}
          </Section>
        ) : null}
        {!v.me ? <Text className='board__me-note'>{v.consented ? '你在这个时段还没有计入排行的成绩。' : '你还没有同意上榜，所以榜上没有你的成绩。'}</Text> : null}
        {v.entries.length ? v.entries.map((e) => <PersonRow key={e.rank} e={e} />) : <EmptyState message='这个时段还没有人上榜。' />}
      </View>
    )
  }
  const v = state.data as import('../../../features/quiz/model').UnitLeaderboardView
  const mineInTop = v.mine && v.entries.some((e) => e.isMine)
  return (
    <View>
      <Text className='board__total'>{`共 ${v.total} 个单位 · 按成员平均分排名`}</Text>
      {v.mine && !mineInTop ? (
        <Section title={`我的单位：第 ${v.mine.rank} 名`}>
          {[...v.neighbours.above, v.mine, ...v.neighbours.below].map((e) => (
            <UnitRow key={`n-${e.rank}`} e={e} />
          ))}
        </Section>
      ) : null}
      {v.entries.length ? v.entries.map((e) => <UnitRow key={e.rank} e={e} />) : <EmptyState message='这个时段还没有单位上榜。' />}
    </View>
  )
}

export default function BoardPage() {
  const [period, setPeriod] = useState<BoardPeriod>('day')
  const [kind, setKind] = useState<Kind>('people')
  useLoad((params) => {
    const p = readParam(params, 'period') as BoardPeriod
    if ((BOARD_PERIODS as readonly string[]).includes(p)) setPeriod(p)
    useQuizStore.getState().loadConsent()
    useMeStore.getState().loadProfile()
  })
  useEffect(() => {
    useQuizStore.getState().loadBoard(period, kind)
  }, [period, kind])
  const consent = useQuizStore((s) => s.consent)
  useEffect(() => {
    if (consent.status === 'ready') useQuizStore.getState().loadBoard(period, kind)
    // reload after agreeing / withdrawing (boards were cleared)
  }, [consent])
  usePullDownRefresh(async () => {
    useQuizStore.setState({ boards: {}, unitBoards: {} })
    await useQuizStore.getState().loadBoard(period, kind)
    Taro.stopPullDownRefresh()
  })
  return (
    <View className='board'>
      <H5BackBar title='排行榜' onBack={() => goBackOr('/pages/quiz/index')} />
      <ConsentPanel />
      <View className='board__tabs' role='tablist'>
        {BOARD_PERIODS.map((p) => (
          <Pressable key={p} role='tab' selected={p === period} className={`board__tab${p === period ? ' board__tab--active' : ''}`} onPress={() => setPeriod(p)}>
            {BOARD_PERIOD_LABELS[p]}
          </Pressable>
        ))}
      </View>
      <View className='board__tabs board__tabs--kind' role='tablist'>
        {(
          [
            ['people', '个人'],
            ['units', '单位']
          ] as const
        ).map(([k, label]) => (
          <Pressable key={k} role='tab' selected={k === kind} className={`board__tab${k === kind ? ' board__tab--active' : ''}`} onPress={() => setKind(k)}>
            {label}
          </Pressable>
        ))}
      </View>
      <Board period={period} kind={kind} />
      <Text className='board__footnote'>排名先比得分，同分用时少者在前，再相同先完成者在前。标“示例数据”的是演示用的虚拟参与者，不是真实人员。</Text>
    </View>
  )
}
