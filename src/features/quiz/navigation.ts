/** Page URLs of the quiz subpackage, built in one place (values URL-encoded, see shared/params.ts; paths from shared/paths.ts). */
import Taro from '@tarojs/taro'
import { buildUrl } from '../../shared/params'
import { PAGES } from '../../shared/paths'
import type { PlayRequest } from './store/types'

export const playUrl = (req: PlayRequest) =>
  buildUrl(PAGES.quizPlay, { mode: req.mode, topic: req.topic, siteId: req.siteId, wrongBook: req.wrongBook ? '1' : undefined, roundId: req.roundId })
export const resultUrl = (roundId: string) => buildUrl(PAGES.quizResult, { roundId })
export const boardUrl = (period?: string) => buildUrl(PAGES.quizBoard, { period })
export const practiceUrl = () => PAGES.quizPractice
export const wrongBookUrl = () => PAGES.quizWrongBook
export const rulesUrl = () => PAGES.quizRules
export const historyUrl = () => PAGES.quizHistory
/** The heritage site page (another feature's page, linked by URL only). */
export const siteUrl = (siteId: string) => buildUrl(PAGES.site, { id: siteId })

export function go(url: string) {
  return Taro.navigateTo({ url })
}

/** Switches to the 竞答 tab. */
export const backToQuiz = () => Taro.switchTab({ url: PAGES.quiz })
