/**
 * The features the mock server serves, in registration order. Adding a feature: write
 * `features/<feature>.ts` (its route table mapped onto its rules) and add it here.
 */
import type { ServerContext, ServerFeature } from './http'
import { heritageFeature } from './heritage'
import { meFeature } from './me'
import { quizFeature } from './quiz'

/** Creates every feature's handlers for one server. */
export const SERVER_FEATURES: ReadonlyArray<(ctx: ServerContext) => ServerFeature> = [heritageFeature, meFeature, quizFeature]
