/** The remote me source: the participant's routes of the HTTP API, signed in (see `services/core/session.ts`). */
import { callRoute, createSession, type SessionOptions } from '../core/session'
import { ME_ROUTES as R } from './contract'
import type { MeSource } from './source'

/**
 * Creates the remote me source. Every method rejects only with a DataError: `NETWORK`, `TIMEOUT`,
 * `HTTP`, `BAD_RESPONSE`, or the server's `NOT_FOUND` / `INVALID_INPUT` / `UNAUTHORIZED` / `CONFLICT`.
 */
export function createRemoteMeSource(opts: SessionOptions): MeSource {
  const { request } = createSession(opts)
  return {
    kind: 'remote',
    getProfile: () => callRoute(request, R.getProfile),
    saveProfile: (input) => callRoute(request, R.saveProfile, { body: { nickname: input.nickname, unit: input.unit } }),
    listFavourites: async () => (await callRoute(request, R.listFavourites)).siteIds,
    setFavourite: async (siteId, favourite) => (await callRoute(request, favourite ? R.favourite : R.unfavourite, { params: { siteId } })).siteIds,
    submitReport: (input) => callRoute(request, R.submitReport, { body: input, idempotencyKey: input.key })
  }
}
