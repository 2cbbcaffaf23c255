/**
 * @jest-environment node
 */
/**
 * Remote-only behaviour: transport failures, malformed answers, the offline cache, sign-in and
 * token renewal, and non-ASCII ids and queries over real HTTP.
 */
import Taro from '@tarojs/taro'
import { buildServer, participantIdForCode } from '@mock/server/app'
import { loadDataset } from '@mock/server/dataset'
import { API } from '../support/api'
import { MAX_CACHE_ENTRIES } from '@/services/core/offline-cache'
import { AUTH_KEY, DEVICE_ID_KEY } from '@/services/core/session'
import { createRemoteSource } from '../support/sources'
import { createRequestClient } from '@/services/core/request'
import { SiteSchema } from '@/services/heritage/contract'
import { createMemoryStore } from '@/services/core/kv'
import { taroMock } from '../__mocks__/@tarojs/taro'
import { closedPort, expectDataError, installFetchRequest, listenFastify, listenStub, type Listening } from './http'
import { RAW_SITES } from './heritage-suite'

const json = (res: import('node:http').ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(typeof body === 'string' ? body : JSON.stringify(body))
}

const requestMock = Taro.request as unknown as jest.Mock
const loginMock = Taro.login as unknown as jest.Mock
let code = 0
const uniqueLogin = () => jest.fn(async () => `remote-${++code}`)

beforeEach(() => {
  installFetchRequest()
})

describe('transport failures become typed errors', () => {
  it('TIMEOUT when the server does not answer in time', async () => {
    const stub = await listenStub(() => {
      /* never answers */
    })
    try {
      const ds = createRemoteSource({ baseUrl: stub.baseUrl, timeoutMs: 150, cache: createMemoryStore() })
      const started = Date.now()
      const err = await expectDataError(ds.listSites({}), 'TIMEOUT')
      expect(Date.now() - started).toBeLessThan(1000)
      expect(err.retryable).toBe(true)
    } finally {
      await stub.close()
    }
  })

  it("TIMEOUT also when the platform reports one (wx: 'request:fail timeout')", async () => {
    requestMock.mockImplementation(() => Promise.reject({ errMsg: 'request:fail timeout' }))
    const ds = createRemoteSource({ baseUrl: 'http://127.0.0.1:9', cache: createMemoryStore() })
    await expectDataError(ds.getSite('x'), 'TIMEOUT')
  })

  it('NETWORK when the connection is refused', async () => {
    const port = await closedPort()
    const ds = createRemoteSource({ baseUrl: `http://127.0.0.1:${port}`, cache: createMemoryStore() })
    await expectDataError(ds.listRoutes(), 'NETWORK')
    await expectDataError(ds.getProfile(), 'NETWORK') // sign-in itself fails: still a typed error
  })

  it('HTTP for a 5xx without a contract error body; the server code when the body is valid', async () => {
    const stub = await listenStub((req, res) => {
      if (req.url?.split('?')[0] === '/api/v1/sites') return json(res, 500, '<html>Internal Server Error</html>')
      if (req.url?.startsWith('/api/v1/routes')) return json(res, 502, { error: { code: 'NO_SUCH_CODE', message: 'x' } })
      return json(res, 409, { error: { code: 'CONFLICT', message: '内容已被更改', fields: { a: '冲突' } } })
    })
    try {
      const ds = createRemoteSource({ baseUrl: stub.baseUrl, cache: createMemoryStore() })
      const e500 = await expectDataError(ds.listSites({}), 'HTTP')
      expect(e500.status).toBe(500)
      expect((await expectDataError(ds.listRoutes(), 'HTTP')).status).toBe(502)
      const conflict = await expectDataError(ds.getSite('x'), 'CONFLICT')
      expect(conflict).toMatchObject({ status: 409, message: '内容已被更改', fields: { a: '冲突' } })
    } finally {
      await stub.close()
    }
  })
})

describe('malformed answers become BAD_RESPONSE, never data', () => {
  const { name: _dropped, ...siteWithoutName } = RAW_SITES[0]
  let stub: Listening
  beforeAll(async () => {
    stub = await listenStub((req, res) => {
      const path = decodeURIComponent((req.url ?? '').split('?')[0])
      if (path === '/api/v1/sites/no-name') return json(res, 200, siteWithoutName)
      if (path === '/api/v1/sites/bad-district') return json(res, 200, { ...RAW_SITES[0], district: '火星区' })
      if (path === '/api/v1/sites/text') {
        res.writeHead(200, { 'content-type': 'text/plain' })
        return res.end('欢迎光临')
      }
      if (path === '/api/v1/sites/empty') {
        res.writeHead(200)
        return res.end()
      }
      if (path === '/api/v1/routes') return json(res, 200, { items: [{ id: 'r1' }], total: 1 })
      return json(res, 200, RAW_SITES[0])
    })
  })
  afterAll(() => stub.close())

  it.each(['no-name', 'bad-district', 'text', 'empty'])('site answer "%s" → BAD_RESPONSE', async (id) => {
    const cache = createMemoryStore()
    const ds = createRemoteSource({ baseUrl: stub.baseUrl, cache })
    await expectDataError(ds.getSite(id), 'BAD_RESPONSE')
    expect(cache.keys().filter((k) => k.includes(id))).toEqual([]) // a bad answer is never cached
  })

  it('a route list with incomplete items → BAD_RESPONSE', async () => {
    const ds = createRemoteSource({ baseUrl: stub.baseUrl, cache: createMemoryStore() })
    await expectDataError(ds.listRoutes(), 'BAD_RESPONSE')
  })

  it('H5 flavour (non-JSON body handed over as null) → BAD_RESPONSE', async () => {
    installFetchRequest('h5')
    const ds = createRemoteSource({ baseUrl: stub.baseUrl, cache: createMemoryStore() })
    await expectDataError(ds.getSite('text'), 'BAD_RESPONSE')
    expect((await ds.getSite('ok')).data.id).toBe(RAW_SITES[0].id) // and a good answer still passes
  })
})

describe('offline fallback for public reads', () => {
  it('answers from the last good copy with staleSince when the network fails; a corrupt copy is dropped', async () => {
    const server = await listenFastify(buildServer())
    const cache = createMemoryStore()
    let clock = 1_700_000_000_000
    const ds = createRemoteSource({ baseUrl: server.baseUrl, cache, now: () => clock })
    const site = RAW_SITES[3]

    const online = await ds.listSites({ district: '鲤城区', category: 'former-site' })
    expect(online.staleSince).toBeUndefined()
    const savedAt = clock
    expect((await ds.getSite(site.id)).staleSince).toBeUndefined()
    await expectDataError(ds.getSite('no-such-site'), 'NOT_FOUND')
    expect((await ds.listRoutes()).data.total).toBe(16)
    clock += 60_000
    await server.close()

    // Same query, keys in another order: served from the cache, marked stale.
    const offline = await ds.listSites({ category: 'former-site', district: '鲤城区' })
    expect(offline).toEqual({ data: online.data, staleSince: savedAt })
    expect(await ds.getSite(site.id)).toEqual({ data: site, staleSince: savedAt })
    expect((await ds.listRoutes()).staleSince).toBe(savedAt)
    // Never cached: other queries, and error answers.
    await expectDataError(ds.listSites({ district: '丰泽区' }), 'NETWORK')
    await expectDataError(ds.getSite('no-such-site'), 'NETWORK')

    // A corrupt copy is ignored (the original error is thrown) and removed.
    const siteKey = cache.keys().find((k) => k.endsWith(`/sites/${site.id}`))!
    expect(siteKey).toBeDefined()
    cache.set(siteKey, { savedAt: 5, data: { ...site, name: 42 } })
    await expectDataError(ds.getSite(site.id), 'NETWORK')
    expect(cache.get(siteKey)).toBeUndefined()
    const routesKey = cache.keys().find((k) => k.endsWith('/routes'))!
    cache.set(routesKey, 'not an entry')
    await expectDataError(ds.listRoutes(), 'NETWORK')
    expect(cache.get(routesKey)).toBeUndefined()
  })

  it('also falls back on TIMEOUT', async () => {
    const server = await listenFastify(buildServer())
    try {
      const ds = createRemoteSource({ baseUrl: server.baseUrl, cache: createMemoryStore() })
      const fresh = await ds.getRoute('curated-huian-hongse-shiji')
      requestMock.mockImplementation(() => Promise.reject({ errMsg: 'request:fail timeout' }))
      const stale = await ds.getRoute('curated-huian-hongse-shiji')
      expect(stale.data).toEqual(fresh.data)
      expect(typeof stale.staleSince).toBe('number')
    } finally {
      await server.close()
    }
  })

  it('keeps at most MAX_CACHE_ENTRIES answers, dropping the oldest', async () => {
    const page = { items: [], total: 0, page: 1, pageSize: 20 }
    requestMock.mockImplementation(() => Promise.resolve({ statusCode: 200, data: page }))
    const cache = createMemoryStore()
    const ds = createRemoteSource({ baseUrl: 'http://127.0.0.1:9', cache })
    for (let i = 0; i <= MAX_CACHE_ENTRIES; i++) await ds.listSites({ q: `q${i}` })
    const entryKeys = cache.keys().filter((k) => k.startsWith('GET '))
    expect(entryKeys).toHaveLength(MAX_CACHE_ENTRIES)
    expect(entryKeys.some((k) => k.endsWith('q=q0'))).toBe(false)
    requestMock.mockImplementation(() => Promise.reject({ errMsg: 'request:fail ECONNREFUSED' }))
    await expectDataError(ds.listSites({ q: 'q0' }), 'NETWORK')
    expect((await ds.listSites({ q: `q${MAX_CACHE_ENTRIES}` })).staleSince).toBeDefined()
  })
})

describe('sign-in and tokens', () => {
  it('signs in once, sends the bearer token, and reuses the stored token across instances', async () => {
    const server = await listenFastify(buildServer())
    try {
      const login = uniqueLogin()
      const calls = installFetchRequest()
      const ds = createRemoteSource({ baseUrl: server.baseUrl, login })
      await Promise.all([ds.getProfile(), ds.listFavourites(), ds.getProfile()])
      expect(login).toHaveBeenCalledTimes(1)
      const authed = calls.filter((c) => c.url.includes('/me/'))
      expect(authed.length).toBe(3)
      expect(authed.every((c) => /^Bearer \S{8,}$/.test(c.header.Authorization))).toBe(true)
      expect(calls.find((c) => c.url.endsWith('/sites'))).toBeUndefined()
      const stored = taroMock.storage.get(AUTH_KEY) as { token: string; participantId: string }
      expect(authed[0].header.Authorization).toBe(`Bearer ${stored.token}`)

      const again = createRemoteSource({ baseUrl: server.baseUrl, login })
      expect((await again.getProfile()).participantId).toBe(stored.participantId)
      expect(login).toHaveBeenCalledTimes(1)
      // Public reads carry no token.
      await again.listSites({})
      expect(calls[calls.length - 1].header.Authorization).toBeUndefined()
    } finally {
      await server.close()
    }
  })

  it('signs in again transparently when the server says the token expired (401), keeping the participant', async () => {
    let serverClock = 1_000_000
    const server = await listenFastify(buildServer({ tokenTtlSeconds: 60, now: () => serverClock }))
    try {
      const calls = installFetchRequest()
      const login = jest.fn(async () => 'same-person')
      const ds = createRemoteSource({ baseUrl: server.baseUrl, login })
      await ds.saveProfile({ nickname: '小林', unit: '' })
      serverClock += 61_000 // the client's clock does not move: only the server knows
      const profile = await ds.getProfile()
      expect(profile).toMatchObject({ nickname: '小林', participantId: participantIdForCode('same-person') })
      expect(login).toHaveBeenCalledTimes(2)
      expect(calls.map((c) => c.statusCode)).toContain(401)
    } finally {
      await server.close()
    }
  })

  it('renews a token before its expiry by its own clock, without a 401', async () => {
    const server = await listenFastify(buildServer({ tokenTtlSeconds: 60 }))
    try {
      const calls = installFetchRequest()
      let clientClock = Date.now()
      const login = uniqueLogin()
      const ds = createRemoteSource({ baseUrl: server.baseUrl, login, now: () => clientClock })
      await ds.getProfile()
      clientClock += 30_000
      await ds.getProfile()
      expect(login).toHaveBeenCalledTimes(1)
      clientClock += 30_000 // now within the renewal margin of the 60 s token
      await ds.getProfile()
      expect(login).toHaveBeenCalledTimes(2)
      expect(calls.some((c) => c.statusCode === 401)).toBe(false)
    } finally {
      await server.close()
    }
  })

  it('retries only once: a second 401 becomes UNAUTHORIZED', async () => {
    const stub = await listenStub((req, res) => {
      if (req.url === API.login.path) return json(res, 200, { token: 'tok-12345678', expiresIn: 7200, participantId: 'p-x' })
      return json(res, 401, { error: { code: 'UNAUTHORIZED', message: '登录已失效，请重新登录' } })
    })
    try {
      const login = uniqueLogin()
      const ds = createRemoteSource({ baseUrl: stub.baseUrl, login })
      await expectDataError(ds.getProfile(), 'UNAUTHORIZED')
      expect(login).toHaveBeenCalledTimes(2)
      expect(stub.seen.filter((h) => h.authorization === 'Bearer tok-12345678')).toHaveLength(2)
    } finally {
      await stub.close()
    }
  })

  it('a malformed sign-in answer is BAD_RESPONSE, not a crash', async () => {
    const stub = await listenStub((_req, res) => json(res, 200, { token: 'short' }))
    try {
      const ds = createRemoteSource({ baseUrl: stub.baseUrl, login: uniqueLogin() })
      await expectDataError(ds.listFavourites(), 'BAD_RESPONSE')
    } finally {
      await stub.close()
    }
  })

  describe('platform sign-in codes', () => {
    let server: Listening
    const env = process.env.TARO_ENV
    beforeAll(async () => {
      server = await listenFastify(buildServer())
    })
    afterAll(() => server.close())
    afterEach(() => {
      process.env.TARO_ENV = env
    })

    it('weapp: uses the Taro.login code', async () => {
      process.env.TARO_ENV = 'weapp'
      const ds = createRemoteSource({ baseUrl: server.baseUrl })
      expect((await ds.getProfile()).participantId).toBe(participantIdForCode('test-code'))
      expect(loginMock).toHaveBeenCalledTimes(1)
    })

    it('H5: uses a device id generated once and kept in storage', async () => {
      process.env.TARO_ENV = 'h5'
      const first = await createRemoteSource({ baseUrl: server.baseUrl }).getProfile()
      const deviceId = taroMock.storage.get(DEVICE_ID_KEY) as string
      expect(deviceId).toMatch(/^h5-[0-9a-z]{24}$/)
      expect(first.participantId).toBe(participantIdForCode(deviceId))
      taroMock.storage.delete(AUTH_KEY) // signed out: signs in again as the same device
      const second = await createRemoteSource({ baseUrl: server.baseUrl }).getProfile()
      expect(second.participantId).toBe(first.participantId)
      expect(taroMock.storage.get(DEVICE_ID_KEY)).toBe(deviceId)
      expect(loginMock).not.toHaveBeenCalled()
    })
  })
})

describe('requests on the wire', () => {
  it('sends Idempotency-Key on reports, Content-Type only with a body, and the query encoded', async () => {
    const stub = await listenStub((req, res) => {
      if (req.url === API.login.path) return json(res, 200, { token: 'tok-abcdefgh', expiresIn: 7200, participantId: 'p-x' })
      if (req.url === API.submitReport.path) return json(res, 200, { id: 'r1', receivedAt: 1 })
      return json(res, 200, { items: [], total: 0, page: 1, pageSize: 20 })
    })
    try {
      const calls = installFetchRequest()
      const ds = createRemoteSource({ baseUrl: `${stub.baseUrl}/`, login: uniqueLogin(), cache: createMemoryStore() })
      await ds.submitReport({ targetType: 'site', targetId: 'a', message: '有误', key: 'idem-key-0001' })
      const report = stub.seen[stub.seen.length - 1]
      expect(report['idempotency-key']).toBe('idem-key-0001')
      expect(report['content-type']).toMatch(/application\/json/)
      expect(calls[calls.length - 1].data).toMatchObject({ key: 'idem-key-0001', message: '有误' })

      await ds.listSites({ q: '明伦堂 & 承天寺', district: '鲤城区', ids: ['a', 'b'] })
      const list = calls[calls.length - 1]
      expect(list.url).not.toContain('//api') // trailing slash of baseUrl removed
      const url = new URL(list.url)
      expect(url.searchParams.get('q')).toBe('明伦堂 & 承天寺')
      expect(url.searchParams.get('district')).toBe('鲤城区')
      expect(url.searchParams.get('ids')).toBe('a,b')
      expect(stub.seen[stub.seen.length - 1]['content-type']).toBeUndefined()
    } finally {
      await stub.close()
    }
  })

  it('the request client validates with the given schema and never passes extra data through', async () => {
    requestMock.mockImplementation(() => Promise.resolve({ statusCode: 200, data: JSON.stringify({ ...RAW_SITES[0], secret: 1 }) }))
    const request = createRequestClient({ baseUrl: 'http://127.0.0.1:9' })
    const site = await request({ method: 'GET', path: '/api/v1/sites/x', schema: SiteSchema })
    expect(site).toEqual(RAW_SITES[0])
    expect(site).not.toHaveProperty('secret')
    requestMock.mockImplementation(() => Promise.resolve(undefined))
    await expectDataError(request({ method: 'GET', path: '/x', schema: SiteSchema }), 'NETWORK')
    requestMock.mockImplementation(() => {
      throw new Error('url not in domain list')
    })
    await expectDataError(request({ method: 'GET', path: '/x', schema: SiteSchema }), 'NETWORK')
  })
})

describe('non-ASCII ids and queries survive the round trip', () => {
  const odd = { ...RAW_SITES[1], id: '明伦堂 旧址/甲#1?&' }
  let server: Listening
  beforeAll(async () => {
    const data = loadDataset()
    server = await listenFastify(buildServer({ dataset: { sites: [...data.sites, odd], routes: data.routes } }))
  })
  afterAll(() => server.close())

  it('gets a site whose id has Chinese characters, spaces and URL delimiters', async () => {
    const ds = createRemoteSource({ baseUrl: server.baseUrl, cache: createMemoryStore() })
    expect((await ds.getSite(odd.id)).data).toEqual(odd)
    await expectDataError(ds.getSite('明伦堂'), 'NOT_FOUND')
    const found = await ds.listSites({ q: '明伦堂', pageSize: 50 })
    expect(found.data.items.map((s) => s.id)).toEqual([RAW_SITES[1].id, odd.id])
    expect((await ds.listSites({ ids: [odd.id] })).data.items.map((s) => s.id)).toEqual([odd.id])
    const ds2 = createRemoteSource({ baseUrl: server.baseUrl, login: uniqueLogin(), cache: createMemoryStore() })
    expect(await ds2.setFavourite(odd.id, true)).toEqual([odd.id])
    expect((await ds2.saveProfile({ nickname: '闽南·红砖厝', unit: '泉州🏮支部' })).unit).toBe('泉州🏮支部')
  })
})
