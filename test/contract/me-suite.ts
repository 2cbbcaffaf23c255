/**
 * The me contract: profile, favourites and 纠错 reports, one suite every {@link MeSource}
 * implementation must pass.
 */
import { createMemoryStore, type KeyValueStore } from '@/services/core/kv'
import { createMeRepository } from '@/services/me/repository'
import { createMockMeSource } from '@/services/me/mock'
import { createRemoteMeSource } from '@/services/me/remote'
import type { MeSource } from '@/services/me/source'
import type { FeatureContract } from './harness'
import { RAW_ROUTES, RAW_SITES } from './heritage-suite'
import { expectDataError } from './http'

/** A source under test plus a window on the reports its backend stored. */
export interface MeTarget {
  source: MeSource
  /** Idempotency keys of all reports the backend has stored (one entry per stored report). */
  storedReportKeys(): string[]
}

let keySeq = 0
/** A fresh idempotency key (8–64 characters). */
const newKey = () => `key-${Date.now().toString(36)}-${(keySeq++).toString(36).padStart(4, '0')}`

/** Keys of every report stored in a me repository kept in `store`, whoever filed it. */
function reportKeys(store: KeyValueStore): string[] {
  const repo = createMeRepository(store)
  const pids = new Set(store.keys('report:').map((k) => k.split(':')[1]))
  return [...pids].flatMap((pid) => repo.listReports(pid).map((r) => r.key))
}

/**
 * Registers the me contract suite.
 * @param name label of the implementation ("mock", "remote")
 * @param makeTarget called once per test: a fresh source (and a fresh participant)
 * @param cleanup called after each test
 */
export function runMeContract(name: string, makeTarget: () => Promise<MeTarget>, cleanup: () => Promise<void>): void {
  describe(`MeSource contract: ${name}`, () => {
    let t: MeTarget
    let ds: MeSource
    beforeEach(async () => {
      t = await makeTarget()
      ds = t.source
    })
    afterEach(cleanup)

    describe('profile', () => {
      it('starts empty, saves (trimmed) and reads back', async () => {
        const fresh = await ds.getProfile()
        expect(fresh).toMatchObject({ nickname: '', unit: '', role: 'participant' })
        expect(fresh.participantId).not.toBe('')
        const saved = await ds.saveProfile({ nickname: '  红星闪闪 ', unit: '泉州市第一中学' })
        expect(saved).toEqual({ ...fresh, nickname: '红星闪闪', unit: '泉州市第一中学' })
        expect(await ds.getProfile()).toEqual(saved)
      })

      it('rejects a bad nickname or unit with INVALID_INPUT and keeps the previous profile', async () => {
        const before = await ds.saveProfile({ nickname: '老党员', unit: '鲤城区某支部' })
        const bad: Array<[string, string, string]> = [
          ['', '', 'nickname'],
          ['   ', '', 'nickname'],
          ['一'.repeat(21), '', 'nickname'],
          ['红\u0007星', '', 'nickname'],
          ['红\u200b星', '', 'nickname'],
          ['好名字', '单'.repeat(41), 'unit']
        ]
        for (const [nickname, unit, field] of bad) {
          await expectDataError(ds.saveProfile({ nickname, unit }), 'INVALID_INPUT', field)
          expect(await ds.getProfile()).toEqual(before)
        }
        const twenty = '一'.repeat(20)
        expect((await ds.saveProfile({ nickname: twenty, unit: '' })).nickname).toBe(twenty)
      })
    })

    describe('favourites', () => {
      it('adds (most recent first), removes, and refuses an unknown site', async () => {
        const [a, b] = RAW_SITES.map((s) => s.id)
        expect(await ds.listFavourites()).toEqual([])
        expect(await ds.setFavourite(a, true)).toEqual([a])
        expect(await ds.setFavourite(b, true)).toEqual([b, a])
        expect(await ds.setFavourite(a, true)).toEqual([a, b]) // no duplicate; moves to the front
        expect(await ds.setFavourite(b, false)).toEqual([a])
        expect(await ds.setFavourite(b, false)).toEqual([a]) // removing twice is harmless
        await expectDataError(ds.setFavourite('no-such-site', true), 'NOT_FOUND')
        expect(await ds.listFavourites()).toEqual([a])
      })
    })

    describe('reports', () => {
      it('stores a report once per idempotency key', async () => {
        const key = newKey()
        const input = { targetType: 'site' as const, targetId: RAW_SITES[1].id, message: '开放时间有误', key }
        const first = await ds.submitReport(input)
        const again = await ds.submitReport(input)
        expect(again).toEqual(first)
        expect(t.storedReportKeys().filter((k) => k === key)).toHaveLength(1)

        const other = await ds.submitReport({ ...input, key: newKey(), targetType: 'route', targetId: RAW_ROUTES[0].id })
        expect(other.id).not.toBe(first.id)
      })

      it('refuses an unknown target or a too-short message', async () => {
        await expectDataError(ds.submitReport({ targetType: 'site', targetId: 'no-such-site', message: '地址错了', key: newKey() }), 'NOT_FOUND')
        await expectDataError(ds.submitReport({ targetType: 'site', targetId: RAW_SITES[0].id, message: '错', key: newKey() }), 'INVALID_INPUT', 'message')
      })
    })
  })
}

let participant = 0

/** The me feature on both sources (registered in `contracts.test.ts`). */
export const meContract: FeatureContract<MeTarget> = {
  feature: 'me',
  mock: () => {
    const store = createMemoryStore()
    return { source: createMockMeSource({ store, participantId: 'p-test' }), storedReportKeys: () => reportKeys(store) }
  },
  remote: async (listen) => {
    const store = createMemoryStore()
    // A new sign-in code per test: a fresh participant.
    const source = createRemoteMeSource({ baseUrl: await listen({ store }), login: async () => `contract-${++participant}` })
    return { source, storedReportKeys: () => reportKeys(store) }
  },
  suite: runMeContract
}
