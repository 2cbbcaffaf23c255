/**
 * What the quiz keeps across launches: the round being played (its request) and the idempotency
 * keys of its pending submissions (start, each answer, finish). Reopening the same round after the
 * app was closed mid-answer resends with the same keys, so the server counts nothing twice.
 *
 * Versions: 1 is the current shape. A stored value that is not valid (corrupt, wrong shape, an
 * unknown version) keeps only the fields that check; a request that does not check drops the keys
 * with it (keys without their round mean nothing).
 */
import { isRecord } from '../../../shared/persist'
import type { QuizMode } from '../model'
import type { PlayRequest, QuizState } from './types'

export const QUIZ_PLAY_KEY = 'rcc:quiz:play'
export const QUIZ_PLAY_VERSION = 1

export type PersistedPlay = Pick<QuizState, 'request' | 'startKey' | 'answerKeys' | 'finishKey'>

export const pickPlay = (s: QuizState): PersistedPlay => ({ request: s.request, startKey: s.startKey, answerKeys: s.answerKeys, finishKey: s.finishKey })

const MODES: readonly QuizMode[] = ['daily', 'competition', 'practice']
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined)

function readRequest(v: unknown): PlayRequest | null | undefined {
  if (v === null) return null
  if (!isRecord(v) || !(MODES as readonly unknown[]).includes(v.mode)) return undefined
  const req: PlayRequest = { mode: v.mode as QuizMode }
  for (const k of ['topic', 'siteId', 'roundId'] as const) {
    const s = str(v[k])
    if (s) req[k] = s
  }
  if (v.wrongBook === true) req.wrongBook = true
  return req
}

/** Valid persisted fields from any stored value (see the versions above). */
export function readPlay(stored: unknown, version: number): Partial<PersistedPlay> {
  if (!isRecord(stored) || version > QUIZ_PLAY_VERSION) return {}
  const request = readRequest(stored.request)
  if (request === undefined) return {}
  const answerKeys = isRecord(stored.answerKeys) ? Object.fromEntries(Object.entries(stored.answerKeys).filter(([, k]) => typeof k === 'string' && k)) as Record<string, string> : {}
  return { request, startKey: str(stored.startKey) ?? null, answerKeys, finishKey: str(stored.finishKey) ?? null }
}
