/**
 * Shared fixtures for the quiz rule tests: the real question bank, a fake clock, a counter for
 * round ids, and helpers that pick the right (or a wrong) choice in a participant's shuffled order.
 */
import questionsJson from '@mock/data/questions.json'
import type { PublicQuestion, Question } from '@/services/quiz/contract'
import { createQuizRules, type QuizRules } from '@/services/quiz/rules'
import { createQuizRepository } from '@/services/quiz/repository'
import { createMemoryStore } from '@/services/core/kv'

export const bank = questionsJson as Question[]
export const bankById = new Map(bank.map((q) => [q.id, q]))

/** 2026-11-30 10:00 in Asia/Shanghai (02:00 UTC), a Monday. */
export const T0 = Date.UTC(2026, 10, 30, 2, 0, 0)

export interface Harness {
  rules: QuizRules
  store: ReturnType<typeof createMemoryStore>
  clock: { t: number }
  advance(ms: number): void
  key(): string
  snapshot(): Array<[string, unknown]>
}

let keySeq = 0

/** Fresh rules over a fresh memory store, with a fake clock at `start`. */
export function harness(start = T0, store = createMemoryStore()): Harness {
  const clock = { t: start }
  let ids = 0
  const rules = createQuizRules(createQuizRepository(store), { questions: bank, now: () => clock.t, newId: () => `r-test-${++ids}-${start}` })
  return {
    rules,
    store,
    clock,
    advance: (ms) => {
      clock.t += ms
    },
    key: () => `key-${String(++keySeq).padStart(6, '0')}`,
    snapshot: () =>
      store
        .keys()
        .sort()
        .map((k) => [k, store.get(k)])
  }
}

/** The right option indexes in the order this participant sees. */
export function rightChoice(q: PublicQuestion): number[] {
  const full = bankById.get(q.id)!
  return full.answer.map((i) => q.options.indexOf(full.options[i])).sort((a, b) => a - b)
}

/** A wrong choice of the right shape: one wrong option (single/judge) or a strict subset (multiple). */
export function wrongChoice(q: PublicQuestion): number[] {
  const right = rightChoice(q)
  if (q.type === 'multiple') return right.slice(0, 1)
  return [q.options.findIndex((_, i) => !right.includes(i))]
}

/** Starts a competition round and plays it: every question answered right after `answerMs`. */
export function playCompetition(h: Harness, pid: string, opts: { answerMs?: number; wrong?: number } = {}) {
  const round = h.rules.startRound(pid, { mode: 'competition', idempotencyKey: h.key() })
  let wrongLeft = opts.wrong ?? 0
  for (;;) {
    const item = h.rules.openNextQuestion(pid, round.id)
    if (!item) break
    h.advance(opts.answerMs ?? 1000)
    const choice = wrongLeft-- > 0 ? wrongChoice(item.question) : rightChoice(item.question)
    h.rules.answer(pid, { roundId: round.id, questionId: item.question.id, choice, idempotencyKey: h.key() })
  }
  return h.rules.finishRound(pid, { roundId: round.id, idempotencyKey: h.key() })
}
