/** @jest-environment node */
import { ANSWER_GRACE_MS, QUESTION_TIME_MS } from '@/services/quiz/contract'
import { isExactlyRight, SCORING_RULES_TEXT, timedScore, untimedScore, withinWindow } from '@/services/quiz/rules/scoring'
import { addDays, dayKeyOf, dayStartMs, isDayKey, isWeekKey, weekDays, weekKeyOf } from '@/services/quiz/rules/time'

describe('scoring formula: correct → 100 + round(100 × max(0, 20000 − t) / 20000), else 0', () => {
  it.each([
    [0, 200],
    [1, 200],
    [5_000, 175],
    [10_000, 150],
    [19_900, 101], // 100 × 100/20000 = 0.5 → rounds half up to 1
    [19_901, 100],
    [20_000, 100],
    [21_000, 100], // inside the grace: right but no speed bonus
    [22_000, 100]
  ])('right answer after %i ms scores %i', (t, score) => {
    expect(timedScore(true, t)).toBe(score)
  })

  it('a wrong answer scores 0 however fast', () => {
    expect(timedScore(false, 0)).toBe(0)
    expect(timedScore(false, 15_000)).toBe(0)
  })

  it('a negative elapsed time (clock skew) is taken as 0', () => {
    expect(timedScore(true, -500)).toBe(200)
  })

  it('untimed modes score 100 per right answer', () => {
    expect(untimedScore(true)).toBe(100)
    expect(untimedScore(false)).toBe(0)
  })

  it('the rules text for the UI states the formula, the grace and the daily limit', () => {
    const text = SCORING_RULES_TEXT.join('\n')
    expect(text).toContain('100 + 四舍五入（100 × 剩余秒数 ÷ 20）')
    expect(text).toContain('22 秒')
    expect(text).toContain('前 3 轮')
    expect(text).toContain('第 4 轮起为练习')
  })
})

describe('multiple choice scores only when exactly right', () => {
  const answer = [0, 2]
  it.each([
    [[0, 2], true],
    [[2, 0], true],
    [[0], false],
    [[0, 1, 2], false],
    [[1, 3], false],
    [[0, 3], false]
  ])('%j against [0,2] → %s', (chosen, ok) => {
    expect(isExactlyRight(chosen, answer)).toBe(ok)
  })
})

describe('time window: 20 s + 2 s grace, boundary included', () => {
  it('accepts at 22.000 s and refuses at 22.001 s', () => {
    expect(QUESTION_TIME_MS + ANSWER_GRACE_MS).toBe(22_000)
    expect(withinWindow(20_000)).toBe(true)
    expect(withinWindow(22_000)).toBe(true)
    expect(withinWindow(22_001)).toBe(false)
  })
})

describe('Asia/Shanghai days (UTC+8, no DST) and ISO weeks', () => {
  it('the day turns at 16:00 UTC', () => {
    expect(dayKeyOf(Date.parse('2026-11-30T15:59:59Z'))).toBe('2026-11-30')
    expect(dayKeyOf(Date.parse('2026-11-30T15:59:59.999Z'))).toBe('2026-11-30')
    expect(dayKeyOf(Date.parse('2026-11-30T16:00:00Z'))).toBe('2026-12-01')
    expect(dayStartMs('2026-12-01')).toBe(Date.parse('2026-11-30T16:00:00Z'))
  })

  it('summer is the same offset (no daylight saving)', () => {
    expect(dayKeyOf(Date.parse('2026-07-01T15:59:59Z'))).toBe('2026-07-01')
    expect(dayKeyOf(Date.parse('2026-07-01T16:00:00Z'))).toBe('2026-07-02')
  })

  it('weeks are ISO weeks (Monday–Sunday) with the ISO week-numbering year', () => {
    expect(weekKeyOf('2026-11-29')).toBe('2026-W48') // Sunday
    expect(weekKeyOf('2026-11-30')).toBe('2026-W49') // Monday
    expect(weekKeyOf('2026-12-31')).toBe('2026-W53')
    expect(weekKeyOf('2027-01-03')).toBe('2026-W53')
    expect(weekKeyOf('2027-01-04')).toBe('2027-W01')
    expect(weekDays('2026-W49')).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06'])
    expect(weekDays('2026-W53')[6]).toBe('2027-01-03')
  })

  it('validates keys', () => {
    expect(isDayKey('2026-02-29')).toBe(false)
    expect(isDayKey('2028-02-29')).toBe(true)
    expect(isDayKey('2026-13-01')).toBe(false)
    expect(isWeekKey('2026-W53')).toBe(true)
    expect(isWeekKey('2027-W53')).toBe(false)
    expect(isWeekKey('2026-W00')).toBe(false)
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })
})
