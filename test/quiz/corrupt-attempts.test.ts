/** @jest-environment node */
/**
 * A participant's stored 竞答 count for the day (`attempts`) that is corrupt: a count no day can
 * reach is not believed (the day's listed rounds count instead), so the day's ranked rounds are
 * not lost; a count reset below the listed rounds is raised to them, so no extra ranked rounds.
 */
import { MAX_COMPETITION_ROUNDS_PER_DAY } from '@/services/quiz/rules/participants'
import { harness, playCompetition, type Harness } from './helpers'

function setAttempts(h: Harness, pid: string, value: unknown) {
  const key = h.store.keys().find((k) => k.endsWith(`p:${pid}`) && k.includes('quiz:p:'))
  if (!key) throw new Error(`no participant record for ${pid}: ${h.store.keys().join(', ')}`)
  const rec = h.store.get<Record<string, unknown>>(key)!
  h.store.set(key, { ...rec, attempts: { [h.rules.today()]: value } })
}

describe('a corrupt stored attempts count', () => {
  it('1e9 (and any count past one a minute) does not make the next round unranked', () => {
    for (const bad of [1e9, MAX_COMPETITION_ROUNDS_PER_DAY + 1, Number.MAX_SAFE_INTEGER]) {
      const h = harness()
      const first = playCompetition(h, 'p')
      expect(first.attemptNumber).toBe(1)
      setAttempts(h, 'p', bad)
      const status = h.rules.getDayStatus('p')
      expect(status.competitionRounds).toBe(1)
      expect(status.countedRoundsLeft).toBe(2)
      const second = h.rules.startRound('p', { mode: 'competition', idempotencyKey: h.key() })
      expect(second.attemptNumber).toBe(2)
    }
  })

  it('a count reset to 0 (or a wrong type) still counts the rounds already played that day', () => {
    for (const bad of [0, -5, 'many', null]) {
      const h = harness()
      for (let i = 0; i < 3; i++) playCompetition(h, 'p')
      setAttempts(h, 'p', bad)
      expect(h.rules.getDayStatus('p').countedRoundsLeft).toBe(0)
      expect(h.rules.startRound('p', { mode: 'competition', idempotencyKey: h.key() }).attemptNumber).toBe(4)
    }
  })
})
