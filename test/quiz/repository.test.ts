/** @jest-environment node */
/**
 * The quiz repository over a key-value store: the stored layout (the earlier key names), reads
 * that treat corrupt or absurd stored values as absent or empty (quickly, without throwing), the
 * registry of participants, and the rules reaching storage only inside `atomically` units.
 */
import { createMemoryStore, type KeyValueStore } from '@/services/core/kv'
import { createQuizRepository, REGISTRY_PAGE, type QuizRepository } from '@/services/quiz/repository'
import { createQuizRules } from '@/services/quiz/rules'
import { addDays } from '@/services/quiz/rules/time'
import { bank, harness, playCompetition, T0, wrongChoice } from './helpers'

const HUGE = 'x'.repeat(3_000_000) // a 3 MB string

/** A store that counts reads, to show a read costs a few gets and not one per claimed entry. */
function countingStore(): KeyValueStore & { gets: number } {
  const kv = createMemoryStore()
  const counted = {
    gets: 0,
    get<T>(key: string) {
      counted.gets++
      return kv.get<T>(key)
    },
    set: kv.set,
    remove: kv.remove,
    keys: kv.keys
  }
  return counted
}

/** Runs `fn` and returns how long it took in ms. */
function timed(fn: () => void): number {
  const t0 = performance.now()
  fn()
  return performance.now() - t0
}

describe('stored layout', () => {
  it('keeps the earlier key names, so data already on a device still reads', () => {
    const h = harness()
    h.rules.agreeToBoards('p', { nickname: '小林', unit: '一支部' })
    const round = h.rules.startRound('p', { mode: 'daily', idempotencyKey: h.key() })
    const keys = h.store.keys().sort()
    expect(keys).toEqual(expect.arrayContaining(['quiz:p:p', 'quiz:reg', 'quiz:reg:0', `quiz:round:${round.id}`, 'quiz:rounds:p']))
    // A second repository over the same store (the next app run) reads them back.
    const again = createQuizRules(createQuizRepository(h.store), { questions: bank, now: () => h.clock.t })
    expect(again.getRound('p', round.id)).toEqual(h.rules.getRound('p', round.id))
    expect(again.getConsent('p')).toMatchObject({ agreed: true, nickname: '小林' })
  })
})

describe('corrupt stored values read as absent or empty', () => {
  const corrupt: Array<[string, unknown]> = [
    ['a 3 MB string', HUGE],
    ['a number', 42],
    ['null', null],
    ['an array', [1, 2, 3]],
    ['an object of the wrong version', { v: 2 }]
  ]

  it.each(corrupt)('participant record: %s', (_, value) => {
    const kv = createMemoryStore()
    kv.set('quiz:p:p', value)
    expect(createQuizRepository(kv).readParticipant('p')).toBeNull()
  })

  it.each(corrupt)('round: %s', (_, value) => {
    const kv = createMemoryStore()
    kv.set('quiz:round:r1', value)
    expect(createQuizRepository(kv).readRound('r1')).toBeNull()
  })

  it.each(corrupt)('round list and 错题本: %s', (_, value) => {
    const kv = createMemoryStore()
    kv.set('quiz:rounds:p', value)
    kv.set('quiz:wrong:p', value)
    const repo = createQuizRepository(kv)
    expect(repo.listRoundRefs('p')).toEqual([])
    expect(repo.readWrongBook('p')).toEqual([])
  })

  it('a participant record keeps only well-formed parts', () => {
    const kv = createMemoryStore()
    kv.set('quiz:p:p', {
      v: 1,
      consent: { nickname: HUGE, unit: '', at: 1 },
      best: { '2026-11-30': [100, 2000, 3000, 'r1'], 'not-a-day': [1, 1, 1, 'x'], '2026-11-29': [-5, 0, 0, 'r2'], '2026-11-28': 'garbage' },
      attempts: { '2026-11-30': 2, '2026-11-29': 1e300, '2026-11-28': -1 },
      daily: { '2026-11-30': 'r-d', '2026-11-29': 7 },
      demo: 'yes'
    })
    expect(createQuizRepository(kv).readParticipant('p')).toEqual({
      v: 1,
      consent: null,
      best: { '2026-11-30': [100, 2000, 3000, 'r1'] },
      attempts: { '2026-11-30': 2 },
      daily: { '2026-11-30': 'r-d' }
    })
  })

  it('an absurdly large record of days reads as empty, quickly', () => {
    const kv = createMemoryStore()
    const best: Record<string, unknown> = {}
    for (let i = 0; i < 20_000; i++) best[addDays('2000-01-01', i)] = [1, 1, 1, 'r'] // 55 years of valid days
    kv.set('quiz:p:p', { v: 1, consent: null, best, attempts: {}, daily: {} })
    let rec: ReturnType<QuizRepository['readParticipant']> = null
    expect(timed(() => (rec = createQuizRepository(kv).readParticipant('p')))).toBeLessThan(500)
    expect(rec!.best).toEqual({})
  })

  it('a round with a bad item, permutation or position reads as absent', () => {
    const h = harness()
    const round = h.rules.startRound('p', { mode: 'competition', idempotencyKey: h.key() })
    const stored = h.store.get<Record<string, unknown> & { items: Array<Record<string, unknown>> }>(`quiz:round:${round.id}`)!
    const repo = createQuizRepository(h.store)
    const variants: Array<(r: typeof stored) => void> = [
      (r) => (r.items[0].perm = [0, 0, 1, 2]),
      (r) => (r.items[0].perm = [0, 1, 2, 9]),
      (r) => (r.items[0].answer = { choice: 'A', key: 'k', at: 1, correct: true, score: 1, timeMs: 1 }),
      (r) => (r.current = 99),
      (r) => (r.status = 'won'),
      (r) => (r.items = Array.from({ length: 100_000 }, () => r.items[0])),
      (r) => (r.startKey = HUGE)
    ]
    for (const change of variants) {
      const copy = JSON.parse(JSON.stringify(stored)) as typeof stored
      change(copy)
      h.store.set(`quiz:round:${round.id}`, copy)
      expect(repo.readRound(round.id)).toBeNull()
    }
  })

  it('an oversized round list is read up to the rounds kept, quickly', () => {
    const kv = createMemoryStore()
    const ref = { id: 'r1', mode: 'daily', dayKey: '2026-11-30', startKey: 'key-00000001', startedAt: T0 }
    kv.set('quiz:rounds:p', Array.from({ length: 200_000 }, () => ref))
    let refs: unknown[] = []
    expect(timed(() => (refs = createQuizRepository(kv).listRoundRefs('p')))).toBeLessThan(1_000)
    expect(refs).toHaveLength(100)
  })

  it('the rules carry on over corrupt records: reads answer as for a new participant, writes replace them', () => {
    const h = harness()
    for (const key of ['quiz:p:p', 'quiz:rounds:p', 'quiz:wrong:p', 'quiz:reg', 'quiz:reg:0']) h.store.set(key, HUGE)
    expect(h.rules.getDayStatus('p')).toMatchObject({ competitionRounds: 0, best: null, dailyRoundId: null })
    expect(h.rules.getConsent('p')).toMatchObject({ agreed: false })
    expect(h.rules.getWrongBook('p')).toEqual([])
    expect(h.rules.listRounds('p')).toEqual([])
    expect(h.rules.getActiveRound('p')).toBeNull()
    expect(h.rules.getLeaderboard('p', { period: 'day' }).entries).toEqual([])
    h.rules.agreeToBoards('p', { nickname: '小林', unit: '' })
    const result = playCompetition(h, 'p')
    expect(h.rules.getDayStatus('p').best?.roundId).toBe(result.roundId)
    expect(h.rules.listRounds('p')).toHaveLength(1)
    expect(h.rules.getLeaderboard('p', { period: 'day' }).me?.rank).toBe(1)
  })
})

describe('the registry of participants', () => {
  it('a stored count of 1e9 is not trusted: reading costs a few gets, and new ids are still found', () => {
    const kv = countingStore()
    kv.set('quiz:reg', { count: 1e9 })
    const repo = createQuizRepository(kv)
    kv.gets = 0
    expect([...repo.participantIdPages()]).toEqual([])
    expect(kv.gets).toBeLessThan(5)
    repo.saveParticipant('a', { v: 1, consent: null, best: {}, attempts: {}, daily: {} })
    expect([...repo.participantIdPages()].flat()).toEqual(['a'])
  })

  it('a page that is a 3 MB string or a list of junk reads as no ids, quickly', () => {
    const kv = createMemoryStore()
    kv.set('quiz:reg', { count: 3 })
    kv.set('quiz:reg:0', HUGE)
    const repo = createQuizRepository(kv)
    let pages: string[][] = []
    expect(timed(() => (pages = [...repo.participantIdPages()]))).toBeLessThan(500)
    expect(pages.flat()).toEqual([])
    kv.set('quiz:reg:0', [1, null, { id: 'x' }, 'b', HUGE])
    expect([...repo.participantIdPages()].flat()).toEqual(['b'])
  })

  it('a lost count is recounted from the pages, so a new id is appended, not written over the first page', () => {
    const kv = createMemoryStore()
    const repo = createQuizRepository(kv)
    const fresh = { v: 1 as const, consent: null, best: {}, attempts: {}, daily: {} }
    repo.saveParticipants(Array.from({ length: REGISTRY_PAGE + 5 }, (_, i) => [`p${i}`, fresh] as const))
    kv.remove('quiz:reg')
    repo.saveParticipant('late', fresh)
    const ids = [...repo.participantIdPages()].flat()
    expect(ids).toHaveLength(REGISTRY_PAGE + 6)
    expect(ids[0]).toBe('p0')
    expect(ids[ids.length - 1]).toBe('late')
  })

  it('an id joins once, however often its record is saved', () => {
    const repo = createQuizRepository(createMemoryStore())
    const fresh = { v: 1 as const, consent: null, best: {}, attempts: {}, daily: {} }
    repo.saveParticipant('a', fresh)
    repo.saveParticipant('a', fresh)
    repo.saveParticipants([
      ['a', fresh],
      ['b', fresh],
      ['b', fresh]
    ])
    expect([...repo.participantIdPages()].flat()).toEqual(['a', 'b'])
  })
})

describe('the rules write only inside atomically units', () => {
  it('every write of playing, consent and imports happens inside repo.atomically', () => {
    const inner = createQuizRepository(createMemoryStore())
    let depth = 0
    const outside: string[] = []
    const repo = new Proxy(inner, {
      get(target, prop: keyof QuizRepository) {
        const value = target[prop]
        if (prop === 'atomically') {
          return <T,>(fn: () => T): T => {
            depth++
            try {
              return inner.atomically(fn)
            } finally {
              depth--
            }
          }
        }
        if (/^(save|remove)/.test(String(prop))) {
          return (...args: unknown[]) => {
            if (depth === 0) outside.push(String(prop))
            return (value as (...a: unknown[]) => unknown)(...args)
          }
        }
        return value
      }
    })
    const clock = { t: T0 }
    const rules = createQuizRules(repo, { questions: bank, now: () => clock.t })
    let k = 0
    const key = () => `key-atomic-${++k}`
    rules.agreeToBoards('p', { nickname: '小林', unit: '一支部' })
    const round = rules.startRound('p', { mode: 'competition', idempotencyKey: key() })
    for (let item = rules.openNextQuestion('p', round.id); item; item = rules.openNextQuestion('p', round.id)) {
      clock.t += 1_000
      rules.answer('p', { roundId: round.id, questionId: item.question.id, choice: wrongChoice(item.question), idempotencyKey: key() })
    }
    rules.finishRound('p', { roundId: round.id, idempotencyKey: key() })
    rules.startRound('p', { mode: 'practice', wrongBook: true, idempotencyKey: key() })
    rules.importResults([{ participantId: 'x', nickname: '某人', unit: '' }], [{ participantId: 'x', dayKey: '2026-11-30', score: 1, timeMs: 1, finishedAt: T0 }])
    rules.importDayResult('x', '2026-11-30', { score: 9, timeMs: 1, finishedAt: T0 })
    rules.withdrawFromBoards('p')
    expect(outside).toEqual([])
  })
})
