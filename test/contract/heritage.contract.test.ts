/**
 * @jest-environment node
 */
/**
 * The one contract suite, run against both data sources:
 * (a) the in-process mock source over a memory store;
 * (b) the remote source over real HTTP to the mock server on a loopback port.
 */
import { buildServer } from '@mock/server/app'
import { createMockSource } from '@/services/mock-source'
import { createRemoteSource } from '@/services/remote-source'
import { createMemoryStore } from '@/services/rules/store'
import { installFetchRequest, listenFastify, type Listening } from './http'
import { runContract } from './suite'

interface StoredReport {
  key: string
}

runContract('mock (in-process)', () => {
  const store = createMemoryStore()
  return {
    source: createMockSource({ store, participantId: 'p-test' }),
    storedReportKeys: () => (store.get<StoredReport[]>('reports') ?? []).map((r) => r.key)
  }
})

describe('over HTTP', () => {
  const store = createMemoryStore()
  let server: Listening
  let participant = 0

  beforeAll(async () => {
    server = await listenFastify(buildServer({ store }))
  })
  afterAll(() => server.close())
  beforeEach(() => {
    installFetchRequest()
  })

  runContract('remote (HTTP mock server)', () => ({
    // A new sign-in code per test: a fresh participant on the shared server.
    source: createRemoteSource({ baseUrl: server.baseUrl, login: async () => `contract-${++participant}`, cache: createMemoryStore() }),
    storedReportKeys: () => (store.get<StoredReport[]>('reports') ?? []).map((r) => r.key)
  }))
})
