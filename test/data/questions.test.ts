/**
 * @jest-environment node
 *
 * The question bank's data check (`mock/data/questions.json`): every question sourced, answers
 * among the options, types consistent, no duplicates, and ids stable across rebuilds.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import * as v from 'valibot'
import questionsJson from '@mock/data/questions.json'
import { buildQuestions, defaultContentDir, questionIdOf, readAppSiteIds } from '@mock/scripts/build-questions'
import { JUDGE_OPTIONS, QuestionSchema, type Question } from '@/services/quiz/contract'
import { checkQuestionBank, normaliseQuestionText } from '@/services/quiz/rules/bank'

const questions = questionsJson as Question[]

describe('mock/data/questions.json', () => {
  it('passes the bank check', () => {
    expect(checkQuestionBank(questions)).toEqual([])
  })

  it('every question matches the contract schema', () => {
    for (const q of questions) {
      const r = v.safeParse(QuestionSchema, q)
      if (!r.success) throw new Error(`${q.id}: ${r.issues.map((i) => i.message).join('; ')}`)
    }
  })

  it('every question has at least one source URL', () => {
    for (const q of questions) {
      expect(q.sources.length).toBeGreaterThan(0)
      for (const s of q.sources) expect(s).toMatch(/^https?:\/\/\S+$/)
    }
  })

  it('answers are option indexes within the options, ascending', () => {
    for (const q of questions) {
      expect(q.answer.length).toBeGreaterThan(0)
      for (const a of q.answer) {
        expect(Number.isInteger(a)).toBe(true)
        expect(a).toBeGreaterThanOrEqual(0)
        expect(a).toBeLessThan(q.options.length)
      }
      expect(q.answer).toEqual([...new Set(q.answer)].sort((x, y) => x - y))
    }
  })

  it('types are consistent: judge 正确/错误 with one answer, single one answer, multiple two or more', () => {
    for (const q of questions) {
      if (q.type === 'judge') {
        expect(q.options).toEqual([...JUDGE_OPTIONS])
        expect(q.answer).toHaveLength(1)
      } else if (q.type === 'single') {
        expect(q.answer).toHaveLength(1)
        expect(q.options.length).toBeGreaterThanOrEqual(2)
      } else {
        expect(q.answer.length).toBeGreaterThanOrEqual(2)
      }
    }
  })

  it('has no duplicate ids or texts, and each id is the hash of its normalised text', () => {
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length)
    expect(new Set(questions.map((q) => normaliseQuestionText(q.text))).size).toBe(questions.length)
    for (const q of questions) expect(q.id).toBe(questionIdOf(q.text))
  })

  it('marks where difficulty and topic are defaults rather than stated', () => {
    for (const q of questions) {
      if (q.difficultyBasis === 'default') expect(q.difficulty).toBe(2)
      if (q.origin.every((o) => o.startsWith('quanzhou-quiz-facts#'))) {
        expect(q.topicBasis).toBe('collection')
        expect(q.difficultyBasis).toBe('default')
      }
    }
  })

  it('links only sites of the app’s dataset, keeping the reference id', () => {
    const siteIds = readAppSiteIds()
    for (const q of questions) {
      if (q.relatedSiteId) expect(q.relatedSiteRef).toBe(q.relatedSiteId)
      if (siteIds && q.relatedSiteId) expect(siteIds.has(q.relatedSiteId)).toBe(true)
    }
  })

  it('cites every source by publisher and grade; shows only the reference’s showable ones', () => {
    const refFiles = ['quanzhou-quiz-facts.json', 'party-history-quiz.json'].map((f) => JSON.parse(fs.readFileSync(path.join(defaultContentDir(), f), 'utf8')) as Array<{ question: string; sources: string[]; needsSource?: boolean }>)
    const refByText = new Map(refFiles.flat().map((r) => [normaliseQuestionText(r.question), r]))
    for (const q of questions) {
      expect(q.citations.map((c) => c.url).sort()).toEqual([...q.sources].sort())
      const ref = refByText.get(normaliseQuestionText(q.text))
      for (const c of q.citations) {
        if (c.showable) {
          expect(ref?.sources).toContain(c.url)
          expect(c.label).toMatch(/^[^.]+$/)
          expect(['original', 'mirror', 'database']).toContain(c.kind)
        } else {
          expect(c.label).toBeNull()
        }
      }
      expect([q.id, q.needsSource]).toEqual([q.id, !!ref?.needsSource || !q.citations.some((c) => c.showable)])
    }
  })

  it('the bank check catches a missing source, an answer out of range, and duplicates', () => {
    const [a, b] = questions
    const problems = checkQuestionBank([
      { ...a, sources: [] },
      { ...b, answer: [b.options.length] },
      a,
      { ...a, id: 'q-ffffffffff' }
    ])
    expect(problems.join('\n')).toMatch(/sources/)
    expect(problems.join('\n')).toMatch(/not among its/)
    expect(problems.join('\n')).toMatch(/duplicate text/)
  })
})

const refDir = defaultContentDir()

describe('rebuilding from the content records (mock/content)', () => {
  it('reads the project’s own copy', () => {
    expect(fs.existsSync(path.join(refDir, 'quanzhou-quiz-facts.json'))).toBe(true)
  })

  it('gives the same questions and ids as the committed file', () => {
    const built = buildQuestions({ referenceDir: refDir, appSiteIds: readAppSiteIds() })
    expect(built.problems).toEqual([])
    expect(built.questions.map((q) => q.id)).toEqual(questions.map((q) => q.id))
    expect(built.questions).toEqual(questions)
  })

  it('fails on an answer not among the options and on a duplicate within a file', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'quiz-ref-'))
    const facts = JSON.parse(fs.readFileSync(path.join(refDir, 'quanzhou-quiz-facts.json'), 'utf8'))
    facts.push({ ...facts[0] })
    facts.push({ ...facts[1], question: '一个答案不在选项里的题目?', answer: '不存在', answer_index: 9 })
    fs.writeFileSync(path.join(tmp, 'quanzhou-quiz-facts.json'), JSON.stringify(facts))
    const r = buildQuestions({ referenceDir: tmp, appSiteIds: null })
    expect(r.problems.some((p) => p.includes('duplicate of quanzhou-quiz-facts#0'))).toBe(true)
    expect(r.problems.some((p) => p.includes('not among its options'))).toBe(true)
    fs.rmSync(tmp, { recursive: true, force: true })
  })
})
