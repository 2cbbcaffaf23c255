/** The heritage routes on the mock server: sites and routes, public reads over the heritage rules. */
import { invalid } from '../../../src/services/core/errors'
import { HERITAGE_ROUTES, type RouteQuery } from '../../../src/services/heritage/contract'
import * as heritage from '../../../src/services/heritage/rules'
import { params, query, serverFeature, type ServerContext } from './http'

/** Converts the route list's query (`q`, `curated` as `true`/`false`/`1`/`0`). */
function parseRouteQuery(raw: Record<string, unknown>): RouteQuery {
  const out: RouteQuery = {}
  const q = raw.q
  if (q !== undefined && q !== '') {
    if (typeof q !== 'string') throw invalid('q', '参数 q 格式有误')
    out.q = q
  }
  const curated = raw.curated
  if (curated !== undefined && curated !== '') {
    if (curated === 'true' || curated === '1') out.curated = true
    else if (curated === 'false' || curated === '0') out.curated = false
    else throw invalid('curated', '参数 curated 应为 true 或 false')
  }
  return out
}

/** The heritage feature's handlers over the server's dataset. */
export function heritageFeature(ctx: ServerContext) {
  const data = ctx.dataset
  // The list rules read the summary index (as the app's mock does); built on first use.
  let index: heritage.HeritageIndex | null = null
  const lists = () => (index ??= heritage.toHeritageIndex(data))
  return serverFeature(HERITAGE_ROUTES, {
    listSites: (req) => heritage.listSites(lists(), query(req)),
    getSite: (req) => heritage.getSite(data, params(req).id),
    listRoutes: (req) => heritage.listRoutes(lists(), parseRouteQuery(query(req))),
    getRoute: (req) => heritage.getRoute(data, params(req).id)
  })
}
