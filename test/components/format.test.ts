/**
 * @jest-environment node
 */
/** The date formats shown in the app (local time), as dayjs wrote them before it was dropped. */
import { formatDate, formatDateTime, formatMinutes } from '../../src/shared/format'

describe('format', () => {
  it('writes dates as 2026年11月30日 and date-times as 2026年11月30日 14:05, in local time', () => {
    expect(formatDate(new Date(2026, 10, 30, 14, 5).getTime())).toBe('2026年11月30日')
    expect(formatDateTime(new Date(2026, 10, 30, 14, 5).getTime())).toBe('2026年11月30日 14:05')
    expect(formatDateTime(new Date(2027, 0, 2, 3, 4).getTime())).toBe('2027年1月2日 03:04')
    expect(formatDateTime(new Date(2026, 11, 31, 23, 59, 59).getTime())).toBe('2026年12月31日 23:59')
  })

  it('writes durations in 小时/分钟', () => {
    expect(formatMinutes(45)).toBe('45 分钟')
    expect(formatMinutes(150)).toBe('2 小时 30 分钟')
    expect(formatMinutes(120)).toBe('2 小时')
  })
})
