/**
 * The in-process heritage source: the rules over the embedded dataset (`mock/data/`). Works with
 * no network at all, in the mini-program and in H5.
 */
import sitesJson from '@mock/data/sites.json'
import routesJson from '@mock/data/routes.json'
import { callRule } from '../core/errors'
import type { Route, Site } from './contract'
import * as heritage from './rules'
import type { HeritageSource } from './source'

/** The embedded dataset (as built by `npm run data`; validated by the data tests). */
export function embeddedDataset(): heritage.HeritageDataset {
  return { sites: sitesJson as Site[], routes: routesJson as Route[] }
}

/**
 * Creates the mock heritage source.
 * @param opts.dataset override the embedded dataset (tests)
 */
export function createMockHeritageSource(opts: { dataset?: heritage.HeritageDataset } = {}): HeritageSource {
  const data = opts.dataset ?? embeddedDataset()
  return {
    kind: 'mock',
    listSites: (query) => callRule(() => ({ data: heritage.listSites(data, query) })),
    getSite: (id) => callRule(() => ({ data: heritage.getSite(data, id) })),
    listRoutes: (query) => callRule(() => ({ data: heritage.listRoutes(data, query) })),
    getRoute: (id) => callRule(() => ({ data: heritage.getRoute(data, id) }))
  }
}
