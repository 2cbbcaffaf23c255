/** The 竞答 tab's copy of the quiz's numbers (kept out of the main package's imports) equals the contract's. */
import * as contract from '../../src/services/quiz/contract'
import * as facts from '../../src/features/quiz/tab-facts'

it.each(Object.entries(facts))('%s equals the contract', (name, value) => {
  expect(contract[name as keyof typeof contract]).toBe(value)
})
