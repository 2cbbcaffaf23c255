/** A leaderboard: rows for people (score, time) or units (mean score), with 示例数据 marked. */
import { Text, View } from '@tarojs/components'
import { go, playUrl } from '../navigation'
import { useQuizStore } from '../store'
import { formatTimeUsed, type BoardPeriod, type LeaderboardEntry, type LeaderboardView, type UnitBoardEntry, type UnitLeaderboardView } from '../model'
import { LoadStateView } from '../../../shared/ui/LoadStateView'
import { EmptyState } from '../../../shared/ui/StateView'
import { Section } from '../../../shared/ui/Section'
import { Tag } from '../../../shared/ui/Tag'

export type BoardKind = 'people' | 'units'

const joinCompetition = () => void go(playUrl({ mode: 'competition' }))

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

/** One board (people or units, for a period): top entries, and the participant's own rank with its neighbours. */
export function BoardView({ period, kind }: { period: BoardPeriod; kind: BoardKind }) {
  const people = useQuizStore((s) => s.boards[period])
  const units = useQuizStore((s) => s.unitBoards[period])
  const loadBoard = useQuizStore((s) => s.loadBoard)
  const retry = () => loadBoard(period, kind)
  if (kind === 'people') {
    return (
      <LoadStateView state={people} loadingLabel='正在加载排行榜' rows={4} onRetry={retry}>
        {(v) => <PeopleBoard v={v} />}
      </LoadStateView>
    )
  }
  return (
    <LoadStateView state={units} loadingLabel='正在加载排行榜' rows={4} onRetry={retry}>
      {(v) => <UnitBoard v={v} />}
    </LoadStateView>
  )
}

function PeopleBoard({ v }: { v: LeaderboardView }) {
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
      {v.entries.length ? v.entries.map((e) => <PersonRow key={e.rank} e={e} />) : <EmptyState message='这个时段还没有人上榜。' actionText='去参加竞答' onAction={joinCompetition} />}
    </View>
  )
}

function UnitBoard({ v }: { v: UnitLeaderboardView }) {
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
      {v.entries.length ? v.entries.map((e) => <UnitRow key={e.rank} e={e} />) : <EmptyState message='这个时段还没有单位上榜。' actionText='去参加竞答' onAction={joinCompetition} />}
    </View>
  )
}
