/**
 * The numbers the 竞答 tab (main package) states about the quiz. They are the contract's rules,
 * copied here because importing services/quiz/contract pulls its schemas and route table into
 * the main package (about 10 KB); test/components/quiz-tab-facts.test.ts checks they are equal.
 * When the contract's constants live in a module without schemas, import them from there instead.
 */
export const DAILY_QUESTION_COUNT = 10
export const COMPETITION_QUESTION_COUNT = 20
export const QUESTION_TIME_MS = 20_000
export const COUNTED_ROUNDS_PER_DAY = 3
