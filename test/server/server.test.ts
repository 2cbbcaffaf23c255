/**
 * @jest-environment node
 */
/**
 * The HTTP mock server as an adapter: routes from the API table, CORS, error bodies, sign-in
 * and bearer checks, the Idempotency-Key check, and static serving of the H5 build.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildServer, LOGIN_CODE_MAX, participantIdForCode } from '@mock/server/app'
import { loadDataset } from '@mock/server/dataset'
import { API, fillPath } from '../support/api'
import { serve, type Served } from './inject'

const ORIGIN = 'http://localhost:10086'

async function signIn(app: Served, code = 'server-test'): Promise<{ token: string; participantId: string; expiresIn: number }> {
  const res = await app.inject({ method: 'POST', url: API.login.path, payload: { code } })
  expect(res.statusCode).toBe(200)
  return res.json()
}

function expectErrorBody(res: { statusCode: number; json(): unknown }, status: number, code: string, field?: string) {
  expect(res.statusCode).toBe(status)
  const body = res.json() as { error: { code: string; message: string; fields?: Record<string, string> } }
  expect(Object.keys(body)).toEqual(['error'])
  expect(body.error.code).toBe(code)
  expect(body.error.message).toMatch(/[\u4e00-\u9fff]/)
  if (field) expect(body.error.fields?.[field]).toMatch(/[\u4e00-\u9fff]/)
  else expect(body.error.fields).toBeUndefined()
  return body.error
}

describe('mock server', () => {
  let fastify: FastifyInstance
  let app: Served
  beforeAll(async () => {
    fastify = buildServer()
    app = await serve(fastify)
  })
  afterAll(() => app.close())

  it('registers every route of the API table', () => {
    for (const [name, { method, path: url }] of Object.entries(API)) {
      expect({ name, registered: fastify.hasRoute({ method, url }) }).toEqual({ name, registered: true })
    }
  })

  it('GET /api/v1/health → { ok: true }', async () => {
    const res = await app.inject({ method: 'GET', url: API.health.path })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ ok: true })
  })

  it('loads and validates the embedded dataset', () => {
    const data = loadDataset()
    expect(data.sites).toHaveLength(50)
    expect(data.routes).toHaveLength(16)
  })

  describe('CORS for the H5 app', () => {
    it('answers a preflight for PUT with Authorization, Idempotency-Key and Content-Type', async () => {
      const res = await app.inject({
        method: 'OPTIONS',
        url: fillPath(API.favourite.path, { siteId: 'x' }),
        headers: { origin: ORIGIN, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization,idempotency-key,content-type' }
      })
      expect(res.statusCode).toBe(204)
      expect(res.headers['access-control-allow-origin']).toBe(ORIGIN)
      const allowed = String(res.headers['access-control-allow-headers']).toLowerCase()
      for (const h of ['authorization', 'idempotency-key', 'content-type']) expect(allowed).toContain(h)
      const methods = String(res.headers['access-control-allow-methods'])
      for (const m of ['GET', 'PUT', 'POST', 'DELETE']) expect(methods).toContain(m)
    })

    it('marks plain and error answers for the calling origin', async () => {
      const ok = await app.inject({ method: 'GET', url: API.listRoutes.path, headers: { origin: ORIGIN } })
      expect(ok.headers['access-control-allow-origin']).toBe(ORIGIN)
      const missing = await app.inject({ method: 'GET', url: '/api/v1/nope', headers: { origin: 'http://127.0.0.1:5173' } })
      expect(missing.headers['access-control-allow-origin']).toBe('http://127.0.0.1:5173')
    })
  })

  describe('errors', () => {
    it('an unknown route → 404 NOT_FOUND body', async () => {
      expectErrorBody(await app.inject({ method: 'GET', url: '/api/v1/nope?x=1' }), 404, 'NOT_FOUND')
      expectErrorBody(await app.inject({ method: 'PATCH', url: API.saveProfile.path }), 404, 'NOT_FOUND')
      expectErrorBody(await app.inject({ method: 'GET', url: '/' }), 404, 'NOT_FOUND')
    })

    it('a rule error keeps its code, status and fields', async () => {
      expectErrorBody(await app.inject({ method: 'GET', url: fillPath(API.getSite.path, { id: 'no-such' }) }), 404, 'NOT_FOUND')
      expectErrorBody(await app.inject({ method: 'GET', url: `${API.listSites.path}?district=${encodeURIComponent('火星区')}` }), 400, 'INVALID_INPUT', 'district')
      expectErrorBody(await app.inject({ method: 'GET', url: `${API.listSites.path}?pageSize=500` }), 400, 'INVALID_INPUT', 'pageSize')
      expectErrorBody(await app.inject({ method: 'GET', url: `${API.listRoutes.path}?curated=maybe` }), 400, 'INVALID_INPUT', 'curated')
    })

    it('malformed JSON → 400 INVALID_INPUT; a non-JSON content type → 415', async () => {
      const { token } = await signIn(app)
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` }
      expectErrorBody(await app.inject({ method: 'PUT', url: API.saveProfile.path, headers, payload: '{"nickname": 小林' }), 400, 'INVALID_INPUT')
      expectErrorBody(await app.inject({ method: 'POST', url: API.login.path, headers, payload: '{"__proto__": {"x": 1}}' }), 400, 'INVALID_INPUT')
      expectErrorBody(
        await app.inject({ method: 'PUT', url: API.saveProfile.path, headers: { ...headers, 'content-type': 'text/plain' }, payload: 'nickname=小林' }),
        415,
        'INVALID_INPUT'
      )
    })

    it('an empty JSON body counts as none (wx.request sends Content-Type on a DELETE)', async () => {
      const { token } = await signIn(app)
      const site = loadDataset().sites[0].id
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` }
      const put = await app.inject({ method: 'PUT', url: fillPath(API.favourite.path, { siteId: site }), headers, payload: '' })
      expect(put.json()).toEqual({ siteIds: [site] })
      const del = await app.inject({ method: 'DELETE', url: fillPath(API.unfavourite.path, { siteId: site }), headers, payload: '' })
      expect(del.statusCode).toBe(200)
      expect(del.json()).toEqual({ siteIds: [] })
      expectErrorBody(await app.inject({ method: 'PUT', url: API.saveProfile.path, headers, payload: '' }), 400, 'INVALID_INPUT', 'nickname')
    })

    it('an unexpected failure → 500 HTTP with a generic message and no internals', async () => {
      const broken = await serve(buildServer({ dataset: { sites: null as never, routes: [] } }))
      try {
        const res = await broken.inject({ method: 'GET', url: API.listSites.path })
        const err = expectErrorBody(res, 500, 'HTTP')
        expect(res.body).not.toMatch(/TypeError|null|filter|at /)
        expect(err.message).toBe('服务器出了点问题，请稍后重试')
      } finally {
        await broken.close()
      }
    })
  })

  describe('sign-in', () => {
    it('gives a stable participant per code and a fresh token per sign-in', async () => {
      const a1 = await signIn(app, 'wx-code-a')
      const a2 = await signIn(app, 'wx-code-a')
      const b = await signIn(app, 'wx-code-b')
      expect(a1.participantId).toBe(a2.participantId)
      expect(a1.participantId).toBe(participantIdForCode('wx-code-a'))
      expect(b.participantId).not.toBe(a1.participantId)
      expect(a1.token).not.toBe(a2.token)
      expect(a1.token.length).toBeGreaterThanOrEqual(16)
      expect(a1.expiresIn).toBe(7200)
    })

    it('refuses a missing, empty, non-string or over-long code', async () => {
      for (const payload of [{}, { code: '' }, { code: 42 }, { code: 'x'.repeat(LOGIN_CODE_MAX + 1) }]) {
        expectErrorBody(await app.inject({ method: 'POST', url: API.login.path, payload }), 400, 'INVALID_INPUT', 'code')
      }
      expect((await app.inject({ method: 'POST', url: API.login.path, payload: { code: 'x'.repeat(LOGIN_CODE_MAX) } })).statusCode).toBe(200)
    })

    it('/me/* and POST /reports need a valid bearer token (401 UNAUTHORIZED otherwise)', async () => {
      const protectedRoutes = [API.getProfile, API.saveProfile, API.listFavourites, API.favourite, API.unfavourite, API.submitReport]
      const headerSets: Array<Record<string, string>> = [{}, { authorization: 'Bearer not-a-token' }, { authorization: 'Basic dXNlcjpwYXNz' }]
      for (const headers of headerSets) {
        for (const r of protectedRoutes) {
          const res = await app.inject({ method: r.method, url: fillPath(r.path, { siteId: 'x' }), headers })
          expectErrorBody(res, 401, 'UNAUTHORIZED')
        }
      }
      const { token } = await signIn(app)
      const ok = await app.inject({ method: 'GET', url: API.getProfile.path, headers: { authorization: `Bearer ${token}` } })
      expect(ok.statusCode).toBe(200)
      // Public reads need none.
      expect((await app.inject({ method: 'GET', url: API.listSites.path })).statusCode).toBe(200)
    })

    it('a token expires after tokenTtlSeconds by the injected clock', async () => {
      let clock = 5_000_000
      const timed = await serve(buildServer({ tokenTtlSeconds: 10, now: () => clock }))
      try {
        const { token, expiresIn } = await signIn(timed)
        expect(expiresIn).toBe(10)
        const get = () => timed.inject({ method: 'GET', url: API.getProfile.path, headers: { authorization: `Bearer ${token}` } })
        clock += 9_999
        expect((await get()).statusCode).toBe(200)
        clock += 1
        expectErrorBody(await get(), 401, 'UNAUTHORIZED')
      } finally {
        await timed.close()
      }
    })

    it('keeps each participant to their own data', async () => {
      const a = await signIn(app, 'owner-a')
      const b = await signIn(app, 'owner-b')
      await app.inject({ method: 'PUT', url: API.saveProfile.path, headers: { authorization: `Bearer ${a.token}` }, payload: { nickname: '甲', unit: '' } })
      const seenByB = await app.inject({ method: 'GET', url: API.getProfile.path, headers: { authorization: `Bearer ${b.token}` } })
      expect(seenByB.json()).toMatchObject({ participantId: b.participantId, nickname: '' })
    })
  })

  describe('reports and Idempotency-Key', () => {
    const report = (key?: string) => ({ targetType: 'site', targetId: loadDataset().sites[0].id, message: '电话号码有误', ...(key ? { key } : {}) })

    it('a header that differs from body.key → 400 INVALID_INPUT', async () => {
      const { token } = await signIn(app)
      const res = await app.inject({
        method: 'POST',
        url: API.submitReport.path,
        headers: { authorization: `Bearer ${token}`, 'idempotency-key': 'header-key-001' },
        payload: report('body-key-0001')
      })
      expectErrorBody(res, 400, 'INVALID_INPUT', 'key')
    })

    it('equal header and key, or the header alone, identify the same report', async () => {
      const { token } = await signIn(app)
      const headers = { authorization: `Bearer ${token}`, 'idempotency-key': 'same-key-0001' }
      const both = await app.inject({ method: 'POST', url: API.submitReport.path, headers, payload: report('same-key-0001') })
      expect(both.statusCode).toBe(200)
      const headerOnly = await app.inject({ method: 'POST', url: API.submitReport.path, headers, payload: report() })
      expect(headerOnly.json()).toEqual(both.json())
    })
  })
})

describe('static serving of the H5 build', () => {
  it('sends the built files compressed, hashed ones cached for a year, the rest revalidated', async () => {
    const hashed = await app.inject({ method: 'GET', url: '/home.1a2b3c4d.js', headers: { 'accept-encoding': 'br, gzip' } })
    expect(hashed.statusCode).toBe(200)
    expect(hashed.headers['content-encoding']).toBe('br')
    expect(Buffer.byteLength(hashed.body)).toBeLessThan(1000) // 12 KB of text, sent in a few hundred bytes
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const gz = await app.inject({ method: 'GET', url: '/home.1a2b3c4d.js', headers: { 'accept-encoding': 'gzip' } })
    expect(gz.headers['content-encoding']).toBe('gzip')
    const plain = await app.inject({ method: 'GET', url: '/home.1a2b3c4d.js' })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body).toContain('红色红色')
    const index = await app.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'gzip' } })
    expect(index.headers['cache-control']).toBe('no-cache')
  })

  let dir: string
  let app: Served
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rcc-h5-'))
    writeFileSync(path.join(dir, 'index.html'), '<!DOCTYPE html><title>红色文化云学堂</title><div id="app"></div>')
    writeFileSync(path.join(dir, 'app.js'), 'console.log(1)')
    writeFileSync(path.join(dir, 'home.1a2b3c4d.js'), `console.log(${JSON.stringify('红色'.repeat(2000))})`)
    app = await serve(buildServer({ staticDir: dir }))
  })
  afterAll(async () => {
    await app.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('serves index.html at / and files by path', async () => {
    const index = await app.inject({ method: 'GET', url: '/' })
    expect(index.statusCode).toBe(200)
    expect(index.headers['content-type']).toMatch(/text\/html/)
    expect(index.body).toContain('红色文化云学堂')
    const js = await app.inject({ method: 'GET', url: '/app.js' })
    expect(js.statusCode).toBe(200)
    expect(js.body).toBe('console.log(1)')
  })

  it('API routes take precedence; unknown paths are a JSON 404', async () => {
    const health = await app.inject({ method: 'GET', url: API.health.path })
    expect(health.json()).toEqual({ ok: true })
    expect((await app.inject({ method: 'GET', url: API.listSites.path })).json().total).toBe(50)
    expectErrorBody(await app.inject({ method: 'GET', url: '/api/v1/nope' }), 404, 'NOT_FOUND')
    expectErrorBody(await app.inject({ method: 'GET', url: '/missing.js' }), 404, 'NOT_FOUND')
    const escape = await app.inject({ method: 'GET', url: '/../package.json' })
    expectErrorBody(escape, 403, 'INVALID_INPUT') // never a file outside the directory
    expect(escape.body).not.toContain('devDependencies')
  })
})
