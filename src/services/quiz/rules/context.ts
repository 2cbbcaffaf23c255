/**
 * What every part of the quiz rules shares: the repository, the bank, the participants (records
 * and leaderboard index), the clock and the round-id source, and {@link run}, the wrapper of every
 * operation that may write.
 */
import type { QuizRepository } from '../repository'
import type { Catalog } from './catalog'
import type { Participants } from './participants'

/** The shared state of one rules instance. */
export interface RulesContext {
  readonly repo: QuizRepository
  readonly cat: Catalog
  readonly people: Participants
  /** The clock, ms since the epoch. */
  readonly now: () => number
  /** A new round id. */
  readonly newId: () => string
}

/**
 * Runs an operation as one repository unit ({@link QuizRepository.atomically}), starting with no
 * pending participant records and dropping any left when it throws (nothing is written then).
 * @returns what `fn` returns; rethrows what it throws
 */
export function run<T>(ctx: RulesContext, fn: () => T): T {
  return ctx.repo.atomically(() => {
    ctx.people.dropPending()
    try {
      return fn()
    } finally {
      ctx.people.dropPending()
    }
  })
}
