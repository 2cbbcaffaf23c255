/**
 * The heritage contract: one suite every {@link HeritageSource} implementation must pass, so the
 * in-process mock and the remote source (over the HTTP mock server) cannot drift apart.
 *
 * Expectations are computed from the raw dataset files (`mock/data/*.json`), not from the rules
 * module, so a bug in the rules fails here too.
 */
import * as v from 'valibot'
import sitesJson from '@mock/data/sites.json'
import routesJson from '@mock/data/routes.json'
import { CATEGORY_IDS, DISTRICTS, PERIODS, RouteSchema, SiteSchema, UNKNOWN, type SiteQuery } from '@/services/heritage/contract'
import type { HeritageSource } from '@/services/heritage/source'
import { createMemoryStore } from '@/services/core/kv'
import { createMockHeritageSource } from '@/services/heritage/mock-detail'
import { createRemoteHeritageSource } from '@/services/heritage/remote'
import type { FeatureContract } from './harness'
import { expectDataError } from './http'

/** The raw dataset, validated (the oracle the suite compares against). */
export const RAW_SITES = v.parse(v.array(SiteSchema), sitesJson)
export const RAW_ROUTES = v.parse(v.array(RouteSchema), routesJson)


/**
 * Registers the heritage contract suite.
 * @param name label of the implementation ("mock", "remote")
 * @param makeTarget called once per test: a fresh source
 * @param cleanup called after each test
 */
export function runHeritageContract(name: string, makeTarget: () => Promise<HeritageSource>, cleanup: () => Promise<void>): void {
  describe(`HeritageSource contract: ${name}`, () => {
    let ds: HeritageSource
    beforeEach(async () => {
      ds = await makeTarget()
    })
    afterEach(cleanup)

    const all = async (query: SiteQuery = {}) => (await ds.listSites({ ...query, pageSize: 50 })).data

    describe('sites', () => {
      it('lists 50 sites, 20 a page by default; 3 pages cover each site once, in dataset order', async () => {
        const first = (await ds.listSites({})).data
        expect(first).toMatchObject({ total: 50, page: 1, pageSize: 20 })
        const pages = [first]
        for (const page of [2, 3, 4]) pages.push((await ds.listSites({ page, pageSize: 20 })).data)
        expect(pages.map((p) => p.items.length)).toEqual([20, 20, 10, 0])
        expect(pages.every((p) => p.total === 50)).toBe(true)
        const ids = pages.flatMap((p) => p.items.map((s) => s.id))
        expect(new Set(ids).size).toBe(50)
        expect(ids).toEqual(RAW_SITES.map((s) => s.id))
      })

      it('list items are summaries of the full records', async () => {
        const { items } = await all()
        const raw = RAW_SITES[0]
        expect(items[0]).toEqual({
          id: raw.id,
          name: raw.name,
          district: raw.district,
          town: raw.town,
          address: raw.address,
          category: raw.category,
          categoryLabel: raw.categoryLabel,
          periods: raw.periods,
          verified: raw.verified,
          pinyin: raw.pinyin
        })
      })

      it('filters by district, including the unknown bucket; the buckets partition the 50', async () => {
        let sum = 0
        for (const d of [...DISTRICTS, UNKNOWN] as const) {
          const page = await all({ district: d })
          const expected = RAW_SITES.filter((s) => (d === UNKNOWN ? s.district === null : s.district === d)).map((s) => s.id)
          expect({ d, ids: page.items.map((s) => s.id) }).toEqual({ d, ids: expected })
          expect(page.total).toBe(expected.length)
          sum += page.total
        }
        expect(sum).toBe(50)
        expect(RAW_SITES.some((s) => s.district === null)).toBe(true) // the unknown bucket is exercised
      })

      it('filters by category; the categories partition the 50', async () => {
        let sum = 0
        for (const c of CATEGORY_IDS) {
          const page = await all({ category: c })
          const expected = RAW_SITES.filter((s) => s.category === c).map((s) => s.id)
          expect({ c, ids: page.items.map((s) => s.id) }).toEqual({ c, ids: expected })
          sum += page.total
        }
        expect(sum).toBe(50)
      })

      it('filters by period, including the unknown bucket (no stated period)', async () => {
        for (const p of [...PERIODS, UNKNOWN] as const) {
          const page = await all({ period: p })
          const expected = RAW_SITES.filter((s) => (p === UNKNOWN ? s.periods.length === 0 : s.periods.includes(p))).map((s) => s.id)
          expect({ p, ids: page.items.map((s) => s.id) }).toEqual({ p, ids: expected })
        }
        expect(RAW_SITES.filter((s) => s.periods.length === 0).length).toBeGreaterThan(0)
      })

      it('combines filters with AND', async () => {
        const page = await all({ district: '鲤城区', category: 'former-site', period: '大革命时期' })
        const expected = RAW_SITES.filter((s) => s.district === '鲤城区' && s.category === 'former-site' && s.periods.includes('大革命时期'))
        expect(expected.length).toBeGreaterThan(0)
        expect(page.items.map((s) => s.id)).toEqual(expected.map((s) => s.id))
      })

      it('finds 明伦堂 by Chinese text and by pinyin initials (any case)', async () => {
        const target = RAW_SITES.find((s) => s.name.includes('明伦堂'))
        expect(target).toBeDefined()
        for (const q of ['明伦堂', 'mlt', 'MLT', ' 明伦 ']) {
          const page = await all({ q })
          expect({ q, found: page.items.map((s) => s.id) }).toEqual({ q, found: expect.arrayContaining([target!.id]) })
          expect(page.total).toBeLessThan(50)
        }
        expect((await all({ q: '不存在的地名xyz' })).total).toBe(0)
      })

      it('restricts to given ids, in the order given; an empty id list matches nothing', async () => {
        const [a, b, c] = RAW_SITES.map((s) => s.id)
        const page = await all({ ids: [c, a, b] })
        expect(page.items.map((s) => s.id)).toEqual([c, a, b])
        expect((await all({ ids: [] })).total).toBe(0)
        expect((await all({ ids: [b, 'no-such-site'] })).items.map((s) => s.id)).toEqual([b])
      })

      it('rejects a bad filter value with INVALID_INPUT naming the field', async () => {
        await expectDataError(ds.listSites({ district: '火星区' as never }), 'INVALID_INPUT', 'district')
        await expectDataError(ds.listSites({ category: 'castle' as never }), 'INVALID_INPUT', 'category')
        await expectDataError(ds.listSites({ period: '未来时期' as never }), 'INVALID_INPUT', 'period')
        await expectDataError(ds.listSites({ pageSize: 51 }), 'INVALID_INPUT', 'pageSize')
        await expectDataError(ds.listSites({ page: 0 }), 'INVALID_INPUT', 'page')
        await expectDataError(ds.listSites({ q: '长'.repeat(51) }), 'INVALID_INPUT', 'q')
      })

      it('gets one site in full; an unknown id is NOT_FOUND', async () => {
        const raw = RAW_SITES[7]
        const { data, staleSince } = await ds.getSite(raw.id)
        expect(data).toEqual(raw)
        expect(staleSince).toBeUndefined()
        await expectDataError(ds.getSite('no-such-site'), 'NOT_FOUND')
        await expectDataError(ds.getSite(''), 'NOT_FOUND')
      })
    })

    describe('routes', () => {
      it('lists the 16 routes in dataset order; filters curated and by text', async () => {
        const { data } = await ds.listRoutes()
        expect(data.total).toBe(16)
        expect(data.items.map((r) => r.id)).toEqual(RAW_ROUTES.map((r) => r.id))
        expect(data.items[0]).not.toHaveProperty('stops')
        const curated = (await ds.listRoutes({ curated: true })).data
        expect(curated.items.map((r) => r.id)).toEqual(RAW_ROUTES.filter((r) => r.curated).map((r) => r.id))
        const sourced = (await ds.listRoutes({ curated: false })).data
        expect(curated.total + sourced.total).toBe(16)
        const q = (await ds.listRoutes({ q: '惠安' })).data
        expect(q.total).toBeGreaterThan(0)
        expect(q.total).toBeLessThan(16)
      })

      it('gets each route with its stops in order; every site stop resolves through getSite', async () => {
        for (const raw of RAW_ROUTES) {
          const { data } = await ds.getRoute(raw.id)
          expect(data).toEqual(raw)
          expect(data.stops.length).toBe(data.stopCount)
          for (const stop of data.stops) {
            if (stop.kind !== 'site') continue
            const site = (await ds.getSite(stop.siteId)).data
            expect(site.id).toBe(stop.siteId)
            expect(site.routeIds).toContain(raw.id)
          }
        }
        await expectDataError(ds.getRoute('no-such-route'), 'NOT_FOUND')
      })
    })

  })
}

/** The heritage feature on both sources (registered in `contracts.test.ts`). */
export const heritageContract: FeatureContract<HeritageSource> = {
  feature: 'heritage',
  mock: () => createMockHeritageSource(),
  remote: async (listen) => createRemoteHeritageSource({ baseUrl: await listen(), cache: createMemoryStore() }),
  suite: runHeritageContract
}
