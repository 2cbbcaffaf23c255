/**
 * H5 only: a workaround for a leak in Taro 4.2.1's `taro-pull-to-refresh-core` (the element that
 * wraps every H5 page with `enablePullDownRefresh`). Its `componentDidLoad` registers two
 * `Taro.eventCenter` listeners (`__taroStartPullDownRefresh`, `__taroStopPullDownRefresh`) whose
 * closures hold the element, and nothing ever removes them. So every closed route, site or board
 * page stayed reachable from the event centre with its whole DOM (about 2,700 detached nodes more
 * after each tour of the pages, without bound), and `Taro.stopPullDownRefresh()` also reached
 * every closed page.
 *
 * The patch wraps `componentDidLoad` (Stencil calls it through the prototype at run time; the
 * element's `disconnectedCallback` cannot be patched, the browser took it at definition): the two
 * listeners are registered as small forwarders that hold the element only through a `WeakRef`
 * (the real handlers are kept on the element itself). A forwarder whose element is gone or out of
 * the document removes itself; each newly loaded page also sweeps the forwarders of closed ones.
 * An open page behaves as before. Does nothing on weapp or where `WeakRef` is missing.
 */
import Taro from '@tarojs/taro'

const TAG = 'taro-pull-to-refresh-core'
const EVENTS = new Set(['__taroStartPullDownRefresh', '__taroStopPullDownRefresh'])
const PATCHED = Symbol.for('rcc.pullRefreshPatched')
const HANDLERS = Symbol.for('rcc.pullRefreshHandlers')

type Handler = (...args: unknown[]) => unknown
/** `WeakRef` (ES2021; the project's TypeScript lib is older). */
interface WeakRef<T extends object> {
  deref(): T | undefined
}
const WeakRefCtor = (globalThis as unknown as { WeakRef?: new <T extends object>(target: T) => WeakRef<T> }).WeakRef
interface PullRefreshEl extends Element {
  [HANDLERS]?: Record<string, Handler>
}
interface PullRefreshProto {
  componentDidLoad?: (this: PullRefreshEl) => void
  [PATCHED]?: boolean
}
interface Forwarder {
  name: string
  fn: Handler
  ref: WeakRef<PullRefreshEl>
}

const forwarders = new Set<Forwarder>()

function drop(f: Forwarder) {
  Taro.eventCenter.off(f.name, f.fn)
  forwarders.delete(f)
}

/** Removes the forwarders of pages that are closed (element collected or out of the document). */
function sweep() {
  for (const f of forwarders) {
    const el = f.ref.deref()
    if (!el || !el.isConnected) drop(f)
  }
}

/** A forwarder for `name` (defined apart from the element's scope, so it holds the element only weakly). */
function forwarder(name: string, ref: WeakRef<PullRefreshEl>): Forwarder {
  const f: Forwarder = {
    name,
    ref,
    fn: (...args: unknown[]) => {
      const el = ref.deref()
      if (!el || !el.isConnected) return drop(f)
      return el[HANDLERS]?.[name]?.(...args)
    }
  }
  forwarders.add(f)
  return f
}

function patch(proto: PullRefreshProto): void {
  if (proto[PATCHED] || typeof proto.componentDidLoad !== 'function') return
  proto[PATCHED] = true
  const didLoad = proto.componentDidLoad
  proto.componentDidLoad = function (this: PullRefreshEl) {
    sweep()
    const center = Taro.eventCenter
    const on = center.on
    const ref = new WeakRefCtor!(this)
    const handlers: Record<string, Handler> = (this[HANDLERS] = {})
    center.on = function (this: typeof center, name: string, handler: Handler, ...rest: unknown[]) {
      if (!EVENTS.has(name)) return (on as (...a: unknown[]) => typeof center).call(this, name, handler, ...rest)
      handlers[name] = handler
      return (on as (...a: unknown[]) => typeof center).call(this, name, forwarder(name, ref).fn, ...rest)
    } as typeof center.on
    try {
      didLoad.call(this)
    } finally {
      center.on = on
    }
  }
}

/** Installs the patch once the element is defined. */
export function installPullRefreshFix(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined' || !window.customElements || !WeakRefCtor) return
  const defined = window.customElements.get(TAG)
  if (defined) patch(defined.prototype as PullRefreshProto)
  else void window.customElements.whenDefined(TAG).then((cls) => patch(cls.prototype as PullRefreshProto))
}
