/**
 * Calendar arithmetic for the quiz: Asia/Shanghai days and ISO weeks, computed with plain UTC
 * arithmetic and no timezone database.
 *
 * Asia/Shanghai is UTC+8 all year: China has observed no daylight saving time since 1991, so a
 * fixed +8 h offset gives the right calendar day for every time the app can see. (The 1986–1991
 * DST period is long before any quiz round.)
 *
 * Weeks are ISO 8601 weeks (Monday to Sunday) of the Asia/Shanghai date, keyed `YYYY-Www` with the
 * ISO week-numbering year (so 2026-12-31, a Thursday, is in `2026-W53`, and 2027-01-01 too).
 */

/** Asia/Shanghai's offset from UTC, in ms (+8 h, no DST). */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000
export const DAY_MS = 86_400_000

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

/** The Asia/Shanghai calendar day of an instant (ms since the epoch), as `YYYY-MM-DD`. */
export function dayKeyOf(ms: number): string {
  const d = new Date(ms + SHANGHAI_OFFSET_MS)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** Whether `s` is a real calendar day written `YYYY-MM-DD`. */
export function isDayKey(s: unknown): s is string {
  if (typeof s !== 'string') return false
  const hit = dayCheckCache.get(s)
  return hit ?? remember(dayCheckCache, s, checkDayKey(s))
}

function checkDayKey(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const [y, m, d] = s.split('-').map(Number)
  const t = new Date(Date.UTC(y, m - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
}

/** The instant (ms since the epoch) an Asia/Shanghai day starts: its 00:00 at UTC+8. */
export function dayStartMs(dayKey: string): number {
  const [y, m, d] = dayKey.split('-').map(Number)
  return Date.UTC(y, m - 1, d) - SHANGHAI_OFFSET_MS
}

/** The day `n` days after (or before, when negative) `dayKey`. */
export function addDays(dayKey: string, n: number): string {
  return dayKeyOf(dayStartMs(dayKey) + n * DAY_MS)
}

// Small memo caches: the boards ask for the same few days' weeks and starts very often.
const weekCache = new Map<string, string>()
const dayCheckCache = new Map<string, boolean>()
function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= 4096) cache.clear()
  cache.set(key, value)
  return value
}

/** The ISO week (`YYYY-Www`) an Asia/Shanghai day falls in. */
export function weekKeyOf(dayKey: string): string {
  const hit = weekCache.get(dayKey)
  return hit ?? remember(weekCache, dayKey, computeWeekKey(dayKey))
}

function computeWeekKey(dayKey: string): string {
  const [y, m, d] = dayKey.split('-').map(Number)
  const date = Date.UTC(y, m - 1, d)
  const weekday = (new Date(date).getUTCDay() + 6) % 7 // Monday 0 … Sunday 6
  const thursday = date + (3 - weekday) * DAY_MS
  const isoYear = new Date(thursday).getUTCFullYear()
  const week = 1 + Math.floor((thursday - Date.UTC(isoYear, 0, 1)) / (7 * DAY_MS))
  return `${isoYear}-W${pad(week)}`
}

/** Whether `s` is an existing ISO week written `YYYY-Www`. */
export function isWeekKey(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-W\d{2}$/.test(s)) return false
  const w = Number(s.slice(6))
  return w >= 1 && w <= 53 && weekKeyOf(weekDays(s)[0]) === s
}

const weekDaysCache = new Map<string, string[]>()

/** The seven days (Monday first) of an ISO week. */
export function weekDays(weekKey: string): string[] {
  const hit = weekDaysCache.get(weekKey)
  return (hit ?? remember(weekDaysCache, weekKey, computeWeekDays(weekKey))).slice()
}

function computeWeekDays(weekKey: string): string[] {
  const isoYear = Number(weekKey.slice(0, 4))
  const week = Number(weekKey.slice(6))
  const jan4 = Date.UTC(isoYear, 0, 4)
  const monday1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS
  const monday = monday1 + (week - 1) * 7 * DAY_MS
  const out: string[] = []
  for (let i = 0; i < 7; i++) {
    const t = new Date(monday + i * DAY_MS)
    out.push(`${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`)
  }
  return out
}
