/**
 * A small label: district, category, period, or a status (待核实 / 预计 / 约略位置 / 示例内容).
 * `tone`: `plain` (grey on white), `gold` (gold-text on gold-bg: statuses), `red` (primary-dark).
 */
import { Text } from '@tarojs/components'
import './tag.scss'

export function Tag({ children, tone = 'plain' }: { children: string; tone?: 'plain' | 'gold' | 'red' }) {
  return <Text className={`tag tag--${tone}`}>{children}</Text>
}
