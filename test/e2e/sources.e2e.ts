/**
 * Sources as people cite them, read in the running app: every source label on every one of the 50
 * site pages, and the 来源 line after every question of a practice round in each topic, is a
 * publisher's name with a plain-words grade, exactly as the data labels it, and never a domain.
 * No text on a site page names a website by its domain either.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { screenshot } from './browser'
import { mockQuestions, open, PAGES, QUIZ_PAGES, readFeedback, readQuestion, scenario, submitChoice, visible, waitForRoute } from './app'

const ROOT = path.resolve(__dirname, '..', '..')
interface DataSite {
  id: string
  name: string
  sources: Array<{ url: string; showable: boolean; label: string | null }>
}
const SITES = JSON.parse(readFileSync(path.join(ROOT, 'mock', 'data', 'sites.json'), 'utf8')) as DataSite[]

/** A website named by its bare domain (what users must never see as a source). */
const DOMAIN = /(?<![\w.-])(?:[a-z0-9-]+\.)+(?:com|cn|net|org|gov|edu|info|top|xyz|cc|io)(?:\.cn)?(?![\w-])|xn--/i

scenario('来源：50 处史迹页面的每个来源都按发布机构显示，页面上没有网址域名', 'sources-sites', async ({ page }) => {
  let labels = 0
  for (const site of SITES) {
    await open(page, PAGES.site(site.id))
    await visible(page, '.site-cover__name').filter({ hasText: site.name }).waitFor()
    const expected = site.sources.filter((s) => s.showable && s.label).map((s) => s.label as string)
    const shown = (await visible(page, '.sources__title').allInnerTexts()).map((t) => t.trim())
    assert.deepEqual(shown, expected, `${site.id}: the source labels are the data's`)
    for (const label of shown) assert.doesNotMatch(label, DOMAIN, `${site.id}: label ${label}`)
    if (!expected.length) await visible(page, '.detail__missing').filter({ hasText: '暂无可展示的来源' }).waitFor()
    const body = await page.evaluate(() => document.body.innerText)
    assert.doesNotMatch(body, DOMAIN, `${site.id}: no text on the page names a website by its domain`)
    labels += shown.length
  }
  assert.ok(labels > 50, `labels read: ${labels}`)
  await screenshot(page, 'sources-last-site')
}, { timeoutMs: 600_000 })

scenario('来源：每个专题练一轮，每题答后的“来源”都是发布机构名称或“待核实”', 'sources-practice', async ({ page }) => {
  const topics = [...new Set(mockQuestions().map((q) => q.topic))]
  let read = 0
  for (const topic of topics) {
    await open(page, QUIZ_PAGES.play('practice', { topic }))
    const first = await readQuestion(page, 1)
    for (let n = 1; n <= first.total; n++) {
      const q = n === 1 ? first : await readQuestion(page, n)
      assert.equal(q.bank.topic, topic)
      await submitChoice(page, q.right)
      await readFeedback(page)
      const line = (await visible(page, '.play .feedback__source').innerText()).trim()
      const labels = q.bank.citations.filter((c) => c.showable && c.label).map((c) => c.label as string)
      if (labels.length) assert.equal(line, `来源：${labels.join('、')}`, `${q.bank.text}: the 来源 line`)
      else assert.match(line, /^来源：待核实/, `${q.bank.text}: no source fit to show is said so`)
      assert.doesNotMatch(line, DOMAIN)
      read++
      await visible(page, '.play__next').click()
    }
    await waitForRoute(page, QUIZ_PAGES.result, 15_000)
    // the result page has rendered before the next topic opens
    await visible(page, '.result__hero').waitFor({ timeout: 15_000 })
  }
  assert.ok(read >= topics.length * 5, `questions read: ${read}`)
}, { timeoutMs: 600_000 })
