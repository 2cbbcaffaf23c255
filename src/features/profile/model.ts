/** Profile feature types: the contract's Profile and the edit form's shape. */
export type { Profile, ProfileInput } from '../../services/me/contract'
export { NICKNAME_MAX, UNIT_MAX } from '../../services/me/contract'
