/** Profile feature types: the contract's Profile and the edit form's shape. */
export type { Profile, ProfileInput } from '../../services/contract/profile'
export { NICKNAME_MAX, UNIT_MAX } from '../../services/contract/profile'
