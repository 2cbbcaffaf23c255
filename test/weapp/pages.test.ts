/**
 * The BUILT weapp pages (dist/weapp, mock data source) rendered with WeChat's component engine:
 * what each page shows from the data, and what its taps do. Expected values come from
 * mock/data, never from the app's code. Any console.error in the app fails the test it happens in.
 */
import sitesJson from '../../mock/data/sites.json'
import routesJson from '../../mock/data/routes.json'
import { callsOf, clearCalls, harness, openPage, setupWeapp, takeErrors, teardownWeapp, waitFor, type PageHandle } from './harness'

interface SiteRecord {
  id: string
  name: string
  address: string | null
  description: string | null
  facts: { year: number }[]
  sources: unknown[]
  pinyin: { initials: string; full: string }
  position: { latitude: number; longitude: number; precision: string } | null
}
interface RouteRecord {
  id: string
  name: string
  curated: boolean
  verified: boolean
  stops: ({ kind: 'site'; siteId: string; name: string } | { kind: string; name: string })[]
}

const sites = sitesJson as unknown as SiteRecord[]
const routes = routesJson as unknown as RouteRecord[]

const MLT_ID = 'zhonggong-quanzhou-tebie-zhibu-mingluntang'
const mlt = sites.find((s) => s.id === MLT_ID) as SiteRecord

const open: PageHandle[] = []
async function page(route: string, query: Record<string, string> = {}) {
  const p = await openPage(route, query)
  open.push(p)
  return p
}

/** Opens the page a recorded navigateTo URL points to, with its query as WeChat passes it (undecoded). */
async function follow(url: string) {
  const [pathPart, qs = ''] = url.split('?')
  const query: Record<string, string> = {}
  for (const pair of qs.split('&').filter(Boolean)) {
    const i = pair.indexOf('=')
    query[pair.slice(0, i)] = pair.slice(i + 1)
  }
  return page(pathPart.replace(/^\//, ''), query)
}

const siteUrl = (s: { id: string; name: string }) => `/packages/heritage/site/index?id=${encodeURIComponent(s.id)}&title=${encodeURIComponent(s.name)}`

beforeAll(() => {
  setupWeapp()
})

afterAll(() => {
  teardownWeapp()
})

beforeEach(() => {
  clearCalls()
  harness.modalAnswer = { confirm: true, cancel: false }
})

afterEach(() => {
  while (open.length) open.pop()?.unload()
  const errors = takeErrors()
  if (errors.length) throw new Error(`runtime errors reported by the weapp pages:\n- ${errors.join('\n- ')}`)
})

describe('首页 (pages/home/index)', () => {
  it('shows the counts from the data, the entry tiles and the featured routes', async () => {
    const home = await page('pages/home/index')
    const featured = routes.filter((r) => !r.curated && r.verified).slice(0, 3)
    expect(featured.length).toBeGreaterThan(0)
    const text = await home.waitForText(`${routes.length}条研学线路`, `${sites.length}处红色史迹`, ...featured.map((r) => r.name))
    expect(routes.length).toBe(16)
    expect(sites.length).toBe(50)
    for (const tile of ['研学线路', '红色史迹', '党史竞答', '云游VR展厅', '点单约课']) expect(text).toContain(tile)
    expect(text).toContain('推荐线路')
    // only the featured ones: a curated route is not among them
    const curated = routes.find((r) => r.curated)
    if (curated) expect(text).not.toContain(curated.name)
  })

  it('the 研学线路 tile switches to the 探索 tab', async () => {
    const home = await page('pages/home/index')
    await home.waitForText('按线路走读')
    await home.tap('研学线路按线路走读')
    await waitFor(() => callsOf('switchTab').length, () => 'switchTab was not called')
    expect(callsOf('switchTab')).toEqual([{ url: '/pages/explore/index' }])
    expect(harness.stack.at(-1)).toEqual({ url: '/pages/explore/index', kind: 'switchTab' })
  })

  it('pull-down refresh reloads and stops the refresh indicator', async () => {
    const home = await page('pages/home/index')
    await home.waitForText(`${routes.length}条研学线路`)
    await home.call('onPullDownRefresh')
    await waitFor(() => callsOf('stopPullDownRefresh').length, () => 'stopPullDownRefresh was not called')
    await home.waitForText(`${routes.length}条研学线路`, `${sites.length}处红色史迹`)
  })
})

describe('探索 (pages/explore/index)', () => {
  it('lists the sites on the 红色史迹 tab, searches by pinyin initials and opens a site', async () => {
    const explore = await page('pages/explore/index')
    await explore.waitForText('研学线路', '红色史迹')
    await explore.tap('红色史迹')
    const listed = await explore.waitForText(`共 ${sites.length} 处红色史迹`)
    const first20 = sites.slice(0, 20)
    for (const s of first20) expect(listed).toContain(s.name)
    expect(listed).not.toContain(sites[20].name)
    expect(listed).toContain(`还有 ${sites.length - 20} 处`)

    // search: the input's `input` event, then the 300 ms debounce (real timers)
    const expected = sites.filter((s) => s.pinyin.initials.includes('mlt') || s.pinyin.full.includes('mlt'))
    expect(expected.map((s) => s.id)).toContain(MLT_ID)
    const [input] = explore.findAll('', { tag: 'input' })
    expect(input).toBeTruthy()
    await explore.dispatch(input, 'input', { value: 'mlt', cursor: 3, keyCode: 84 })
    const found = await explore.waitForText(`找到 ${expected.length} 处史迹`)
    for (const s of expected) expect(found).toContain(s.name)
    for (const s of sites.filter((x) => !expected.includes(x)).slice(0, 10)) expect(found).not.toContain(s.name)

    // tapping the card opens the site page with its id and its (encoded) Chinese name
    await explore.tap(mlt.name)
    await waitFor(() => callsOf('navigateTo').length, () => 'navigateTo was not called')
    expect(callsOf('navigateTo')).toEqual([{ url: siteUrl(mlt) }])

    // and that URL, opened as WeChat would, shows the site
    const site = await follow(callsOf('navigateTo')[0].url)
    await site.waitForText(mlt.name, `来源（${mlt.sources.length}）`)

    // leave the shared store as the other pages expect it
    const [again] = explore.findAll('', { tag: 'input' })
    await explore.dispatch(again, 'confirm', { value: '' })
    await explore.waitForText(`共 ${sites.length} 处红色史迹`)
  })

  it('shows all routes on the 研学线路 tab', async () => {
    const explore = await page('pages/explore/index')
    await explore.tap('研学线路')
    await explore.waitForText(`共 ${routes.length} 条研学线路`, ...routes.map((r) => r.name))
  })
})

describe('史迹详情 (packages/heritage/site/index)', () => {
  const query = { id: MLT_ID, title: encodeURIComponent(mlt.name) }

  it('shows the site from the data and takes its Chinese title intact', async () => {
    const site = await page('packages/heritage/site/index', query)
    const text = await site.waitForText(mlt.name, `来源（${mlt.sources.length}）`)
    expect(mlt.description).toBeTruthy()
    expect(text).toContain(mlt.description as string)
    expect(mlt.facts.length).toBeGreaterThan(0)
    for (const f of mlt.facts) expect(text).toContain(`${f.year}年`)
    expect(text).toContain(mlt.address as string)
    const titles = callsOf('setNavigationBarTitle').map((a) => a.title)
    // the first title comes from the page parameter, before the data: decoded, not %E4…
    expect(titles[0]).toBe(mlt.name)
    expect(titles.every((t) => t === mlt.name)).toBe(true)
  })

  it('收藏 stores the favourite', async () => {
    const site = await page('packages/heritage/site/index', query)
    await site.waitForText('☆ 收藏')
    await site.tap('☆ 收藏')
    await site.waitForText('★ 已收藏')
    const favKeys = [...harness.storage.keys()].filter((k) => /^rcc:mock:favourites:/.test(k))
    expect(favKeys).toHaveLength(1)
    expect(harness.storage.get(favKeys[0])).toEqual([MLT_ID])
    expect(callsOf('showToast').at(-1)).toMatchObject({ title: '已收藏' })

    // tapping again removes it
    await site.tap('★ 已收藏')
    await site.waitForText('☆ 收藏')
    expect(harness.storage.get(favKeys[0])).toEqual([])
  })

  it('在地图中打开 warns about an approximate (county) position first, then opens the map', async () => {
    expect(mlt.position?.precision).toBe('county')
    const site = await page('packages/heritage/site/index', query)
    await site.waitForText('在地图中打开')
    await site.tap('在地图中打开')
    await waitFor(() => callsOf('openLocation').length, () => `openLocation was not called; calls: ${JSON.stringify(harness.calls)}`)
    const order = harness.calls.map((c) => c.api).filter((a) => a === 'showModal' || a === 'openLocation')
    expect(order).toEqual(['showModal', 'openLocation'])
    expect(callsOf('showModal')[0].content).toContain(mlt.address as string)
    expect(callsOf('openLocation')[0]).toMatchObject({ latitude: mlt.position?.latitude, longitude: mlt.position?.longitude, name: mlt.name })
  })

  it('does not open the map when the warning is cancelled', async () => {
    harness.modalAnswer = { confirm: false, cancel: true }
    const site = await page('packages/heritage/site/index', query)
    await site.waitForText('在地图中打开')
    await site.tap('在地图中打开')
    await waitFor(() => callsOf('showModal').length, () => 'showModal was not called')
    await new Promise((r) => setTimeout(r, 100))
    expect(callsOf('openLocation')).toEqual([])
  })

  it('says so for an unknown id', async () => {
    const site = await page('packages/heritage/site/index', { id: 'no-such-site' })
    await site.waitForText('没有找到这处史迹', 'no-such-site')
  })
})

describe('线路详情 (packages/heritage/route/index)', () => {
  it('lists the stops in order and opens the first site stop', async () => {
    const route = routes[0]
    const p = await page('packages/heritage/route/index', { id: route.id, title: encodeURIComponent(route.name) })
    const text = await p.waitForText(route.name, `站点（${route.stops.length}）`)
    let cursor = text.indexOf(`站点（${route.stops.length}）`)
    route.stops.forEach((stop, i) => {
      const at = text.indexOf(`${i + 1}${stop.name}`, cursor)
      expect({ stop: stop.name, found: at > cursor }).toEqual({ stop: stop.name, found: true })
      cursor = at
    })

    const firstSite = route.stops.find((s): s is { kind: 'site'; siteId: string; name: string } => s.kind === 'site')
    expect(firstSite).toBeTruthy()
    clearCalls()
    await p.tap(firstSite!.name)
    await waitFor(() => callsOf('navigateTo').length, () => 'navigateTo was not called')
    expect(callsOf('navigateTo')).toEqual([{ url: siteUrl({ id: firstSite!.siteId, name: firstSite!.name }) }])
  })

  it('shows every route of the data with its stops', async () => {
    for (const route of routes) {
      const p = await page('packages/heritage/route/index', { id: route.id })
      await p.waitForText(route.name, `站点（${route.stops.length}）`, ...route.stops.map((s) => s.name))
      open.pop()?.unload()
    }
  })
})

describe('我的 (pages/me/index)', () => {
  it('lists a site favourited on its page', async () => {
    const site = await page('packages/heritage/site/index', { id: MLT_ID })
    await site.tap('☆ 收藏')
    await site.waitForText('★ 已收藏')
    const me = await page('pages/me/index')
    await me.waitForText('个人资料', mlt.name)
    // and un-favouriting removes it again (on the next show)
    await site.tap('★ 已收藏')
    await site.waitForText('☆ 收藏')
    me.unload()
    const again = await page('pages/me/index')
    await again.waitForText('还没有收藏')
  })
})

describe('every page in dist/weapp/app.json', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const app = require('../../dist/weapp/app.json') as { pages: string[]; subPackages?: { root: string; pages: string[] }[] }
  const all = [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]

  it.each(all)('%s renders without runtime errors', async (route) => {
    const p = await page(route)
    // content past any loading skeleton, and no error reported while getting there
    await waitFor(
      () => p.text().trim().length > 0 && !/正在加载/.test(p.text()),
      () => `${route} did not finish rendering; text: ${p.text().slice(0, 300)}`
    )
  })
})
