/**
 * Participants as the rules see them: the record (consent, day bests, attempts, daily round ids),
 * offering a result as the day's best, and the leaderboard index built from the registry of
 * participants on first use and kept up to date as records change.
 *
 * **Pending records.** A round that ends (`round-state.ts`) changes its participant's record; the
 * change is kept here as pending until the round itself is saved ({@link Participants.flush}),
 * and only then applied to the index. An operation that throws drops what is pending
 * ({@link Participants.dropPending}), so nothing of it is written.
 */
import type { QuizRepository, StoredParticipant, StoredRoundRef } from '../repository'
import { isBetterResult, LeaderboardIndex, type BoardMember, type DayResult } from './boards'
import { addDays, isDayKey } from './time'

/** A record for a participant with none stored. */
export const freshParticipant = (): StoredParticipant => ({ v: 1, consent: null, best: {}, attempts: {}, daily: {} })

/** Most 竞答 rounds a participant can start in one day (one a minute): a larger stored count is corrupt. */
export const MAX_COMPETITION_ROUNDS_PER_DAY = 24 * 60

/**
 * 竞答 rounds the participant has started on `day`, from the stored count checked against the
 * participant's round list. A count no day can reach (e.g. 1e9 from corrupt storage) is not
 * believed: the day's listed rounds count instead, so corruption never takes away the day's
 * ranked rounds; a count below the listed rounds (reset to 0, say) is raised to them, so it never
 * gives extra ranked rounds. (Treating a corrupt count as plain 0 would do the second.)
 */
export function competitionRoundsUsed(rec: StoredParticipant, refs: readonly StoredRoundRef[], day: string): number {
  let listed = 0
  for (const r of refs) if (r.mode === 'competition' && r.dayKey === day) listed++
  const stored = rec.attempts[day]
  return stored !== undefined && stored <= MAX_COMPETITION_ROUNDS_PER_DAY ? Math.max(stored, listed) : listed
}

/** Drops attempt counts and daily round ids older than a week before `today`. */
export function pruneDays(rec: StoredParticipant, today: string): void {
  const oldest = addDays(today, -7)
  for (const d of Object.keys(rec.attempts)) if (d < oldest) delete rec.attempts[d]
  for (const d of Object.keys(rec.daily)) if (d < oldest) delete rec.daily[d]
}

/** How an agreed participant appears on the boards (`rec.consent` must be set). */
export const memberOf = (pid: string, rec: StoredParticipant): BoardMember => ({
  id: pid,
  nickname: rec.consent!.nickname,
  unit: rec.consent!.unit,
  demo: !!rec.demo
})

/** A record's day bests as board results. */
export const bestEntries = (rec: StoredParticipant): Array<[string, DayResult]> =>
  Object.entries(rec.best)
    .filter(([d, b]) => isDayKey(d) && Array.isArray(b) && b.length >= 3)
    .map(([d, b]) => [d, { score: b[0], timeMs: b[1], finishedAt: b[2] }])

/**
 * Makes a ranked result the day's best in `rec` when it beats the stored one (higher score, then
 * less time, then the earlier finish). The caller saves the record and updates the index.
 * @returns whether it became the day's best
 */
export function offerBest(rec: StoredParticipant, dayKey: string, r: DayResult, roundId: string): boolean {
  const cur = rec.best[dayKey]
  if (cur && !isBetterResult(r, { score: cur[0], timeMs: cur[1], finishedAt: cur[2] })) return false
  rec.best[dayKey] = [r.score, r.timeMs, r.finishedAt, roundId]
  return true
}

/** A pending record: the record as changed, and the new day bests to apply to the index once saved. */
export interface PendingParticipant {
  rec: StoredParticipant
  bests: Array<[string, DayResult]>
}

/** The participants of one rules instance: their records (through the repository) and the leaderboard index. */
export class Participants {
  private built: LeaderboardIndex | null = null
  private readonly pending = new Map<string, PendingParticipant>()

  constructor(private readonly repo: QuizRepository) {}

  /** The stored record, or null. */
  read(pid: string): StoredParticipant | null {
    return this.repo.readParticipant(pid)
  }

  /** The stored record, or a fresh one. */
  readOrFresh(pid: string): StoredParticipant {
    return this.repo.readParticipant(pid) ?? freshParticipant()
  }

  /** Saves a record (a new participant joins the registry). */
  save(pid: string, rec: StoredParticipant): void {
    this.repo.saveParticipant(pid, rec)
  }

  /** The participant's pending record for this operation, read from storage the first time. */
  pendingFor(pid: string): PendingParticipant {
    let p = this.pending.get(pid)
    if (!p) {
      p = { rec: this.readOrFresh(pid), bests: [] }
      this.pending.set(pid, p)
    }
    return p
  }

  /** Saves the pending records, then applies their new day bests to the index (when built). */
  flush(): void {
    for (const [pid, p] of this.pending) {
      this.repo.saveParticipant(pid, p.rec)
      if (this.built && p.rec.consent) for (const [day, r] of p.bests) this.built.setDayResult(pid, day, r)
    }
    this.pending.clear()
  }

  /** Forgets the pending records unsaved (start and end of every operation). */
  dropPending(): void {
    this.pending.clear()
  }

  /** The leaderboard index, built on first use from every registered participant who agreed. */
  index(): LeaderboardIndex {
    if (this.built) return this.built
    const idx = new LeaderboardIndex()
    for (const page of this.repo.participantIdPages()) {
      for (const pid of page) {
        const rec = this.repo.readParticipant(pid)
        if (rec?.consent) idx.addMember(memberOf(pid, rec), bestEntries(rec))
      }
    }
    this.built = idx
    return idx
  }
}
