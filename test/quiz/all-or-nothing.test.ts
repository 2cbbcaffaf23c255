/**
 * A step is wholly saved or not at all: when storage refuses a write half-way (a full phone), the
 * step's earlier writes are undone and the error says what happened. And a question left to time
 * out counts as missed: it goes into the 错题本 like a wrong answer.
 */
import { createJournaledStore, createMemoryStore, type KeyValueStore } from '@/services/core/kv'
import { DataError } from '@/services/core/errors'
import { bank, harness, rightChoice, wrongChoice } from './helpers'

/** A memory store that refuses writes to keys matching `refuse` while `full.on` is set. */
function fillableStore(refuse: RegExp): { store: KeyValueStore; full: { on: boolean } } {
  const base = createMemoryStore()
  const full = { on: false }
  return {
    full,
    store: {
      ...base,
      set(key, value) {
        if (full.on && refuse.test(key)) throw new DataError('CONFLICT', '手机存储空间不足，未能保存，请清理后重试')
        base.set(key, value)
      }
    }
  }
}

describe('createJournaledStore', () => {
  it('undoes every write of a unit that throws, in reverse order, and keeps a unit that succeeds', () => {
    const base = createMemoryStore()
    base.set('a', 1)
    const { kv, atomically } = createJournaledStore(base)
    expect(() =>
      atomically(() => {
        kv.set('a', 2)
        kv.set('b', 3)
        kv.remove('a')
        kv.set('a', 4)
        throw new Error('refused')
      })
    ).toThrow('refused')
    expect(base.get('a')).toBe(1)
    expect(base.get('b')).toBeUndefined()
    atomically(() => kv.set('b', 5))
    expect(base.get('b')).toBe(5)
  })

  it('an inner unit joins the outer one', () => {
    const base = createMemoryStore()
    const { kv, atomically } = createJournaledStore(base)
    expect(() =>
      atomically(() => {
        atomically(() => kv.set('x', 1))
        throw new Error('later')
      })
    ).toThrow('later')
    expect(base.get('x')).toBeUndefined()
  })
})

describe('quiz steps are all-or-nothing', () => {
  it('a wrong 每日答题 answer whose 错题本 write is refused is not kept in the round either', () => {
    const { store, full } = fillableStore(/^quiz:wrong:/)
    const h = harness(undefined, store)
    const round = h.rules.startRound('p', { mode: 'daily', idempotencyKey: h.key() })
    const item = round.items[0]
    const before = h.snapshot()
    full.on = true
    expect(() => h.rules.answer('p', { roundId: round.id, questionId: item.question.id, choice: wrongChoice(item.question), idempotencyKey: h.key() })).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('存储空间不足') })
    )
    expect(h.snapshot()).toEqual(before) // nothing half-done
    full.on = false
    const again = h.rules.answer('p', { roundId: round.id, questionId: item.question.id, choice: wrongChoice(item.question), idempotencyKey: h.key() })
    expect(again.correct).toBe(false)
    expect(h.rules.getWrongBook('p').map((w) => w.question.id)).toEqual([item.question.id])
  })
})

describe('timed-out questions', () => {
  it('go into the 错题本 once, like a wrong answer', () => {
    const h = harness()
    const round = h.rules.startRound('p', { mode: 'competition', idempotencyKey: h.key() })
    const first = h.rules.openNextQuestion('p', round.id)!
    h.advance(22_001) // past 20 s + 2 s grace
    const second = h.rules.openNextQuestion('p', round.id)!
    expect(second.index).toBe(1)
    h.advance(1_000)
    h.rules.answer('p', { roundId: round.id, questionId: second.question.id, choice: rightChoice(second.question), idempotencyKey: h.key() })
    h.rules.getRound('p', round.id)
    h.rules.getRound('p', round.id)
    const book = h.rules.getWrongBook('p')
    expect(book.map((w) => w.question.id)).toEqual([first.question.id])
    expect(book[0].wrongCount).toBe(1)
    expect(bank.some((q) => q.id === first.question.id)).toBe(true)
  })
})
