/** Page URLs of the quiz subpackage, built in one place (values URL-encoded, see shared/params.ts). */
import Taro from '@tarojs/taro'
import { buildUrl } from '../../shared/params'
import type { PlayRequest } from './store'

export const QUIZ_ROOT = '/packages/quiz'
export const playUrl = (req: PlayRequest) =>
  buildUrl(`${QUIZ_ROOT}/play/index`, { mode: req.mode, topic: req.topic, siteId: req.siteId, wrongBook: req.wrongBook ? '1' : undefined, roundId: req.roundId })
export const resultUrl = (roundId: string) => buildUrl(`${QUIZ_ROOT}/result/index`, { roundId })
export const boardUrl = (period?: string) => buildUrl(`${QUIZ_ROOT}/board/index`, { period })
export const practiceUrl = () => `${QUIZ_ROOT}/practice/index`
export const wrongBookUrl = () => `${QUIZ_ROOT}/wrong-book/index`
export const rulesUrl = () => `${QUIZ_ROOT}/rules/index`
export const historyUrl = () => `${QUIZ_ROOT}/history/index`
/** The heritage site page (another feature's page, linked by URL only). */
export const siteUrl = (siteId: string) => buildUrl('/packages/heritage/site/index', { id: siteId })

export function go(url: string) {
  return Taro.navigateTo({ url })
}
