/**
 * Renders the BUILT mini-program (dist/weapp) in Node with WeChat's own component engine
 * (miniprogram-simulate → j-component → miniprogram-exparser) and WeChat's real WXML compiler
 * (wcc from miniprogram-compiler). See /work/shared/stack-notes.md, "Running the weapp build itself".
 *
 * What this file stands in for (the simulator has none of it):
 * - `App`, `getApp`, `getCurrentPages`;
 * - `Page(options)` mapped onto `Component` (attached → onLoad(query) + onShow, ready → onReady,
 *   detached → onUnload);
 * - `wx.*`: storage backed by a Map, navigation recording a page stack, UI calls recorded.
 *
 * Not emulated: layout, the built-in components' own behaviour (dispatch their events with the
 * right `detail`), the tab bar, page config, share.
 *
 * Every `console.error` (and every uncaught error the app reports) is collected; call
 * {@link takeErrors} / {@link assertNoErrors} so a runtime error can never pass unseen.
 */
import fs from 'node:fs'
import path from 'node:path'

/* eslint-disable @typescript-eslint/no-require-imports */

export const ROOT = path.resolve(__dirname, '..', '..')
export const DIST = path.join(ROOT, 'dist', 'weapp')

/** One recorded `wx.*` call: its name and the options object it was called with (callbacks dropped). */
export interface WxCall {
  api: string
  args: any
}

export interface PageEntry {
  url: string
  kind: 'launch' | 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch'
}

export interface Harness {
  /** Every recorded wx call, in order. */
  calls: WxCall[]
  /** The stubbed storage (key → value as given to setStorageSync). */
  storage: Map<string, unknown>
  /** The page stack as the wx navigation stubs see it (bottom first). */
  stack: PageEntry[]
  /** Errors reported through console.error, App.onError or unhandled rejections. */
  errors: string[]
  /** What the next `wx.showModal` answers (default: confirm). */
  modalAnswer: { confirm: boolean; cancel: boolean }
}

export const harness: Harness = {
  calls: [],
  storage: new Map(),
  stack: [],
  errors: [],
  modalAnswer: { confirm: true, cancel: false }
}

/** Calls to one wx API, most recent last. */
export function callsOf(api: string): any[] {
  return harness.calls.filter((c) => c.api === api).map((c) => c.args)
}

/** Forgets recorded calls (storage and stack stay). */
export function clearCalls(): void {
  harness.calls.length = 0
}

/** Returns and clears the errors collected so far. */
export function takeErrors(): string[] {
  return harness.errors.splice(0)
}

/** Throws when any runtime error was reported since the last check. */
export function assertNoErrors(): void {
  const errs = takeErrors()
  if (errs.length) throw new Error(`runtime errors in the weapp pages:\n- ${errs.join('\n- ')}`)
}

function fmt(x: unknown): string {
  if (x instanceof Error) return x.stack || `${x.name}: ${x.message}`
  if (typeof x === 'string') return x
  try {
    return JSON.stringify(x)
  } catch {
    return String(x)
  }
}

// ---------------------------------------------------------------------------------------------
// wx.* stubs

function record(api: string, opts: any): void {
  const args: any = {}
  if (opts && typeof opts === 'object') {
    for (const [k, v] of Object.entries(opts)) if (typeof v !== 'function') args[k] = v
  }
  harness.calls.push({ api, args: opts && typeof opts === 'object' ? args : opts })
}

/** An async wx API: records the call, then calls success/complete (or fail) on a later tick. */
function asyncApi(api: string, run: (opts: any) => any = () => ({})) {
  return (opts: any = {}) => {
    record(api, opts)
    let result: any
    let failure: any = null
    try {
      result = { errMsg: `${api}:ok`, ...(run(opts) || {}) }
    } catch (err) {
      failure = { errMsg: `${api}:fail ${(err as Error).message}` }
    }
    setTimeout(() => {
      if (failure) opts.fail?.(failure)
      else opts.success?.(result)
      opts.complete?.(failure || result)
    }, 0)
  }
}

function syncApi(api: string, run: (...args: any[]) => any) {
  return (...args: any[]) => {
    harness.calls.push({ api, args: args.length <= 1 ? args[0] : args })
    return run(...args)
  }
}

function cleanUrl(url: string): string {
  return url.startsWith('/') ? url : `/${url}`
}

const systemInfo = {
  brand: 'devtools',
  model: 'iPhone 12/13 (Pro)',
  pixelRatio: 3,
  screenWidth: 390,
  screenHeight: 844,
  windowWidth: 390,
  windowHeight: 753,
  statusBarHeight: 47,
  language: 'zh_CN',
  version: '8.0.50',
  system: 'iOS 16.0',
  platform: 'devtools',
  SDKVersion: '3.5.0',
  safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 }
}

function makeWx(): Record<string, any> {
  const storage = harness.storage
  const stack = harness.stack
  const clone = <T,>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)))
  return {
    // storage (values are copied, as WeChat serialises them)
    setStorageSync: syncApi('setStorageSync', (key: string, value: unknown) => {
      storage.set(key, clone(value))
    }),
    getStorageSync: (key: string) => (storage.has(key) ? clone(storage.get(key)) : ''),
    removeStorageSync: syncApi('removeStorageSync', (key: string) => {
      storage.delete(key)
    }),
    clearStorageSync: syncApi('clearStorageSync', () => storage.clear()),
    getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
    setStorage: asyncApi('setStorage', (o) => void storage.set(o.key, clone(o.data))),
    getStorage: asyncApi('getStorage', (o) => {
      if (!storage.has(o.key)) throw new Error('data not found')
      return { data: clone(storage.get(o.key)) }
    }),
    removeStorage: asyncApi('removeStorage', (o) => void storage.delete(o.key)),

    // navigation: a page stack of URLs
    navigateTo: asyncApi('navigateTo', (o) => {
      if (stack.length >= 10) throw new Error('webview count limit exceed')
      stack.push({ url: cleanUrl(o.url), kind: 'navigateTo' })
    }),
    redirectTo: asyncApi('redirectTo', (o) => {
      stack.pop()
      stack.push({ url: cleanUrl(o.url), kind: 'redirectTo' })
    }),
    navigateBack: asyncApi('navigateBack', (o) => {
      const delta = Math.max(1, o.delta ?? 1)
      stack.splice(Math.max(1, stack.length - delta))
    }),
    switchTab: asyncApi('switchTab', (o) => {
      stack.splice(0, stack.length, { url: cleanUrl(o.url), kind: 'switchTab' })
    }),
    reLaunch: asyncApi('reLaunch', (o) => {
      stack.splice(0, stack.length, { url: cleanUrl(o.url), kind: 'reLaunch' })
    }),
    // the system back button's confirmation (the quiz asks before leaving an unfinished round): recorded
    enableAlertBeforeUnload: asyncApi('enableAlertBeforeUnload'),
    disableAlertBeforeUnload: asyncApi('disableAlertBeforeUnload'),

    // UI, recorded
    showToast: asyncApi('showToast'),
    hideToast: asyncApi('hideToast'),
    showLoading: asyncApi('showLoading'),
    hideLoading: asyncApi('hideLoading'),
    showModal: asyncApi('showModal', () => ({ ...harness.modalAnswer })),
    showActionSheet: asyncApi('showActionSheet', () => ({ tapIndex: 0 })),
    setClipboardData: asyncApi('setClipboardData'),
    openLocation: asyncApi('openLocation'),
    makePhoneCall: asyncApi('makePhoneCall'),
    stopPullDownRefresh: asyncApi('stopPullDownRefresh'),
    startPullDownRefresh: asyncApi('startPullDownRefresh'),
    setNavigationBarTitle: asyncApi('setNavigationBarTitle'),
    setNavigationBarColor: asyncApi('setNavigationBarColor'),
    showShareMenu: asyncApi('showShareMenu'),
    vibrateShort: asyncApi('vibrateShort'),
    // network is not used by the mock build: any request is a failure to look at
    request: (opts: any = {}) => {
      record('request', opts)
      harness.errors.push(`unexpected wx.request to ${opts.url}`)
      setTimeout(() => opts.fail?.({ errMsg: 'request:fail no network in tests' }), 0)
      return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} }
    },

    // system
    getSystemInfoSync: () => ({ ...systemInfo }),
    getSystemInfo: asyncApi('getSystemInfo', () => ({ ...systemInfo })),
    getWindowInfo: () => ({ ...systemInfo }),
    getDeviceInfo: () => ({ brand: systemInfo.brand, model: systemInfo.model, system: systemInfo.system, platform: systemInfo.platform }),
    getAppBaseInfo: () => ({ SDKVersion: systemInfo.SDKVersion, language: 'zh_CN', version: systemInfo.version, theme: 'light' }),
    getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 51, right: 383, bottom: 83, left: 296 }),
    getLaunchOptionsSync: () => ({ path: 'pages/home/index', scene: 1001, query: {}, referrerInfo: {} }),
    getEnterOptionsSync: () => ({ path: 'pages/home/index', scene: 1001, query: {}, referrerInfo: {} }),
    canIUse: () => true,
    nextTick: (fn: () => void) => setTimeout(fn, 0)
  }
}

// ---------------------------------------------------------------------------------------------
// App / Page / getCurrentPages

let appOptions: any = null
/** Live page instances (the Component instances standing in for pages), bottom first. */
const livePages: any[] = []

/** Page path (e.g. `pages/home/index`) of the script being run by simulate.load right now. */
let runningPath: string | null = null
/** Component options registered per script, so a page loaded a second time registers again. */
const registered = new Map<string, any[]>()
/** Query for the page instance about to be created. */
let pendingQuery: Record<string, string> = {}

function pageToComponent(route: string, options: any): any {
  const methods: Record<string, any> = {}
  for (const [k, v] of Object.entries(options)) if (typeof v === 'function') methods[k] = v
  const data = options.data ? JSON.parse(JSON.stringify(options.data)) : {}
  return {
    data,
    options: { addGlobalClass: true, multipleSlots: true },
    methods,
    lifetimes: {
      created(this: any) {
        this.route = route
        this.__route__ = route
        this.options = { ...pendingQuery }
        this.__query = { ...pendingQuery }
        // a page is also handed its non-function options, as WeChat does
        for (const [k, v] of Object.entries(options)) if (typeof v !== 'function' && k !== 'data') this[k] = v
      },
      attached(this: any) {
        livePages.push(this)
        this.onLoad?.({ ...this.__query })
        this.onShow?.()
      },
      ready(this: any) {
        this.onReady?.()
      },
      detached(this: any) {
        const i = livePages.indexOf(this)
        if (i >= 0) livePages.splice(i, 1)
        this.onUnload?.()
      }
    }
  }
}

function relRoute(file: string): string {
  return path.relative(DIST, file).replace(/\\/g, '/').replace(/\.js$/, '')
}

let simulate: any = null
let exparser: any = null
let installed = false

/**
 * Installs the globals (DOM for exparser, wx, App, Page, getApp, getCurrentPages), loads
 * miniprogram-simulate, then `dist/weapp/app.js`, and runs the app's onLaunch and onShow.
 * Call once per test file (jest gives each file fresh globals).
 */
export function setupWeapp(): void {
  if (installed) return
  installed = true
  if (!fs.existsSync(path.join(DIST, 'app.js'))) throw new Error(`${DIST}/app.js is missing: run \`npx taro build --type weapp\` first`)

  // exparser renders into a DOM backend: a jsdom window, and its Event/CustomEvent for dispatch.
  const { JSDOM } = require(require.resolve('jsdom', { paths: [path.dirname(require.resolve('jest-environment-jsdom'))] }))
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true })
  const g = global as any
  g.window = dom.window
  g.document = dom.window.document
  g.Event = dom.window.Event
  g.CustomEvent = dom.window.CustomEvent
  g.TouchEvent = dom.window.TouchEvent ?? dom.window.UIEvent
  g.HTMLElement = dom.window.HTMLElement
  g.Node = dom.window.Node
  g.requestAnimationFrame ??= (cb: (t: number) => void) => setTimeout(() => cb(Date.now()), 16)

  // runtime errors must not pass unseen
  const origError = console.error.bind(console)
  console.error = (...args: unknown[]) => {
    harness.errors.push(args.map(fmt).join(' '))
    origError(...args)
  }

  g.wx = makeWx()
  simulate = require('miniprogram-simulate')
  exparser = require('miniprogram-exparser')
  // miniprogram-simulate merges its own API mocks under ours; put ours on top again.
  Object.assign(g.wx, makeWx())

  // Run a component/page script once; on later loads re-register what it registered, because
  // webpack's module cache in runtime.js never runs a page's entry module twice.
  const simulateComponent = g.Component
  const utils = require('miniprogram-simulate/src/utils')
  utils.runJs = (filePath: string) => {
    const file = filePath.endsWith('.js') ? filePath : `${filePath}.js`
    const prev = registered.get(file)
    if (prev) {
      for (const def of prev) simulateComponent(def)
      return
    }
    const before = runningPath
    runningPath = file
    registered.set(file, [])
    try {
      require(file)
    } finally {
      runningPath = before
    }
  }
  g.Component = (options: any) => {
    if (runningPath) registered.get(runningPath)?.push(options)
    return simulateComponent(options)
  }
  g.Page = (options: any) => {
    if (!runningPath) throw new Error('Page() called outside simulate.load')
    return g.Component(pageToComponent(relRoute(runningPath), options))
  }
  g.App = (options: any) => {
    appOptions = options
  }
  g.getApp = () => appOptions
  g.getCurrentPages = () => livePages.slice()

  harness.stack.splice(0, harness.stack.length, { url: '/pages/home/index', kind: 'launch' })
  require(path.join(DIST, 'app.js'))
  if (!appOptions) throw new Error('dist/weapp/app.js did not call App()')
  const onErr = appOptions.onError
  const launch = { path: 'pages/home/index', query: {}, scene: 1001, referrerInfo: {} }
  appOptions.onLaunch?.call(appOptions, launch)
  appOptions.onShow?.call(appOptions, launch)
  onRejection = (reason: unknown) => {
    harness.errors.push(`unhandled rejection: ${fmt(reason)}`)
    onErr?.call(appOptions, fmt(reason))
  }
  process.on('unhandledRejection', onRejection)
}

let onRejection: ((reason: unknown) => void) | null = null

/** Removes what {@link setupWeapp} hooked into the process (call in afterAll). */
export function teardownWeapp(): void {
  if (onRejection) process.off('unhandledRejection', onRejection)
  onRejection = null
}

// ---------------------------------------------------------------------------------------------
// Reading and tapping the rendered tree

/** Text of a node and everything under it, walking into custom components' shadow trees. */
export function textOf(node: any): string {
  const out: string[] = []
  const walk = (n: any) => {
    if (n instanceof exparser.TextNode) {
      out.push(n.textContent)
      return
    }
    if (n instanceof exparser.Component && n.shadowRoot instanceof exparser.Element) walk(n.shadowRoot)
    // built-in components (view, text, button…) are registered with a bare <slot/>: what they
    // show is their child nodes
    for (const c of n.childNodes || []) walk(c)
  }
  walk(node)
  return out.join('')
}

/** All element nodes under `node` in document order, walking into shadow trees. */
export function allElements(node: any): any[] {
  const out: any[] = []
  const walk = (n: any) => {
    if (!(n instanceof exparser.Element)) return
    out.push(n)
    if (n instanceof exparser.Component && n.shadowRoot instanceof exparser.Element) walk(n.shadowRoot)
    for (const c of n.childNodes || []) walk(c)
  }
  walk(node)
  return out
}

function tagOf(n: any): string {
  return String(n.is || n.tagName || '').replace(/^wx-/, '')
}

function hasTap(n: any): boolean {
  const vt = n._vt
  return !!vt?.event && Object.keys(vt.event).some((k) => k === 'tap' || k === 'bindtap' || /tap$/.test(k))
}

export interface PageHandle {
  route: string
  query: Record<string, string>
  /** The j-component root. */
  comp: any
  /** The page's whole text, as a string (text nodes joined without separators). */
  text(): string
  /** Waits until the page text contains every string (or matches every RegExp). */
  waitForText(...needles: (string | RegExp)[]): Promise<string>
  /** Waits until the page text contains none of the strings. */
  waitForNoText(...needles: string[]): Promise<void>
  /** Element nodes whose own text (with descendants) contains `needle`, deepest first. */
  findAll(needle: string | RegExp, opts?: { tag?: string; className?: string }): any[]
  /** The tappable element (a bound tap handler) closest around the text `needle`. */
  findTappable(needle: string | RegExp): any
  /** Waits (up to 3 s) for the tappable element around `needle`, then dispatches `tap` on it. */
  tap(needle: string | RegExp): Promise<void>
  /** Dispatches an event on a node (e.g. `input` with `{ value }` on an Input). */
  dispatch(node: any, event: string, detail?: unknown): Promise<void>
  /** Nodes by class name (Taro puts className into `class`). */
  byClass(className: string): any[]
  /** Calls a page lifecycle method (e.g. onPullDownRefresh). */
  call(method: string, ...args: unknown[]): unknown
  /** Detaches the page (onUnload). */
  unload(): void
}

/** The parent in the composed tree (a shadow root's parent is its host component). */
function parentOf(n: any): any {
  if (n.parentNode) return n.parentNode
  return typeof n.getHostNode === 'function' ? n.getHostNode() : null
}

/**
 * The element that holds `needle` most tightly: among elements whose text matches and that have
 * no matching child element, the one whose text equals the needle exactly, else the first.
 */
function innermost(rootNode: any, needle: string | RegExp): any {
  const els = allElements(rootNode)
  const hits = els.filter((n) => matches(textOf(n), needle))
  const set = new Set(hits)
  const leaves = hits.filter((n) => !allElements(n).some((d) => d !== n && set.has(d)))
  const exact = leaves.find((n) => (typeof needle === 'string' ? textOf(n).trim() === needle : true))
  return exact ?? leaves[0]
}

const matches = (t: string, needle: string | RegExp) => (typeof needle === 'string' ? t.includes(needle) : needle.test(t))

/** Polls `fn` until it returns a truthy value, or throws with `describe()` after `timeout` ms. */
export async function waitFor<T>(fn: () => T, describe: () => string, timeout = 3000): Promise<NonNullable<T>> {
  const start = Date.now()
  let last: unknown
  for (;;) {
    try {
      const v = fn()
      if (v) return v as NonNullable<T>
    } catch (err) {
      last = err
    }
    if (Date.now() - start > timeout) throw new Error(`${describe()}${last ? `\nlast error: ${fmt(last)}` : ''}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** The class names as written in the WXML (j-component prefixes the rendered ones with the tag name). */
function classOf(n: any): string {
  const attr = (n._vt?.attrs || []).find((a: any) => a.name === 'class')
  return attr ? String(attr.value ?? '') : ''
}

let parent: any = null

/**
 * Loads `dist/weapp/<route>`, renders it and attaches it (onLoad(query) + onShow, then onReady).
 * @param route e.g. `pages/home/index` or `packages/heritage/site/index`
 * @param query the page's query as WeChat passes it (values still URL-encoded)
 */
export async function openPage(route: string, query: Record<string, string> = {}): Promise<PageHandle> {
  setupWeapp()
  const id = simulate.load(path.join(DIST, route), { rootPath: DIST, compiler: 'official', compilerOptions: { maxBuffer: 1024 * 1024 * 256 } })
  pendingQuery = query
  const comp = simulate.render(id)
  pendingQuery = {}
  parent ??= document.createElement('parent-wrapper')
  comp.attach(parent)
  const Wrapper = Object.getPrototypeOf(Object.getPrototypeOf(comp)).constructor
  const root = () => comp._exparserNode

  const handle: PageHandle = {
    route,
    query,
    comp,
    text: () => textOf(root()),
    async waitForText(...needles) {
      await waitFor(
        () => {
          const t = textOf(root())
          return needles.every((n) => matches(t, n))
        },
        () => {
          const t = textOf(root())
          return `timed out waiting for ${needles.filter((n) => !matches(t, n)).map(String).join(', ')} on ${route}; page text:\n${t.slice(0, 1500)}`
        }
      )
      return textOf(root())
    },
    async waitForNoText(...needles) {
      await waitFor(
        () => {
          const t = textOf(root())
          return needles.every((n) => !t.includes(n))
        },
        () => `timed out waiting for ${needles.join(', ')} to go away on ${route}`
      )
    },
    findAll(needle, opts = {}) {
      const els = allElements(root()).filter((n) => matches(textOf(n), needle))
      return els
        .filter((n) => (!opts.tag || tagOf(n) === opts.tag) && (!opts.className || classOf(n).split(/\s+/).includes(opts.className)))
        .reverse()
    },
    findTappable(needle) {
      const target = innermost(root(), needle)
      if (!target) throw new Error(`no element with text ${String(needle)} on ${route}`)
      for (let n = target; n; n = parentOf(n)) {
        if (hasTap(n)) return n
      }
      throw new Error(`no tappable element around ${String(needle)} on ${route}`)
    },
    async tap(needle) {
      // Taro's setData is asynchronous: wait for the element to be there
      let lastErr: unknown
      const node = await waitFor(
        () => {
          try {
            return handle.findTappable(needle)
          } catch (err) {
            lastErr = err
            return null
          }
        },
        () => `${(lastErr as Error)?.message ?? `nothing to tap for ${String(needle)}`}; page text:\n${textOf(root()).slice(0, 1500)}`
      )
      await handle.dispatch(node, 'tap', { x: 0, y: 0 })
    },
    async dispatch(node, event, detail = {}) {
      const w = new Wrapper(node)
      w.dispatchEvent(event, { detail })
      // j-component dispatches on a microtask; let it and Taro's handler run
      await new Promise((r) => setTimeout(r, 0))
    },
    byClass(className) {
      return allElements(root()).filter((n) => classOf(n).split(/\s+/).includes(className))
    },
    call(method, ...args) {
      const inst = comp.instance
      return inst[method](...args)
    },
    unload() {
      comp.detach()
    }
  }
  return handle
}
