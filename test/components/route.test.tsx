/** The route page: ordered stops (site and external), estimated duration with its rule, sources. */
import { fireEvent, render, screen } from '@testing-library/react'
import routes from '../../mock/data/routes.json'
import RoutePage from '../../src/packages/heritage/route/index'
import * as Taro from '../__mocks__/@tarojs/taro'
import { freshApp } from './helpers'

describe('RoutePage', () => {
  beforeEach(() => freshApp())

  it('shows every stop in order and links site stops to their pages', async () => {
    const route = routes.find((r) => r.stops.some((s) => s.kind === 'external'))!
    Taro.taroMock.setRouterParams({ id: route.id })
    render(<RoutePage />)
    await screen.findByText(`站点（${route.stops.length}）`)
    const names = [...document.querySelectorAll('.stops__name')].map((n) => n.textContent)
    expect(names).toEqual(route.stops.map((s) => s.name))
    expect(screen.getAllByText(/不在本应用收录的史迹中/).length).toBe(route.stops.filter((s) => s.kind === 'external').length)
    const firstSite = route.stops.find((s) => s.kind === 'site')!
    fireEvent.click(screen.getByText(firstSite.name))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/heritage/site/index?id=${(firstSite as { siteId: string }).siteId}&title=${encodeURIComponent(firstSite.name)}` })
  })

  it('labels the duration as an estimate and states its rule; curated routes say how they were composed', async () => {
    const route = routes.find((r) => r.curated)!
    Taro.taroMock.setRouterParams({ id: route.id })
    render(<RoutePage />)
    await screen.findByText(route.basis!)
    expect(screen.getByText('预计')).toBeInTheDocument()
    expect(screen.getByText(new RegExp(route.duration.rule.slice(0, 12)))).toBeInTheDocument()
    expect(screen.getByText('本应用选编')).toBeInTheDocument()
  })

  it('says an unknown route id was not found', async () => {
    Taro.taroMock.setRouterParams({ id: '不存在的线路' })
    render(<RoutePage />)
    await screen.findByText(/没有找到这条线路（编号：不存在的线路）/)
  })
})
