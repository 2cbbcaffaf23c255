/**
 * Display formatting in the app's voice (shared/ui-style.md): dates as 2026年11月30日 (local time),
 * durations in 小时/分钟. Dates are formatted by hand: the two formats the app uses do
 * not justify a date library in the main package (dayjs with its zh-cn locale was ~8 KB there).
 */

const pad2 = (n: number) => String(n).padStart(2, '0')

/** A date/time in ms since the epoch as 2026年11月30日. */
export function formatDate(ms: number): string {
  const d = new Date(ms)
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`
}

/** A date/time in ms since the epoch as 2026年11月30日 14:05. */
export function formatDateTime(ms: number): string {
  const d = new Date(ms)
  return `${formatDate(ms)} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`
}

/**
 * A duration in minutes as 约 2 小时 30 分钟 / 45 分钟.
 * @param minutes non-negative whole minutes
 */
export function formatMinutes(minutes: number): string {
  const m = Math.max(0, Math.round(minutes))
  const h = Math.floor(m / 60)
  const rest = m % 60
  if (h === 0) return `${rest} 分钟`
  return rest ? `${h} 小时 ${rest} 分钟` : `${h} 小时`
}
