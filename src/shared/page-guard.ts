/**
 * What the app shows when a page cannot open, instead of a blank screen or a silently changed
 * address.
 *
 * H5: every page is a lazily loaded chunk. Taro's router reports a failed chunk (offline, weak
 * network) only as an unhandled rejection, after the address has already changed
 * (NervJS/taro#16774); an unknown path fires `__taroRouterNotFound` (Taro.onPageNotFound); a
 * malformed one (`#/%%%`) throws URIError from the router's `decodeURI`. Each of these shows a
 * full-screen notice drawn in plain DOM (no chunk needed to draw it):
 * - 页面不存在, with 返回首页;
 * - 页面没有打开 (网络不可用 / 加载失败), with 重试 and 返回; going back online retries by itself.
 *   重试 asks the router to render the same address again (webpack retries a failed chunk).
 *
 * weapp: an unknown page (Taro.onPageNotFound) goes to 首页 and says so; a subpackage that cannot
 * load (wx.onLazyLoadError, where the base library has it) says so with a dialog.
 */
import Taro from '@tarojs/taro'
import { COLORS } from '../styles/colors'
import { PAGES } from './paths'

export type PageProblem = 'chunk' | 'bad-address'

/** What an unhandled rejection means for navigation: a chunk that failed, a malformed address, or neither. */
export function classifyRejection(reason: unknown): PageProblem | null {
  const name = reason instanceof Error ? reason.name : ''
  const message = reason instanceof Error ? reason.message : typeof reason === 'string' ? reason : ''
  if (name === 'ChunkLoadError' || /Loading (CSS )?chunk [^ ]+ failed/i.test(message)) return 'chunk'
  if (reason instanceof URIError || name === 'URIError' || /URI malformed/i.test(message)) return 'bad-address'
  return null
}

export interface PageNotice {
  kind: 'not-found' | 'offline' | 'load-failed'
  title: string
  message: string
}

/** The words for each problem (plain: what happened, what to do). */
export function pageNotice(kind: PageNotice['kind']): PageNotice {
  switch (kind) {
    case 'not-found':
      return { kind, title: '页面不存在', message: '这个地址没有对应的页面，可能链接有误或已失效。请返回首页。' }
    case 'offline':
      return { kind, title: '页面没有打开', message: '网络不可用，这个页面还没有下载到本机。联网后会自动重试，也可以点重试。' }
    default:
      return { kind, title: '页面没有打开', message: '页面加载失败，请检查网络后重试。' }
  }
}

let installed = false

/** Installs the handlers once, at app start (app.ts). */
export function installPageGuards(): void {
  if (installed) return
  installed = true
  if (process.env.TARO_ENV === 'h5') installH5()
  else installMini()
}

function installMini(): void {
  try {
    Taro.onPageNotFound(() => {
      Taro.reLaunch({ url: PAGES.home })
        .then(() => Taro.showToast({ title: '页面不存在，已回到首页', icon: 'none', duration: 2500 }))
        .catch(() => undefined)
    })
  } catch {
    // older base library: WeChat's own "page not found" screen remains
  }
  const wxApi = (globalThis as { wx?: { onLazyLoadError?: (cb: (res: { errMsg?: string; subpackage?: string[] }) => void) => void } }).wx
  if (wxApi && typeof wxApi.onLazyLoadError === 'function') {
    wxApi.onLazyLoadError(() => {
      Taro.showModal({
        title: '页面没有打开',
        content: '这部分内容没有下载下来，可能是网络不好。请联网后再试。',
        showCancel: false,
        confirmText: '知道了'
      }).catch(() => undefined)
    })
  }
}

// ---------------------------------------------------------------------------------------------
// H5

let panel: HTMLElement | null = null

function installH5(): void {
  if (typeof window === 'undefined') return
  Taro.onPageNotFound(() => showNotice(pageNotice('not-found')))
  window.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
    const problem = classifyRejection(event.reason)
    if (!problem) return
    event.preventDefault() // handled: shown to the user below
    if (problem === 'bad-address') showNotice(pageNotice('not-found'))
    else showNotice(pageNotice(navigator.onLine === false ? 'offline' : 'load-failed'))
  })
  window.addEventListener('online', () => {
    if (panel && panel.dataset.kind !== 'not-found') retry()
  })
  // A page that did open (after 重试, 返回 or any navigation) replaces the notice.
  Taro.eventCenter.on('__taroRouterChange', () => hideNotice())
}

/** Asks the router to render the current address again (the hash history treats it as a pop). */
function retry(): void {
  hideNotice()
  window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }))
}

function goHome(): void {
  hideNotice()
  Taro.reLaunch({ url: PAGES.home }).catch(() => window.location.replace(`${window.location.pathname}#${PAGES.home}`))
}

function goBack(): void {
  hideNotice()
  if (Taro.getCurrentPages().length > 0 && window.history.length > 1) window.history.back()
  else goHome()
}

function hideNotice(): void {
  panel?.remove()
  panel = null
}

const FONT = '-apple-system, BlinkMacSystemFont, "PingFang SC", "Microsoft YaHei", sans-serif'

function button(label: string, primary: boolean, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button')
  b.type = 'button'
  b.textContent = label
  b.className = `page-notice__btn${primary ? ' page-notice__btn--primary' : ''}`
  b.setAttribute(
    'style',
    `min-height:44px;min-width:88px;padding:0 16px;border-radius:22px;font-size:16px;font-family:${FONT};cursor:pointer;` +
      (primary ? `background:${COLORS.primary};color:${COLORS.card};border:none;` : `background:${COLORS.card};color:${COLORS.primaryDark};border:1px solid ${COLORS.primaryDark};`)
  )
  b.addEventListener('click', onClick)
  return b
}

/** Draws (or redraws) the full-screen notice. Exported for tests. */
export function showNotice(notice: PageNotice): void {
  hideNotice()
  const root = document.createElement('div')
  root.className = 'page-notice'
  root.dataset.kind = notice.kind
  root.setAttribute('role', 'alertdialog')
  root.setAttribute('aria-labelledby', 'page-notice-title')
  root.setAttribute('aria-describedby', 'page-notice-message')
  root.setAttribute(
    'style',
    `position:fixed;inset:0;z-index:2000;background:${COLORS.page};display:flex;flex-direction:column;align-items:center;` +
      `justify-content:center;padding:24px;box-sizing:border-box;text-align:center;font-family:${FONT};`
  )
  const title = document.createElement('h1')
  title.id = 'page-notice-title'
  title.className = 'page-notice__title'
  title.textContent = notice.title
  title.setAttribute('style', `margin:0 0 12px;font-size:20px;font-weight:600;color:${COLORS.text};`)
  const message = document.createElement('p')
  message.id = 'page-notice-message'
  message.className = 'page-notice__message'
  message.textContent = notice.message
  message.setAttribute('style', `margin:0 0 24px;max-width:320px;font-size:16px;line-height:1.6;color:${COLORS.text};`)
  const actions = document.createElement('div')
  actions.setAttribute('style', 'display:flex;gap:12px;flex-wrap:wrap;justify-content:center;')
  if (notice.kind === 'not-found') {
    actions.append(button('返回首页', true, goHome))
  } else {
    actions.append(button('重试', true, retry), button(Taro.getCurrentPages().length > 0 ? '返回' : '返回首页', false, goBack))
  }
  root.append(title, message, actions)
  document.body.append(root)
  panel = root
  actions.querySelector('button')?.focus()
}
