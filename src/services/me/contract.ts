/**
 * Participant identity, profile, favourites and content error reports (纠错).
 */
import * as v from 'valibot'
import { API_PREFIX, defineRoutes } from '../core/routes'

export { NICKNAME_MAX, UNIT_MAX } from '../core/display-text'
export { REPORT_MAX } from './constants'


/** Roles: a participant, or a coordinator who manages bookings (later issues). */
export const RoleSchema = v.picklist(['participant', 'coordinator'])
export type Role = v.InferOutput<typeof RoleSchema>

/** A participant's profile. `unit` is '' until set. */
export const ProfileSchema = v.object({
  participantId: v.pipe(v.string(), v.minLength(1)),
  nickname: v.string(),
  unit: v.string(),
  role: RoleSchema
})
export type Profile = v.InferOutput<typeof ProfileSchema>

/** What the user edits on 我的. */
export interface ProfileInput {
  nickname: string
  unit: string
}

export const FavouritesSchema = v.object({ siteIds: v.array(v.string()) })

/** A report that a page's content is wrong (纠错). */
export interface ReportInput {
  targetType: 'site' | 'route'
  targetId: string
  /** What is wrong, 2–500 characters. */
  message: string
  /** Optional contact (phone or WeChat id), up to 40 characters. */
  contact?: string
  /** Idempotency key: the same key submitted twice stores one report. */
  key: string
}

export const ReportReceiptSchema = v.object({
  id: v.string(),
  /** Milliseconds since the epoch. */
  receivedAt: v.number()
})
export type ReportReceipt = v.InferOutput<typeof ReportReceiptSchema>

/** The participant's own routes of the HTTP API (all need sign-in). */
export const ME_ROUTES = defineRoutes({
  /** GET → Profile. */
  getProfile: { method: 'GET', path: `${API_PREFIX}/me/profile`, auth: true, idempotent: false, response: ProfileSchema },
  /** PUT `{ nickname, unit }` → Profile; 400 INVALID_INPUT with fields. */
  saveProfile: { method: 'PUT', path: `${API_PREFIX}/me/profile`, auth: true, idempotent: false, response: ProfileSchema },
  /** GET → `{ siteIds }`. */
  listFavourites: { method: 'GET', path: `${API_PREFIX}/me/favourites`, auth: true, idempotent: false, response: FavouritesSchema },
  /** PUT (add) → `{ siteIds }`; 404 for an unknown site. */
  favourite: { method: 'PUT', path: `${API_PREFIX}/me/favourites/:siteId`, auth: true, idempotent: false, response: FavouritesSchema },
  /** DELETE (remove) → `{ siteIds }`. */
  unfavourite: { method: 'DELETE', path: `${API_PREFIX}/me/favourites/:siteId`, auth: true, idempotent: false, response: FavouritesSchema },
  /** POST ReportInput (Idempotency-Key = key) → ReportReceipt. */
  submitReport: { method: 'POST', path: `${API_PREFIX}/reports`, auth: true, idempotent: true, response: ReportReceiptSchema }
})
