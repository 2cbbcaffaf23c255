/**
 * Every feature's route table in one object, for tests that speak raw HTTP to the mock server
 * (`API.getSite.path`, …). The app itself never needs this: each remote source uses its own table.
 */
import { CORE_ROUTES } from '@/services/core/identity'
import { HERITAGE_ROUTES } from '@/services/heritage/contract'
import { ME_ROUTES } from '@/services/me/contract'
import { QUIZ_ROUTES } from '@/services/quiz/contract'

export { fillPath } from '@/services/core/routes'

/** All routes of the API, by name. */
export const API = { ...CORE_ROUTES, ...HERITAGE_ROUTES, ...ME_ROUTES, ...QUIZ_ROUTES }
