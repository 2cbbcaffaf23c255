/**
 * @jest-environment node
 *
 * The content check (`npm run content:check`) over the committed data: no source of a kind that
 * may not be shown is shown, every fact and every ranked-round question has a showable source, no
 * route is tagged published without an A/B source, no commercial stop, no note pointing at another
 * record by position. Each failure is also shown to fire on a deliberately broken copy.
 */
import type { Route, Site } from '@/services/heritage/contract'
import type { Question } from '@/services/quiz/contract'
import { checkContent, readContent } from '@mock/scripts/content-check'
import { citeDomainsInText } from '@mock/scripts/dataset-rules'

const content = readContent()
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T

describe('content check', () => {
  it('passes on the committed data', () => {
    const report = checkContent(content)
    expect(report.problems).toEqual([])
    expect(report.counts.sitesShowable).toBeGreaterThan(0)
    expect(report.counts.questionsShowable + report.counts.questionsLeftOutOfRanked).toBe(report.counts.questions)
    expect(content.commercialStops.length).toBeGreaterThan(0)
  })

  it('fails on a shown source of a kind that may not be shown, and on a domain as a label', () => {
    const sites = clone(content.sites) as Site[]
    const hidden = sites.flatMap((s) => s.sources).find((x) => !x.showable && x.kind === 'ai-compilation')
    expect(hidden).toBeDefined()
    Object.assign(hidden as object, { showable: true, label: 'bkwk.cn' })
    const problems = checkContent({ ...content, sites }).problems.join('\n')
    expect(problems).toMatch(/shows a source of kind ai-compilation/)
    expect(problems).toMatch(/label is a domain/)
  })

  it('fails on a fact with no showable source', () => {
    const sites = clone(content.sites) as Site[]
    const site = sites.find((s) => s.facts.length) as Site
    for (const x of site.sources) Object.assign(x, { showable: false, label: null })
    expect(checkContent({ ...content, sites }).problems.join('\n')).toMatch(/has no showable source/)
  })

  it('fails on a question in ranked rounds without a showable source', () => {
    const questions = clone(content.questions) as Question[]
    const q = questions.find((x) => x.needsSource) as Question
    q.needsSource = false
    expect(checkContent({ ...content, questions }).problems.join('\n')).toMatch(/in ranked rounds without a showable source/)
  })

  it('fails on a published route without an A/B source, and on a commercial stop', () => {
    const routes = clone(content.routes) as Route[]
    const c = routes.find((r) => r.id === 'jinjiang-jingyan-hongse-route') as Route
    c.published = true
    for (const x of c.sources) x.tier = 'C'
    c.stops.push({ kind: 'external', name: content.commercialStops[0], note: null })
    const problems = checkContent({ ...content, routes }).problems.join('\n')
    expect(problems).toMatch(/published without a tier A\/B source/)
    expect(problems).toMatch(/commercial stop/)
  })

  it('fails on a note that refers to another record by position', () => {
    const sites = clone(content.sites) as Site[]
    sites[0].notes = '详见下一条。'
    const routes = clone(content.routes) as Route[]
    routes[0].notes = 'See the next entry.'
    const problems = checkContent({ ...content, sites, routes }).problems.join('\n')
    expect(problems).toMatch(/site .*refers to another record by position/)
    expect(problems).toMatch(/route .*refers to another record by position/)
  })

  it('fails on shown text that names a website by its domain', () => {
    const sites = clone(content.sites) as Site[]
    sites[0].notes = '此说见于 bkwk.cn 一文。'
    const routes = clone(content.routes) as Route[]
    routes[0].reliability = 'C（仅见于 example.com.cn）'
    const problems = checkContent({ ...content, sites, routes }).problems.join('\n')
    expect(problems).toMatch(/site .*notes names a site by its domain/)
    expect(problems).toMatch(/route .*reliability names a site by its domain/)
  })
})

describe('citeDomainsInText', () => {
  const lookup = (d: string) =>
    ({ 'ptu.edu.cn': { kind: 'original' as const, publisher: '莆田学院' }, 'qzct.cn': { kind: 'mirror' as const, publisher: '泉州市人民政府公众信息网' }, 'bkwk.cn': { kind: 'ai-compilation' as const, publisher: null } })[d]
  it('names the publisher where the registry knows it, else the kind of page; never the domain', () => {
    expect(citeDomainsInText('平均牺牲年龄不足27岁(ptu.edu.cn)。', lookup)).toBe('平均牺牲年龄不足27岁(莆田学院)。')
    expect(citeDomainsInText('qzct.cn(2011)一文', lookup)).toBe('泉州市人民政府公众信息网（转载）(2011)一文')
    expect(citeDomainsInText('仅见于 bkwk.cn 的 AI 生成汇编', lookup)).toBe('仅见于某 AI 汇编网站的 AI 生成汇编')
    expect(citeDomainsInText('见 unknown.example.org 一文', lookup)).toBe('见某网页一文')
  })
})
