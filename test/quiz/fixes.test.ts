/** @jest-environment node */
/**
 * Small fixes to the quiz rules found while wiring the sources and the HTTP server.
 */
import { DataError } from '@/services/core/errors'
import { generateDemoData, seedDemoLeaderboard } from '@/services/quiz/rules/demo'
import { harness } from './helpers'

describe('getActiveRound validates its mode (it arrives as text from the HTTP query)', () => {
  it('refuses an unknown mode with INVALID_INPUT naming the field; accepts each mode and none', () => {
    const h = harness()
    const daily = h.rules.startRound('p', { mode: 'daily', idempotencyKey: h.key() })
    for (const bad of ['exam', '', 42, null, ['daily']]) {
      let err: unknown
      try {
        h.rules.getActiveRound('p', bad)
      } catch (e) {
        err = e
      }
      expect(err).toBeInstanceOf(DataError)
      expect(err).toMatchObject({ code: 'INVALID_INPUT', fields: { mode: expect.stringMatching(/[\u4e00-\u9fff]/) } })
    }
    expect(h.rules.getActiveRound('p', 'daily')!.id).toBe(daily.id)
    expect(h.rules.getActiveRound('p')!.id).toBe(daily.id)
    expect(h.rules.getActiveRound('p', 'competition')).toBeNull()
  })
})

describe('demo data on a clock near the epoch', () => {
  it('has no results before 1970 (negative times were refused by importResults, failing server start-up)', () => {
    const h = harness(1_000_000) // 1970-01-01 08:16 Asia/Shanghai, before the day has 10 minutes of daylight past 7:00
    const data = generateDemoData({ participants: 10, days: 7, seed: 'demo', endDay: h.rules.today(), nowMs: h.rules.now() })
    expect(data.results.every((r) => r.finishedAt >= 0 && r.dayKey >= '1970-01-01')).toBe(true)
    expect(() => seedDemoLeaderboard(h.rules, { participants: 10, days: 7, seed: 'demo' })).not.toThrow()
  })

  it('leaves demo data of ordinary clocks unchanged', () => {
    const a = generateDemoData({ participants: 20, days: 7, seed: 'demo', endDay: '2026-11-30', nowMs: Date.UTC(2026, 10, 30, 2) })
    expect(a.results.length).toBeGreaterThan(50)
    expect(a.results.every((r) => r.finishedAt > Date.UTC(2026, 10, 23))).toBe(true)
  })
})

describe('display text and report text characters', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { checkDisplayText, hasControlChars } = require('../../src/services/core/display-text') as typeof import('../../src/services/core/display-text')
  it('accepts emoji built with zero-width joiners, rejects invisible and bidi characters', () => {
    expect(checkDisplayText('👩‍💻老张', '昵称', 20, true)).toEqual({ ok: true, value: '👩‍💻老张' })
    for (const bad of ['老\u0007张', '老\u202e张', '老\u2060张', '老\u00ad张', '老\ufeff张']) expect(checkDisplayText(bad, '昵称', 20, true).ok).toBe(false)
  })
  it('lets free text keep line breaks but not control characters', () => {
    expect(hasControlChars('第一行\n第二行\t。')).toBe(false)
    expect(hasControlChars('有误\u0007')).toBe(true)
    expect(hasControlChars('有误\u202e')).toBe(true)
  })
})
