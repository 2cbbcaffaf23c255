/**
 * The visible per-question countdown of a 竞答 round, aligned to the server's deadline. It renders
 * only when the shown second changes (on weapp each render is a setData), and calls `onExpire`
 * once when it reaches zero.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { QUESTION_TIME_MS, secondsLeft } from '../model'
import './countdown.scss'

export function Countdown({ deadlineAt, clockOffset, onExpire }: { deadlineAt: number; clockOffset: number; onExpire: () => void }) {
  const [left, setLeft] = useState(() => secondsLeft(deadlineAt, clockOffset, Date.now()))
  const expired = useRef(false)
  const onExpireRef = useRef(onExpire)
  onExpireRef.current = onExpire

  useEffect(() => {
    expired.current = false
    const tick = () => {
      const s = secondsLeft(deadlineAt, clockOffset, Date.now())
      setLeft((prev) => (prev === s ? prev : s))
      if (s <= 0 && !expired.current) {
        expired.current = true
        onExpireRef.current()
      }
    }
    tick()
    const timer = setInterval(tick, 250)
    return () => clearInterval(timer)
  }, [deadlineAt, clockOffset])

  const total = QUESTION_TIME_MS / 1000
  const urgent = left <= 5
  return (
    <View className={`countdown${urgent ? ' countdown--urgent' : ''}`} role='timer' aria-live={left <= 5 ? 'assertive' : 'off'}>
      <Text className='countdown__num'>{left}</Text>
      <Text className='countdown__unit'>秒</Text>
      <View className='countdown__bar'>
        <View className='countdown__fill' style={{ width: `${Math.round((100 * left) / total)}%` }} />
      </View>
    </View>
  )
}
