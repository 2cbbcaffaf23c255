/** The play page's link read back into a {@link PlayRequest} (the inverse of `playUrl`). */
import { readParam } from '../../shared/params'
import type { QuizMode } from './model'
import type { PlayRequest } from './store/types'

/** The request in the link, or null when its mode is not one the quiz has. */
export function parsePlayRequest(params: Record<string, string | undefined>): PlayRequest | null {
  const mode = readParam(params, 'mode') as QuizMode
  if (mode !== 'daily' && mode !== 'competition' && mode !== 'practice') return null
  const req: PlayRequest = { mode }
  const topic = readParam(params, 'topic')
  const siteId = readParam(params, 'siteId')
  const roundId = readParam(params, 'roundId')
  if (topic) req.topic = topic
  if (siteId) req.siteId = siteId
  if (readParam(params, 'wrongBook') === '1') req.wrongBook = true
  if (roundId) req.roundId = roundId
  return req
}
