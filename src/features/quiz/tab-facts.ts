/**
 * The numbers the 竞答 tab (main package) states about the quiz: the rules' own constants, from
 * `services/quiz/constants.ts` (no schemas or routes, so the main package stays small).
 */
export { COMPETITION_QUESTION_COUNT, COUNTED_ROUNDS_PER_DAY, DAILY_QUESTION_COUNT, QUESTION_TIME_MS } from '../../services/quiz/constants'
