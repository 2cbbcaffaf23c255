/**
 * The in-process heritage detail source: full site and route records from the embedded dataset
 * (`mock/data/sites.json`, `routes.json`). Reached only through `detail.ts`, i.e. from the heritage
 * subpackage's pages (weapp) or their async chunk (H5), never from a tab page.
 */
import sitesJson from '@mock/data/sites.json'
import routesJson from '@mock/data/routes.json'
import { callRule } from '../core/errors'
import type { Route, Site } from './contract'
import { createMockHeritageListSource } from './mock'
import * as heritage from './rules'
import type { HeritageDetailSource, HeritageSource } from './source'

/** The embedded dataset (as built by `npm run data`; validated by the data tests). */
export function embeddedDataset(): heritage.HeritageDataset {
  return { sites: sitesJson as Site[], routes: routesJson as Route[] }
}

/**
 * Creates the mock heritage detail source.
 * @param opts.dataset override the embedded dataset (tests)
 */
export function createMockHeritageDetailSource(opts: { dataset?: heritage.HeritageDataset } = {}): HeritageDetailSource {
  const data = opts.dataset ?? embeddedDataset()
  return {
    kind: 'mock',
    getSite: (id) => callRule(() => ({ data: heritage.getSite(data, id) })),
    getRoute: (id) => callRule(() => ({ data: heritage.getRoute(data, id) }))
  }
}

/**
 * Both mock parts as one source (tests and the contract suite): lists over the embedded index,
 * or over the index of `opts.dataset` when one is given; details over the dataset.
 */
export function createMockHeritageSource(opts: { dataset?: heritage.HeritageDataset } = {}): HeritageSource {
  const lists = createMockHeritageListSource({ index: opts.dataset ? heritage.toHeritageIndex(opts.dataset) : undefined })
  return { ...lists, ...createMockHeritageDetailSource(opts), kind: 'mock' }
}
