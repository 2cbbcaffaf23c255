/**
 * Participant identity, profile, favourites and content error reports (纠错).
 */
import * as v from 'valibot'

/** Longest nickname, in characters. */
export const NICKNAME_MAX = 20
/** Longest work-unit name (单位/支部/学校), in characters. */
export const UNIT_MAX = 40
/** Longest error report text, in characters. */
export const REPORT_MAX = 500

// Control characters (C0, DEL, C1), invisible format characters (soft hyphen, zero-width space,
// word joiners, bidi marks, embeddings and isolates), line/paragraph separators and the BOM.
// The zero-width (non-)joiners U+200C/U+200D are allowed: emoji such as 👩‍💻 are built with them.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/
// The same, but allowing line breaks and tabs (longer free text such as a 纠错 report).
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/

/** Whether free text (line breaks allowed) contains control or invisible format characters. */
export function hasControlChars(text: string): boolean {
  return CONTROL_CHARS_IN_TEXT.test(text)
}

/**
 * Checks a short display text (nickname or unit name) and returns it trimmed.
 * @returns `{ ok: true, value }`, or `{ ok: false, message }` with a Chinese message naming the field.
 */
export function checkDisplayText(raw: unknown, label: string, max: number, required: boolean): { ok: true; value: string } | { ok: false; message: string } {
  if (raw === undefined || raw === null || raw === '') {
    return required ? { ok: false, message: `请填写${label}` } : { ok: true, value: '' }
  }
  if (typeof raw !== 'string') return { ok: false, message: `${label}格式有误` }
  const value = raw.trim()
  if (!value) return required ? { ok: false, message: `${label}不能只有空格` } : { ok: true, value: '' }
  if (CONTROL_CHARS.test(value)) return { ok: false, message: `${label}含有不可见的控制字符，请删除后重试` }
  if ([...value].length > max) return { ok: false, message: `${label}最多 ${max} 个字` }
  return { ok: true, value }
}

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

export const LoginResultSchema = v.object({
  token: v.pipe(v.string(), v.minLength(8)),
  /** Seconds until the token expires. */
  expiresIn: v.pipe(v.number(), v.minValue(1)),
  participantId: v.string()
})
export type LoginResult = v.InferOutput<typeof LoginResultSchema>
