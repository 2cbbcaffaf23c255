/**
 * @jest-environment node
 */
/** `getDataSource()` picks the implementation from the build-time `TARO_APP_DATA_SOURCE`. */
import type { DataSource } from '@/services/datasource'

type ServicesModule = typeof import('@/services')

/** Loads `@/services` in a fresh module registry (with its own Taro mock, returned as `request`). */
function loadFresh(env: { source?: string; base?: string }, setup?: (request: jest.Mock) => void): ServicesModule & { request: jest.Mock } {
  const saved = { source: process.env.TARO_APP_DATA_SOURCE, base: process.env.TARO_APP_API_BASE }
  const set = (k: 'TARO_APP_DATA_SOURCE' | 'TARO_APP_API_BASE', val: string | undefined) => {
    if (val === undefined) delete process.env[k]
    else process.env[k] = val as never
  }
  set('TARO_APP_DATA_SOURCE', env.source)
  set('TARO_APP_API_BASE', env.base)
  let mod: ServicesModule | undefined
  let request: jest.Mock | undefined
  try {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      request = (require('@tarojs/taro') as { default: { request: jest.Mock } }).default.request
      setup?.(request)
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      mod = require('@/services') as ServicesModule
      mod.getDataSource() // created while the environment is set
    })
  } finally {
    set('TARO_APP_DATA_SOURCE', saved.source)
    set('TARO_APP_API_BASE', saved.base)
  }
  return { ...mod!, request: request! }
}

describe('getDataSource', () => {
  it('is the mock source by default, one instance per run', () => {
    const mod = loadFresh({})
    expect(mod.getDataSource().kind).toBe('mock')
    expect(mod.getDataSource()).toBe(mod.getDataSource())
  })

  it("is the remote source when TARO_APP_DATA_SOURCE is 'remote', aimed at TARO_APP_API_BASE", async () => {
    const mod = loadFresh({ source: 'remote', base: 'https://api.example.cn' }, (request) =>
      request.mockImplementation(() => Promise.reject({ errMsg: 'request:fail ECONNREFUSED' }))
    )
    const ds = mod.getDataSource()
    expect(ds.kind).toBe('remote')
    await expect(ds.listRoutes()).rejects.toMatchObject({ code: 'NETWORK' })
    expect(mod.request.mock.calls[0][0].url).toBe('https://api.example.cn/api/v1/routes')
  })

  it('can be replaced in tests, and reset to the default', () => {
    const mod = loadFresh({})
    const fake = { kind: 'remote' } as DataSource
    mod.setDataSourceForTests(fake)
    expect(mod.getDataSource()).toBe(fake)
    mod.setDataSourceForTests(null)
    expect(mod.getDataSource().kind).toBe('mock')
  })
})
