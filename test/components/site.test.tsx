/**
 * The site page over the real dataset: content, facts in year order, sources, routes it belongs
 * to, favourite, open-in-map with the approximate-position warning, 纠错 that keeps the user's
 * text on failure, and an unknown id.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import sites from '../../mock/data/sites.json'
import routes from '../../mock/data/routes.json'
import SitePage from '../../src/packages/heritage/site/index'
import { DataError } from '../../src/services/core/errors'
import { createMockSource } from '../support/sources'
import { createMemoryStore } from '../../src/services/core/kv'
import * as Taro from '../__mocks__/@tarojs/taro'
import { freshApp } from './helpers'

const mingluntang = sites.find((s) => s.id === 'zhonggong-quanzhou-tebie-zhibu-mingluntang')!
const chengtiansi = sites.find((s) => s.position?.precision === 'site')!

function open(id: string, title?: string) {
  Taro.taroMock.setRouterParams(title ? { id, title: encodeURIComponent(title) } : { id })
  return render(<SitePage />)
}

describe('SitePage', () => {
  beforeEach(() => freshApp())

  it('names every source by publisher on every site page, never by domain', async () => {
    for (const site of sites) {
      const view = open(site.id)
      await screen.findByText(site.description)
      const shown = site.sources.filter((x) => x.showable)
      const labels = [...document.querySelectorAll('.sources__title')].map((n) => n.textContent)
      expect([site.id, labels]).toEqual([site.id, shown.map((x) => x.label)])
      const texts = [...document.querySelectorAll('.sources__title, .sources__meta, .timeline__source')].map((n) => n.textContent ?? '')
      for (const t of texts) expect([site.id, t]).toEqual([site.id, expect.not.stringMatching(/[a-z0-9-]+\.(com|cn|net|org|tw)\b/i)])
      if (!shown.length) expect(screen.getByText(/暂无可展示的来源/)).toBeInTheDocument()
      view.unmount()
    }
    // 50 renders: about 3 s alone, over jest's 5 s default when the 2 cores are shared with a build.
  }, 30_000)

  it('shows the description, the dated facts in order, the address and every source', async () => {
    open(mingluntang.id, mingluntang.name)
    await screen.findByText(mingluntang.description)
    const years = [...document.querySelectorAll('.timeline__year')].map((n) => n.textContent)
    expect(years).toEqual([...mingluntang.facts].sort((a, b) => a.year - b.year).map((f) => `${f.year}年`))
    expect(screen.getByText(mingluntang.address!)).toBeInTheDocument()
    const shown = mingluntang.sources.filter((x) => x.showable)
    expect(shown.length).toBeGreaterThan(0)
    expect(screen.getByText(`来源（${shown.length}）`)).toBeInTheDocument()
    expect(document.querySelectorAll('.sources__item')).toHaveLength(shown.length)
    // The Chinese title parameter arrives decoded.
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: mingluntang.name })
  })

  it('lists the routes the site belongs to and opens one', async () => {
    open(mingluntang.id)
    const route = routes.find((r) => mingluntang.routeIds.includes(r.id))!
    await screen.findByText(route.name)
    fireEvent.click(screen.getByText(route.name))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/heritage/route/index?id=${route.id}&title=${encodeURIComponent(route.name)}` })
  })

  it('toggles the favourite and keeps it in the data source', async () => {
    const ds = freshApp()
    open(mingluntang.id)
    fireEvent.click(await screen.findByText('☆ 收藏'))
    await screen.findByText('★ 已收藏')
    expect(await ds.listFavourites()).toEqual([mingluntang.id])
    fireEvent.click(screen.getByText('★ 已收藏'))
    await screen.findByText('☆ 收藏')
    expect(await ds.listFavourites()).toEqual([])
  })

  it('warns before opening the map at an approximate (county-centre) point', async () => {
    open(mingluntang.id)
    fireEvent.click(await screen.findByText('在地图中打开'))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled())
    const modal = (Taro.showModal as jest.Mock).mock.calls[0][0]
    expect(modal.content).toContain(`所在县区的中心（${mingluntang.position!.placeName}）`)
    expect(modal.content).toContain(mingluntang.address)
    expect(screen.getByText('约略位置')).toBeInTheDocument()
  })

  it('does not open the map when the user cancels the warning', async () => {
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    Taro.taroMock.setEnv('weapp')
    const prev = process.env.TARO_ENV
    process.env.TARO_ENV = 'weapp'
    try {
      open(mingluntang.id)
      fireEvent.click(await screen.findByText('在地图中打开'))
      await waitFor(() => expect(Taro.showModal).toHaveBeenCalled())
      await act(async () => undefined)
      expect(Taro.openLocation).not.toHaveBeenCalled()
    } finally {
      process.env.TARO_ENV = prev
    }
  })

  it('opens the stated point in the map app on weapp after confirmation', async () => {
    const prev = process.env.TARO_ENV
    process.env.TARO_ENV = 'weapp'
    try {
      open(chengtiansi.id)
      fireEvent.click(await screen.findByText('在地图中打开'))
      await waitFor(() => expect(Taro.openLocation).toHaveBeenCalled())
      expect(Taro.openLocation).toHaveBeenCalledWith(expect.objectContaining({ latitude: chengtiansi.position!.latitude, longitude: chengtiansi.position!.longitude, name: chengtiansi.name }))
    } finally {
      process.env.TARO_ENV = prev
    }
  })

  it('keeps the 纠错 text when sending fails, then files it once with the same key', async () => {
    const real = createMockSource({ store: createMemoryStore(), participantId: 'p' })
    const keys: string[] = []
    let fail = true
    freshApp({
      ...real,
      submitReport: (input) => {
        keys.push(input.key)
        return fail ? Promise.reject(new DataError('NETWORK')) : real.submitReport(input)
      }
    })
    open(mingluntang.id)
    fireEvent.click(await screen.findByText('纠错'))
    const textarea = document.querySelector('.report-form__text') as HTMLElement
    act(() => {
      textarea.dispatchEvent(new CustomEvent('input', { detail: { value: '成立时间应为1927年1月' }, bubbles: true }))
    })
    fireEvent.click(screen.getByText('提交纠错'))
    await screen.findByText('网络不可用，请检查网络后重试')
    expect(screen.getByText('提交纠错')).toBeInTheDocument()
    fail = false
    fireEvent.click(screen.getByText('提交纠错'))
    await screen.findByText(/已收到您的纠错/)
    expect(keys).toHaveLength(2)
    expect(keys[0]).toBe(keys[1])
  })

  it('rejects an empty 纠错 with the field message', async () => {
    open(mingluntang.id)
    fireEvent.click(await screen.findByText('纠错'))
    fireEvent.click(screen.getByText('提交纠错'))
    await screen.findByText('请写下哪里有误（至少 2 个字）')
  })

  it('says an unknown id was not found and offers a way back', async () => {
    open('no-such-site')
    await screen.findByText(/没有找到这处史迹（编号：no-such-site）/)
    fireEvent.click(screen.getByText('返回史迹列表'))
    expect(Taro.navigateBack).toHaveBeenCalled()
  })

  it('shares the page with its name and id', async () => {
    open(mingluntang.id)
    await screen.findByText(mingluntang.description)
    const share = Taro.taroMock.hooks.useShareAppMessage!()
    expect(share).toEqual({ title: `${mingluntang.name} · 红色文化云学堂`, path: `/packages/heritage/site/index?id=${mingluntang.id}` })
  })
})
