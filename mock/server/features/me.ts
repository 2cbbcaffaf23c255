/** The me routes on the mock server: profile, favourites and 纠错 reports of the signed-in participant. */
import { createMemoryStore } from '../../../src/services/core/kv'
import { ME_ROUTES } from '../../../src/services/me/contract'
import { createMeRepository } from '../../../src/services/me/repository'
import { createMeRules } from '../../../src/services/me/rules'
import { params, serverFeature, withIdempotencyHeader, type ServerContext } from './http'

/** The me feature's handlers over one repository per server (in memory unless `ctx.store` is given). */
export function meFeature(ctx: ServerContext) {
  const rules = createMeRules(createMeRepository(ctx.store ?? createMemoryStore()), {
    siteExists: ctx.siteExists,
    routeExists: ctx.routeExists,
    now: ctx.now
  })
  return serverFeature(ME_ROUTES, {
    getProfile: (_req, pid) => rules.getProfile(pid),
    saveProfile: (req, pid) => rules.saveProfile(pid, req.body),
    listFavourites: (_req, pid) => ({ siteIds: rules.listFavourites(pid) }),
    favourite: (req, pid) => ({ siteIds: rules.setFavourite(pid, params(req).siteId, true) }),
    unfavourite: (req, pid) => ({ siteIds: rules.setFavourite(pid, params(req).siteId, false) }),
    submitReport: (req, pid) => rules.submitReport(pid, withIdempotencyHeader(req, req.body, 'key'))
  })
}
