/**
 * The display-name rules every feature shares: nickname and work unit (used by the profile, the
 * quiz boards and bookings), and free text checks. Plain functions, no schemas.
 */
import { DataError } from './errors'

/** Longest nickname, in characters. */
export const NICKNAME_MAX = 20
/** Longest work-unit name (单位/支部/学校), in characters. */
export const UNIT_MAX = 40
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

/**
 * Validates a nickname (required) and work unit (optional), trimmed.
 * @throws DataError `INVALID_INPUT` with `fields.nickname` / `fields.unit` messages.
 */
export function validateNameAndUnit(input: unknown): { nickname: string; unit: string } {
  const obj = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>
  const nickname = checkDisplayText(obj.nickname, '昵称', NICKNAME_MAX, true)
  const unit = checkDisplayText(obj.unit, '单位', UNIT_MAX, false)
  const fields: Record<string, string> = {}
  if (!nickname.ok) fields.nickname = nickname.message
  if (!unit.ok) fields.unit = unit.message
  if (!nickname.ok || !unit.ok) throw new DataError('INVALID_INPUT', Object.values(fields).join('；'), { fields })
  return { nickname: nickname.value, unit: unit.value }
}
