/**
 * The me feature's source: the signed-in participant's profile, favourite sites and 纠错 reports.
 * `mock.ts` keeps them in Taro storage; `remote.ts` uses the HTTP API. `index.ts` picks one at build time.
 */
import type { Profile, ProfileInput, ReportInput, ReportReceipt } from './contract'

/** Every method rejects with a DataError (`services/core/errors.ts`), never with anything else. */
export interface MeSource {
  /** `mock` or `remote`, shown on 我的. */
  readonly kind: 'mock' | 'remote'
  /** The signed-in participant's profile (mock: a locally generated id). */
  getProfile(): Promise<Profile>
  /** Saves nickname and unit. Throws `INVALID_INPUT` with `fields` on a bad value; nothing is stored then. */
  saveProfile(input: ProfileInput): Promise<Profile>
  /** Ids of the participant's favourite sites, most recent first. */
  listFavourites(): Promise<string[]>
  /** Adds or removes a favourite; returns the new list. Throws `NOT_FOUND` for an unknown site. */
  setFavourite(siteId: string, favourite: boolean): Promise<string[]>
  /** Files a 纠错 report. Submitting the same `key` twice stores it once and returns the same receipt. */
  submitReport(input: ReportInput): Promise<ReportReceipt>
}
