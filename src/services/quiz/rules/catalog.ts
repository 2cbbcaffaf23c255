/**
 * The question bank as the rules read it: questions by id, by topic and by related site, and the
 * lists built from them (topics, practice sites, the day's 每日答题 set). Built once per rules
 * instance; never written.
 */
import { LOCAL_TOPIC, type Question, type SiteQuizInfo, type TopicInfo } from '../contract'
import { assertQuestionBank } from './bank'
import { dailyQuestions } from './draw'

/** The checked bank and its indexes. */
export interface Catalog {
  readonly bank: readonly Question[]
  readonly byId: ReadonlyMap<string, Question>
  readonly topics: ReadonlyMap<string, Question[]>
  /** Questions by related site id (only sites some question links). */
  readonly bySite: ReadonlyMap<string, Question[]>
  /** Whether a site is in the app's dataset. */
  readonly siteExists: (id: string) => boolean
}

/**
 * Checks the bank and indexes it.
 * @param siteExists whether a site is in the app's dataset; default: any site a question links
 * @throws Error when the bank is invalid (see `bank.ts`)
 */
export function createCatalog(questions: readonly Question[], siteExists?: (id: string) => boolean): Catalog {
  const bank = assertQuestionBank(questions)
  const byId = new Map(bank.map((q) => [q.id, q]))
  const topics = new Map<string, Question[]>()
  const bySite = new Map<string, Question[]>()
  for (const q of bank) {
    topics.set(q.topic, [...(topics.get(q.topic) ?? []), q])
    if (q.relatedSiteId) bySite.set(q.relatedSiteId, [...(bySite.get(q.relatedSiteId) ?? []), q])
  }
  return { bank, byId, topics, bySite, siteExists: siteExists ?? ((id) => bySite.has(id)) }
}

/** Topics with their question counts: 泉州地方党史 first, then by count, then by name. */
export function listTopics(cat: Catalog): TopicInfo[] {
  return [...cat.topics]
    .map(([topic, list]) => ({ topic, count: list.length, local: topic === LOCAL_TOPIC }))
    .sort((a, b) => Number(b.local) - Number(a.local) || b.count - a.count || a.topic.localeCompare(b.topic))
}

/** Sites of the app's dataset that have questions, by count then id. */
export function listPracticeSites(cat: Catalog): SiteQuizInfo[] {
  return [...cat.bySite]
    .filter(([id]) => cat.siteExists(id))
    .map(([siteId, list]) => ({ siteId, count: list.length }))
    .sort((a, b) => b.count - a.count || a.siteId.localeCompare(b.siteId))
}

/** Ids of a day's 每日答题 questions (`dayKey` already checked): the same for everyone. */
export function dailyQuestionIds(cat: Catalog, dayKey: string): string[] {
  return dailyQuestions(cat.bank, dayKey).map((q) => q.id)
}
