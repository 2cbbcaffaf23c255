/**
 * Jest stand-in for `@tarojs/taro`: in-memory storage, recorded navigation, settable router
 * params, page hooks run once in an effect. `taroMock` exposes the knobs to tests.
 */
import { useEffect } from 'react'

type Fn = (...args: any[]) => any

const storage = new Map<string, unknown>()
let routerParams: Record<string, string> = {}
let env = 'h5'

export const taroMock = {
  storage,
  setRouterParams(params: Record<string, string>) {
    routerParams = params
  },
  setEnv(e: string) {
    env = e
  },
  /** Handlers registered by usePullDownRefresh / useReachBottom / useDidShow in the last render. */
  hooks: {} as Record<string, Fn | undefined>
}

export function resetTaroMock() {
  storage.clear()
  routerParams = {}
  env = 'h5'
  taroMock.hooks = {}
  for (const v of Object.values(api)) if (typeof v === 'function' && 'mockClear' in v) (v as jest.Mock).mockClear()
}

const clone = <T,>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)))

const pageHook = (name: string) => (fn: Fn) => {
  taroMock.hooks[name] = fn
  useEffect(() => {
    if (name === 'useDidShow' || name === 'useLoad' || name === 'useReady') fn({ ...routerParams })
  }, [])
}

const api = {
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  getEnv: jest.fn(() => (env === 'h5' ? 'WEB' : 'WEAPP')),
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? clone(storage.get(key)) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    storage.set(key, clone(value))
  }),
  removeStorageSync: jest.fn((key: string) => {
    storage.delete(key)
  }),
  request: jest.fn(),
  login: jest.fn(async () => ({ code: 'test-code', errMsg: 'login:ok' })),
  navigateTo: jest.fn(async () => ({ errMsg: 'navigateTo:ok' })),
  redirectTo: jest.fn(async () => ({ errMsg: 'redirectTo:ok' })),
  switchTab: jest.fn(async () => ({ errMsg: 'switchTab:ok' })),
  reLaunch: jest.fn(async () => ({ errMsg: 'reLaunch:ok' })),
  navigateBack: jest.fn(async () => ({ errMsg: 'navigateBack:ok' })),
  getCurrentPages: jest.fn(() => [{}, {}]),
  stopPullDownRefresh: jest.fn(),
  showToast: jest.fn(async () => ({})),
  showModal: jest.fn(async () => ({ confirm: true, cancel: false })),
  setClipboardData: jest.fn(async () => ({})),
  openLocation: jest.fn(async () => ({})),
  makePhoneCall: jest.fn(async () => ({})),
  setNavigationBarTitle: jest.fn(async () => ({})),
  getSystemInfoSync: jest.fn(() => ({ windowWidth: 375, windowHeight: 812, pixelRatio: 2, platform: 'devtools' })),
  useRouter: () => ({ params: routerParams, path: '' }),
  useLoad: pageHook('useLoad'),
  useDidShow: pageHook('useDidShow'),
  useReady: pageHook('useReady'),
  useDidHide: (fn: Fn) => {
    taroMock.hooks.useDidHide = fn
  },
  usePullDownRefresh: (fn: Fn) => {
    taroMock.hooks.usePullDownRefresh = fn
  },
  useReachBottom: (fn: Fn) => {
    taroMock.hooks.useReachBottom = fn
  },
  useShareAppMessage: (fn: Fn) => {
    taroMock.hooks.useShareAppMessage = fn
  },
  useShareTimeline: (fn: Fn) => {
    taroMock.hooks.useShareTimeline = fn
  },
  usePageScroll: (fn: Fn) => {
    taroMock.hooks.usePageScroll = fn
  },
  useUnload: (fn: Fn) => {
    taroMock.hooks.useUnload = fn
  }
}

export const {
  getEnv, getStorageSync, setStorageSync, removeStorageSync, request, login, navigateTo, redirectTo, switchTab,
  reLaunch, navigateBack, getCurrentPages, stopPullDownRefresh, showToast, showModal, setClipboardData, openLocation,
  makePhoneCall, setNavigationBarTitle, getSystemInfoSync, useRouter, useLoad, useDidShow, useReady, useDidHide,
  usePullDownRefresh, useReachBottom, useShareAppMessage, useShareTimeline, usePageScroll, useUnload, ENV_TYPE
} = api

export default api
