/**
 * The round left open (in progress), as the 竞答 tab (main package) needs it: its mode and id,
 * so the tab can say a round is in progress and offer 继续答题. Kept in its own small storage key
 * by the quiz store (a subpackage) and read here without the quiz's code. A stored value that is
 * not a valid marker reads as "no open round".
 */
import { readStorage, removeStorage, writeStorage } from '../../services/core/storage'

export const OPEN_ROUND_KEY = 'rcc:quiz:open'

export interface OpenRound {
  mode: 'daily' | 'competition' | 'practice'
  roundId: string
}

const MODES = ['daily', 'competition', 'practice'] as const

/** The open round, or null (none, or a stored value that does not check). */
export function readOpenRound(): OpenRound | null {
  let v: unknown
  try {
    v = readStorage<unknown>(OPEN_ROUND_KEY)
  } catch {
    return null
  }
  if (typeof v !== 'object' || v === null) return null
  const r = v as Record<string, unknown>
  if (!(MODES as readonly unknown[]).includes(r.mode)) return null
  if (typeof r.roundId !== 'string' || !r.roundId || r.roundId.length > 200) return null
  return { mode: r.mode as OpenRound['mode'], roundId: r.roundId }
}

/** Records (or, with null, clears) the open round. Best effort: the tab's hint is not worth failing a step for. */
export function recordOpenRound(round: OpenRound | null): void {
  if (!round) return removeStorage(OPEN_ROUND_KEY)
  const now = readOpenRound()
  if (now && now.mode === round.mode && now.roundId === round.roundId) return
  writeStorage(OPEN_ROUND_KEY, round)
}
