/**
 * @jest-environment node
 *
 * Fairness of option order: options are shuffled per participant in every mode (每日答题 included:
 * the same 10 questions for everyone that day, each participant's own option order), so the right
 * answer sits at each position about equally often, and always answering B no longer scores well.
 * Questions marked `needsSource` are never drawn for 每日答题 or 竞答.
 */
import { rankedPool } from '@/services/quiz/rules/draw'
import { bank, bankById, harness, rightChoice } from './helpers'

const PARTICIPANTS = 300

describe('option order', () => {
  it('每日答题: same questions for everyone, right answer about equally often at each position', () => {
    const h = harness()
    const positions = [0, 0, 0, 0]
    let singles = 0
    let alwaysB = 0
    let ids: string[] | null = null
    const orders = new Set<string>()
    for (let p = 0; p < PARTICIPANTS; p++) {
      const r = h.rules.startRound(`p${p}`, { mode: 'daily', idempotencyKey: h.key() })
      const these = r.items.map((i) => i.question.id)
      if (ids) expect(these).toEqual(ids)
      ids = these
      orders.add(r.items.map((i) => i.question.options.join('|')).join('#'))
      for (const it of r.items) {
        const right = rightChoice(it.question)
        if (right.length === 1 && right[0] === 1) alwaysB++
        if (it.question.type === 'single' && it.question.options.length === 4) {
          positions[right[0]]++
          singles++
        }
      }
    }
    expect(orders.size).toBeGreaterThan(PARTICIPANTS * 0.9)
    expect(singles).toBeGreaterThan(PARTICIPANTS)
    for (const n of positions) {
      expect(n / singles).toBeGreaterThan(0.2)
      expect(n / singles).toBeLessThan(0.3)
    }
    // Always answering B: about one in three or four right, not 6 of 10.
    expect(alwaysB / (PARTICIPANTS * (ids as string[]).length)).toBeLessThan(0.4)
  })

  it('竞答 and 专题练习 shuffle too; 判断 keeps 正确/错误', () => {
    const h = harness()
    const positions = [0, 0, 0, 0]
    let singles = 0
    for (let p = 0; p < 60; p++) {
      for (const input of [{ mode: 'competition' as const }, { mode: 'practice' as const, topic: '泉州地方党史' }]) {
        const r = h.rules.startRound(`q${p}`, { ...input, idempotencyKey: h.key() })
        const opened = r.mode === 'competition' ? h.rules.openNextQuestion(`q${p}`, r.id) : null
        const items = opened ? [opened] : r.items
        for (const it of items) {
          if (it.question.type === 'judge') expect(it.question.options).toEqual(bankById.get(it.question.id)!.options)
          if (it.question.type === 'single' && it.question.options.length === 4) {
            positions[rightChoice(it.question)[0]]++
            singles++
          }
        }
      }
    }
    for (const n of positions) expect(n / singles).toBeGreaterThan(0.15)
  })
})

describe('questions without a source fit to show', () => {
  it('are left out of 每日答题 and 竞答, and may appear in 专题练习', () => {
    const marked = new Set(bank.filter((q) => q.needsSource).map((q) => q.id))
    expect(marked.size).toBeGreaterThan(0)
    expect(rankedPool(bank).some((q) => marked.has(q.id))).toBe(false)
    const h = harness()
    for (let d = 0; d < 30; d++) {
      h.advance(86_400_000)
      const daily = h.rules.startRound('dana', { mode: 'daily', idempotencyKey: h.key() })
      for (const it of daily.items) expect(marked.has(it.question.id)).toBe(false)
    }
    for (let n = 0; n < 5; n++) {
      const r = h.rules.startRound('carl', { mode: 'competition', idempotencyKey: h.key() })
      const stored = h.store.get(h.store.keys().find((k) => k.endsWith(r.id)) as string) as { items: Array<{ questionId: string }> }
      expect(stored.items).toHaveLength(20)
      for (const it of stored.items) expect(marked.has(it.questionId)).toBe(false)
    }
    let seenInPractice = false
    for (let n = 0; n < 10 && !seenInPractice; n++) {
      const r = h.rules.startRound('pat', { mode: 'practice', topic: '泉州地方党史', count: 20, idempotencyKey: h.key() })
      seenInPractice = r.items.some((it) => marked.has(it.question.id))
    }
    expect(seenInPractice).toBe(true)
  })
})
