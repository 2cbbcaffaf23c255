/**
 * Who the caller is, in every feature: the sign-in answer and the API's own routes (health,
 * sign-in). The display-name rules are in `display-text.ts` (no schemas, so the main package can
 * use them without the validation library).
 */
import * as v from 'valibot'
import { API_PREFIX, defineRoutes } from './routes'

export const LoginResultSchema = v.object({
  token: v.pipe(v.string(), v.minLength(8)),
  /** Seconds until the token expires. */
  expiresIn: v.pipe(v.number(), v.minValue(1)),
  participantId: v.string()
})
export type LoginResult = v.InferOutput<typeof LoginResultSchema>

/** The API's own routes, shared by every feature. */
export const CORE_ROUTES = defineRoutes({
  /** POST `{ code }` (wx.login code, or an H5 device id) → LoginResult. */
  login: { method: 'POST', path: `${API_PREFIX}/auth/login`, auth: false, idempotent: false, response: LoginResultSchema },
  /** GET → `{ ok: true }`: the server is up (used by scripts and tests). */
  health: { method: 'GET', path: `${API_PREFIX}/health`, auth: false, idempotent: false, response: v.object({ ok: v.literal(true) }) }
})
