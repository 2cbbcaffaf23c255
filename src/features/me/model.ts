/** The me feature's types: the participant's profile, the edit form, and 纠错 reports. */
export type { Profile, ProfileInput, ReportInput, ReportReceipt } from '../../services/me/contract'
export { NICKNAME_MAX, REPORT_MAX, UNIT_MAX } from '../../services/me/constants'
