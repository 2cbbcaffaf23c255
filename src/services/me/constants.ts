/** The me feature's limits (no schemas, so pages in the main package can state them). */
export { NICKNAME_MAX, UNIT_MAX } from '../core/display-text'

/** Longest error report text, in characters. */
export const REPORT_MAX = 500
