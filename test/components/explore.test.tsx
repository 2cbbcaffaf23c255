/**
 * The 探索 page over the real embedded dataset: route list, site list with paging, search by
 * Chinese name and pinyin initials, filters, empty and error states, pull-down refresh.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import sites from '../../mock/data/sites.json'
import routes from '../../mock/data/routes.json'
import ExplorePage from '../../src/pages/explore/index'
import { DataError } from '../../src/services/core/errors'
import { createMockSource } from '../support/sources'
import { createMemoryStore } from '../../src/services/core/kv'
import * as Taro from '../__mocks__/@tarojs/taro'
import { freshApp } from './helpers'

const mlt = sites.find((s) => s.name.includes('明伦堂'))!

function cards(selector: string) {
  return document.querySelectorAll(selector)
}

async function openSitesTab() {
  fireEvent.click(screen.getByText('红色史迹'))
  await screen.findByText(`共 ${sites.length} 处红色史迹`)
}

describe('ExplorePage', () => {
  beforeEach(() => freshApp())

  it('lists all 16 routes with stop counts and an estimated duration', async () => {
    render(<ExplorePage />)
    await screen.findByText(`共 ${routes.length} 条研学线路`)
    expect(cards('.route-card')).toHaveLength(16)
    const first = cards('.route-card')[0] as HTMLElement
    expect(within(first).getByText(routes[0].name)).toBeInTheDocument()
    expect(within(first).getByText(`${routes[0].stopCount} 站`)).toBeInTheDocument()
    expect(within(first).getByText(/^预计 /)).toBeInTheDocument()
  })

  it('opens a route with its id and encoded Chinese title', async () => {
    render(<ExplorePage />)
    await screen.findByText(routes[0].name)
    fireEvent.click(screen.getByText(routes[0].name))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/heritage/route/index?id=${routes[0].id}&title=${encodeURIComponent(routes[0].name)}` })
  })

  it('shows sites 20 at a time and loads the rest on reaching the bottom', async () => {
    render(<ExplorePage />)
    await openSitesTab()
    expect(cards('.site-card')).toHaveLength(20)
    await act(async () => {
      await Taro.taroMock.hooks.useReachBottom!()
    })
    await waitFor(() => expect(cards('.site-card')).toHaveLength(40))
    fireEvent.click(screen.getByText(/加载更多/))
    await screen.findByText(`已显示全部 ${sites.length} 处`)
    expect(cards('.site-card')).toHaveLength(50)
  })

  it('finds 明伦堂 by its Chinese name and by pinyin initials "mlt"', async () => {
    jest.useFakeTimers()
    try {
      render(<ExplorePage />)
      fireEvent.click(screen.getByText('红色史迹'))
      const input = document.querySelector('.search-bar__input') as HTMLElement
      for (const q of ['明伦堂', 'mlt']) {
        act(() => {
          input.dispatchEvent(new CustomEvent('input', { detail: { value: q }, bubbles: true }))
        })
        await act(async () => {
          await jest.advanceTimersByTimeAsync(350)
        })
        await waitFor(() => expect(screen.getByText(mlt.name)).toBeInTheDocument())
        const names = [...cards('.site-card .card__title')].map((n) => n.textContent)
        expect(names).toContain(mlt.name)
        expect(names.every((n) => sites.find((s) => s.name === n))).toBe(true)
      }
    } finally {
      jest.useRealTimers()
    }
  })

  it('says when nothing matches and 清除筛选 brings the full list back', async () => {
    render(<ExplorePage />)
    await openSitesTab()
    const input = document.querySelector('.search-bar__input') as HTMLElement
    act(() => {
      input.dispatchEvent(new CustomEvent('confirm', { detail: { value: '没有这样的史迹名称' }, bubbles: true }))
    })
    await screen.findByText(/没有符合条件的史迹/)
    expect(cards('.site-card')).toHaveLength(0)
    fireEvent.click(screen.getAllByText('清除筛选')[0])
    await screen.findByText(`共 ${sites.length} 处红色史迹`)
  })

  it('filters by district through the picker, including the 不详 bucket', async () => {
    render(<ExplorePage />)
    await openSitesTab()
    const pickers = document.querySelectorAll('taro-picker-core')
    expect(pickers.length).toBe(3)
    // Option 0 is 全部, then the 11 districts in order, then 不详.
    act(() => {
      pickers[0].dispatchEvent(new CustomEvent('change', { detail: { value: 1 }, bubbles: true }))
    })
    const licheng = sites.filter((s) => s.district === '鲤城区').length
    await screen.findByText(`找到 ${licheng} 处史迹`)
    act(() => {
      pickers[0].dispatchEvent(new CustomEvent('change', { detail: { value: 12 }, bubbles: true }))
    })
    const unknown = sites.filter((s) => s.district === null).length
    await screen.findByText(`找到 ${unknown} 处史迹`)
  })

  it('shows the error and retries when the source fails', async () => {
    const real = createMockSource({ store: createMemoryStore(), participantId: 'p' })
    let fail = true
    freshApp({
      ...real,
      listRoutes: (q) => (fail ? Promise.reject(new DataError('NETWORK')) : real.listRoutes(q))
    })
    render(<ExplorePage />)
    await screen.findByText('网络不可用，请检查网络后重试')
    fail = false
    fireEvent.click(screen.getByText('重试'))
    await screen.findByText(`共 ${routes.length} 条研学线路`)
  })

  it('shows a stale banner when the list came from the saved copy', async () => {
    const real = createMockSource({ store: createMemoryStore(), participantId: 'p' })
    freshApp({ ...real, listRoutes: async (q) => ({ ...(await real.listRoutes(q)), staleSince: Date.UTC(2026, 10, 29, 2, 0) }) })
    render(<ExplorePage />)
    await screen.findByText(/网络不可用，已显示 2026年11月29日 .* 保存的内容/)
    expect(cards('.route-card')).toHaveLength(16)
  })

  it('pull-down refresh reloads and stops the indicator even when it fails', async () => {
    const real = createMockSource({ store: createMemoryStore(), participantId: 'p' })
    let calls = 0
    freshApp({ ...real, listRoutes: (q) => (++calls > 1 ? Promise.reject(new DataError('TIMEOUT')) : real.listRoutes(q)) })
    render(<ExplorePage />)
    await screen.findByText(`共 ${routes.length} 条研学线路`)
    await act(async () => {
      await Taro.taroMock.hooks.usePullDownRefresh!()
    })
    expect(calls).toBe(2)
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled()
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络较慢，请求超时，请稍后重试' }))
    // The list on screen stays.
    expect(cards('.route-card')).toHaveLength(16)
  })
})
