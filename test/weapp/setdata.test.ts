/**
 * setData payloads of the BUILT weapp site list (dist/weapp, mock data): each 加载更多 sends only
 * the new cards, and every setData stays under WeChat's advice of 32 KB per call. The harness's
 * page is a real exparser component; its `setData` is wrapped to record what Taro sends.
 */
import sitesJson from '../../mock/data/sites.json'
import { openPage, setupWeapp, takeErrors, teardownWeapp, type PageHandle } from './harness'

const sites = sitesJson as unknown as { id: string; name: string }[]
const LIMIT = 32 * 1024

let explore: PageHandle | null = null

beforeAll(() => setupWeapp())
afterAll(() => teardownWeapp())
afterEach(() => {
  explore?.unload()
  explore = null
  const errors = takeErrors()
  if (errors.length) throw new Error(`runtime errors reported by the weapp pages:\n- ${errors.join('\n- ')}`)
})

describe('探索 · 红色史迹 setData', () => {
  it('sends only the new cards on each 加载更多, each call under 32 KB', async () => {
    explore = await openPage('pages/explore/index')
    await explore.waitForText('研学线路', '红色史迹')
    await explore.tap('红色史迹')
    await explore.waitForText(`共 ${sites.length} 处红色史迹`, `还有 ${sites.length - 20} 处`)

    // Record every setData the page makes from here on (Taro calls it on the page instance).
    const inst = explore.comp.instance
    const original = inst.setData.bind(inst)
    let calls: string[] = []
    inst.setData = (data: unknown, cb?: () => void) => {
      calls.push(JSON.stringify(data))
      return original(data, cb)
    }
    const take = () => {
      const out = calls
      calls = []
      return out
    }
    const bytes = (payload: string) => Buffer.byteLength(payload, 'utf8')
    const namesIn = (payloads: string[], list: { name: string }[]) => list.filter((s) => payloads.some((p) => p.includes(JSON.stringify(s.name).slice(1, -1)))).map((s) => s.name)

    await explore.tap(`还有 ${sites.length - 20} 处`)
    await explore.waitForText(sites[39].name, `还有 ${sites.length - 40} 处`)
    await new Promise((r) => setTimeout(r, 50))
    const first = take()
    expect(first.length).toBeGreaterThan(0)
    expect(namesIn(first, sites.slice(20, 40))).toEqual(sites.slice(20, 40).map((s) => s.name))
    expect(namesIn(first, sites.slice(0, 20))).toEqual([]) // the shown cards are not sent again

    await explore.tap(`还有 ${sites.length - 40} 处`)
    await explore.waitForText(sites[49].name, `已显示全部 ${sites.length} 处`)
    await new Promise((r) => setTimeout(r, 50))
    const second = take()
    expect(second.length).toBeGreaterThan(0)
    expect(namesIn(second, sites.slice(40))).toEqual(sites.slice(40).map((s) => s.name))
    expect(namesIn(second, sites.slice(0, 40))).toEqual([]) // before the fix: all 50 cards, 27,977 B in one call

    for (const p of [...first, ...second]) expect(bytes(p)).toBeLessThan(LIMIT)
    console.log(`setData on 加载更多: first ${first.map(bytes).join(' + ')} B, second ${second.map(bytes).join(' + ')} B`)
  })
})
