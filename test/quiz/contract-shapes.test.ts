/**
 * @jest-environment node
 *
 * What the rules return matches the contract's valibot schemas, which the remote source uses to
 * validate responses at the boundary: a drift here would turn good answers into BAD_RESPONSE.
 */
import * as v from 'valibot'
import {
  AnswerResultSchema,
  ConsentSchema,
  DayStatusSchema,
  LeaderboardViewSchema,
  PublicQuestionSchema,
  RoundItemSchema,
  RoundResultSchema,
  RoundSchema,
  RoundSummarySchema,
  SiteQuizInfoSchema,
  TopicInfoSchema,
  UnitLeaderboardViewSchema,
  WrongBookEntrySchema
} from '@/services/quiz/contract'
import { seedDemoLeaderboard } from '@/services/quiz/rules/demo'
import { harness, rightChoice, wrongChoice } from './helpers'

function conforms<S extends v.GenericSchema>(schema: S, value: unknown) {
  const r = v.safeParse(schema, value)
  if (!r.success) throw new Error(r.issues.map((i) => `${v.getDotPath(i)}: ${i.message}`).join('\n'))
}

it('every shape the rules return parses with its schema', () => {
  const h = harness()
  seedDemoLeaderboard(h.rules, { participants: 30, days: 7, seed: 1 })
  conforms(ConsentSchema, h.rules.getConsent('p'))
  conforms(ConsentSchema, h.rules.agreeToBoards('p', { nickname: '小林', unit: '一支部' }))
  const round = h.rules.startRound('p', { mode: 'competition', idempotencyKey: h.key() })
  conforms(RoundSchema, round)
  const item = h.rules.openNextQuestion('p', round.id)!
  conforms(RoundItemSchema, item)
  conforms(PublicQuestionSchema, item.question)
  expect(Object.keys(item.question).sort()).toEqual(['difficulty', 'id', 'options', 'text', 'topic', 'type'])
  h.advance(1500)
  conforms(AnswerResultSchema, h.rules.answer('p', { roundId: round.id, questionId: item.question.id, choice: wrongChoice(item.question), idempotencyKey: h.key() }))
  const item2 = h.rules.openNextQuestion('p', round.id)!
  h.advance(2500)
  conforms(AnswerResultSchema, h.rules.answer('p', { roundId: round.id, questionId: item2.question.id, choice: rightChoice(item2.question), idempotencyKey: h.key() }))
  h.rules.openNextQuestion('p', round.id)
  conforms(RoundSchema, h.rules.getRound('p', round.id))
  conforms(RoundResultSchema, h.rules.finishRound('p', { roundId: round.id, idempotencyKey: h.key() }))
  conforms(RoundSchema, h.rules.getRound('p', round.id))
  const daily = h.rules.startRound('p', { mode: 'daily', idempotencyKey: h.key() })
  conforms(RoundSchema, daily)
  for (const s of h.rules.listRounds('p')) conforms(RoundSummarySchema, s)
  conforms(DayStatusSchema, h.rules.getDayStatus('p'))
  for (const w of h.rules.getWrongBook('p')) conforms(WrongBookEntrySchema, w)
  for (const t of h.rules.listTopics()) conforms(TopicInfoSchema, t)
  for (const s of h.rules.listPracticeSites()) conforms(SiteQuizInfoSchema, s)
  for (const period of ['day', 'week', 'all'] as const) {
    conforms(LeaderboardViewSchema, h.rules.getLeaderboard('p', { period }))
    conforms(LeaderboardViewSchema, h.rules.getLeaderboard(null, { period }))
    conforms(UnitLeaderboardViewSchema, h.rules.getUnitLeaderboard('p', { period }))
  }
  expect(h.rules.getWrongBook('p').length).toBeGreaterThan(0)
})

it('a public question never carries the answer, explanation or related site', () => {
  const h = harness()
  const round = h.rules.startRound('p', { mode: 'competition', idempotencyKey: h.key() })
  const item = h.rules.openNextQuestion('p', round.id)!
  const json = JSON.stringify(h.rules.getRound('p', round.id))
  expect(item.result).toBeNull()
  expect(json).not.toMatch(/"answer"|"explanation"|"correctChoice"|"relatedSiteId"|"perm"/)
})
