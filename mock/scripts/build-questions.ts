/**
 * Builds the quiz question bank `mock/data/questions.json` from the project's content records in
 * `mock/content/` (imported from the researched reference by `npm run content:import`):
 *
 * - `quanzhou-quiz-facts.json` (66 Quanzhou Party-history questions, single choice, no type,
 *   topic or difficulty stated): type `single`; topic `泉州地方党史` with `topicBasis: 'collection'`
 *   (the file is a collection of Quanzhou local Party-history questions, so the topic is the
 *   collection's, not invented per question); difficulty 2 with `difficultyBasis: 'default'`
 *   (no source states one; 2 is the documented default, the bank's median level).
 * - `party-history-quiz.json` (when present; national and Fujian Party history): type, topic and
 *   difficulty as the file states them (`topicBasis`/`difficultyBasis: 'source'`).
 *
 * Every question keeps its text, options, explanation and sources. Each source URL gets a citation
 * from its `sourceRecords` entry (kind, publisher, grade: the registry's tier for a registered URL,
 * else by the reference's definitions; showable only when the reference lists it among `sources`
 * and its kind and publisher allow a label, see `describeSource`); `needsSource` is true when the
 * reference says so or no citation is showable. Answers become ascending option
 * indexes (`answer_index` as given, an int for single/judge, a list for multiple) and are checked
 * against the answer text(s): the build FAILS on an answer not among its options.
 *
 * Stable ids: `q-` + the first 10 hex digits of SHA-1 of the normalised question text (NFKC, lower
 * case, whitespace/punctuation/symbols removed; see `normaliseQuestionText`), so rebuilding keeps
 * every id as long as the question's wording does not change.
 *
 * Duplicates (same normalised text): within one file the build FAILS and prints them; across the
 * two files the questions are merged when their answers agree (the party-history record is kept for
 * its stated type/topic/difficulty, sources and origins are merged), and the build FAILS when the
 * answers differ.
 *
 * Related sites: the reference's `related_site` is kept in `relatedSiteRef` (and must be one of the
 * 63 reference sites). `relatedSiteId` is that id when `mock/data/sites.json` exists and has the
 * site, null when the app's dataset lacks it; when sites.json is absent it is the reference id.
 *
 * Run: `npm run questions` (content dir from `CONTENT_DIR`, else `mock/content/`; `--verbose`
 * prints the tallies). Output is deterministic (no timestamps).
 */
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { SOURCE_KINDS, type SourceKind } from '../../src/services/core/sources'
import { LOCAL_TOPIC, QUESTION_TYPES, type Citation, type Difficulty, type Question, type QuestionType } from '../../src/services/quiz/contract'
import { checkQuestionBank, normaliseQuestionText } from '../../src/services/quiz/rules/bank'
import { describeSource, gradeOfRecord, type Tier } from './dataset-rules'

/** The difficulty given to questions whose source states none. */
export const DEFAULT_DIFFICULTY: Difficulty = 2

export const QUANZHOU_FILE = 'quanzhou-quiz-facts.json'
export const PARTY_FILE = 'party-history-quiz.json'

interface RawRecord {
  url?: unknown
  domainKind?: unknown
  publisher?: unknown
  originalUrl?: unknown
}

interface RawQuestion {
  question?: unknown
  options?: unknown
  answer?: unknown
  answer_index?: unknown
  explanation?: unknown
  sources?: unknown
  sourceRecords?: unknown
  needsSource?: unknown
  related_site?: unknown
  type?: unknown
  topic?: unknown
  difficulty?: unknown
}

export interface BuildResult {
  questions: Question[]
  /** Cross-file duplicates that were merged: the kept id and the origins merged into it. */
  merged: Array<{ id: string; text: string; origins: string[] }>
  /** Problems that fail the build (duplicates within a file, bad answers, missing sources …). */
  problems: string[]
  /** Reference related-site ids not in the app's sites.json (relatedSiteId set to null). */
  sitesNotInApp: string[]
}

/** The stable id of a question text. */
export function questionIdOf(text: string): string {
  return 'q-' + createHash('sha1').update(normaliseQuestionText(text), 'utf8').digest('hex').slice(0, 10)
}

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'))
}

const isHttpUrl = (s: unknown): s is string => typeof s === 'string' && /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(s)

/**
 * Builds the bank from a reference directory. Pure apart from reading the files.
 * @param opts.referenceDir where the reference JSON files are
 * @param opts.appSiteIds ids of the app's sites (`mock/data/sites.json`), or null when that file is absent
 */
export function buildQuestions(opts: { referenceDir: string; appSiteIds: ReadonlySet<string> | null }): BuildResult {
  const problems: string[] = []
  const refDir = opts.referenceDir
  const refSitesFile = path.join(refDir, 'quanzhou-sites.json')
  const refSiteIds = fs.existsSync(refSitesFile) ? new Set((readJson(refSitesFile) as Array<{ id: string }>).map((s) => s.id)) : null
  // Grades of the URLs the source registry lists (the same page graded once for the whole app).
  const registryFile = path.join(refDir, 'quanzhou-sources.json')
  const registry = new Map<string, Tier>(
    fs.existsSync(registryFile) ? (readJson(registryFile) as Array<{ url: string; tier: Tier }>).map((x) => [x.url, x.tier]) : []
  )
  const sitesNotInApp = new Set<string>()

  const convert = (raw: RawQuestion, origin: string, file: string): Question | null => {
    const fail = (msg: string) => {
      problems.push(`${origin}: ${msg}`)
      return null
    }
    if (typeof raw.question !== 'string' || !raw.question.trim()) return fail('no question text')
    const text = raw.question.trim()
    if (!Array.isArray(raw.options) || raw.options.length < 2 || !raw.options.every((o) => typeof o === 'string' && o.trim())) return fail('options missing or empty')
    const options = (raw.options as string[]).map((o) => o.trim())

    const isParty = file === PARTY_FILE
    const type: QuestionType = isParty ? (raw.type as QuestionType) : 'single'
    if (!QUESTION_TYPES.includes(type)) return fail(`unknown type ${String(raw.type)}`)

    // Answer: the stated indexes, checked against the stated answer text(s).
    const texts = Array.isArray(raw.answer) ? raw.answer : [raw.answer]
    let idx: number[]
    if (raw.answer_index !== undefined && raw.answer_index !== null) {
      idx = Array.isArray(raw.answer_index) ? (raw.answer_index as number[]) : [raw.answer_index as number]
    } else {
      idx = texts.map((t) => options.indexOf(typeof t === 'string' ? t.trim() : ''))
    }
    if (!idx.every((i) => Number.isInteger(i) && i >= 0 && i < options.length)) return fail(`answer ${JSON.stringify(raw.answer_index ?? raw.answer)} not among its options`)
    if (texts.length !== idx.length || !idx.every((i, k) => typeof texts[k] === 'string' && options[i] === (texts[k] as string).trim())) {
      return fail(`answer text ${JSON.stringify(raw.answer)} does not match options at ${JSON.stringify(idx)}`)
    }
    const answer = [...new Set(idx)].sort((a, b) => a - b)

    // Sources: one record per URL (`sourceRecords`); `sources` lists those fit to show, best first.
    const shown = Array.isArray(raw.sources) ? (raw.sources as unknown[]) : []
    const badSource = shown.find((s) => !isHttpUrl(s))
    if (badSource !== undefined) return fail(`source is not a URL: ${String(badSource)}`)
    const records = Array.isArray(raw.sourceRecords) ? (raw.sourceRecords as RawRecord[]) : []
    if (!records.length) return fail('no sourceRecords')
    const byUrl = new Map<string, RawRecord>()
    for (const r of records) {
      if (!r || !isHttpUrl(r.url)) return fail(`source record without a URL: ${JSON.stringify(r)}`)
      if (!(SOURCE_KINDS as readonly string[]).includes(r.domainKind as string)) return fail(`source record ${r.url}: unknown domainKind ${String(r.domainKind)}`)
      byUrl.set(r.url as string, r)
    }
    const missing = shown.filter((u) => !byUrl.has(u as string))
    if (missing.length) return fail(`sources without a record: ${missing.join(', ')}`)
    const ordered = [...new Set([...(shown as string[]), ...byUrl.keys()])]
    const citations: Citation[] = ordered.map((u) => {
      const r = byUrl.get(u) as RawRecord
      const kind = r.domainKind as SourceKind
      const publisher = typeof r.publisher === 'string' ? r.publisher : null
      const tier: Tier = registry.get(u) ?? gradeOfRecord(kind, publisher)
      const originalUrl = isHttpUrl(r.originalUrl) ? r.originalUrl : null
      const d = describeSource({ url: u, kind, publisher, tier, originalUrl }, shown.includes(u))
      return { url: u, kind, publisher: d.publisher, tier, showable: d.showable, label: d.label, link: d.link }
    })
    const sources = ordered
    const needsSource = raw.needsSource === true || !citations.some((c) => c.showable)

    let topic = LOCAL_TOPIC
    let topicBasis: Question['topicBasis'] = 'collection'
    let difficulty: Difficulty = DEFAULT_DIFFICULTY
    let difficultyBasis: Question['difficultyBasis'] = 'default'
    if (isParty) {
      if (typeof raw.topic !== 'string' || !raw.topic.trim()) return fail('no topic')
      topic = raw.topic.trim()
      topicBasis = 'source'
      if (raw.difficulty === 1 || raw.difficulty === 2 || raw.difficulty === 3) {
        difficulty = raw.difficulty
        difficultyBasis = 'source'
      }
    }

    let relatedSiteRef: string | null = null
    if (raw.related_site !== undefined && raw.related_site !== null) {
      if (typeof raw.related_site !== 'string' || !raw.related_site) return fail('bad related_site')
      if (refSiteIds && !refSiteIds.has(raw.related_site)) return fail(`related_site ${raw.related_site} is not a reference site`)
      relatedSiteRef = raw.related_site
    }
    let relatedSiteId = relatedSiteRef
    if (relatedSiteRef && opts.appSiteIds && !opts.appSiteIds.has(relatedSiteRef)) {
      relatedSiteId = null
      sitesNotInApp.add(relatedSiteRef)
    }

    return {
      id: questionIdOf(text),
      type,
      text,
      options,
      answer,
      explanation: typeof raw.explanation === 'string' ? raw.explanation.trim() : '',
      topic,
      topicBasis,
      difficulty,
      difficultyBasis,
      sources,
      citations,
      needsSource,
      relatedSiteId,
      relatedSiteRef,
      origin: [origin]
    }
  }

  const byText = new Map<string, { q: Question; file: string }>()
  const order: string[] = []
  const merged: BuildResult['merged'] = []
  const files = [QUANZHOU_FILE, PARTY_FILE]
  for (const file of files) {
    const full = path.join(refDir, file)
    if (!fs.existsSync(full)) {
      if (file === QUANZHOU_FILE) problems.push(`${file}: missing`)
      continue
    }
    const list = readJson(full)
    if (!Array.isArray(list)) {
      problems.push(`${file}: not a JSON array`)
      continue
    }
    list.forEach((raw: RawQuestion, i: number) => {
      const origin = `${file.replace(/\.json$/, '')}#${i}`
      const q = convert(raw, origin, file)
      if (!q) return
      const norm = normaliseQuestionText(q.text)
      const prev = byText.get(norm)
      if (!prev) {
        byText.set(norm, { q, file })
        order.push(norm)
        return
      }
      if (prev.file === file) {
        problems.push(`${origin}: duplicate of ${prev.q.origin.join(',')}: ${q.text}`)
        return
      }
      // The same question in both files: merge when the answers agree.
      const answersOf = (x: Question) => x.answer.map((k) => x.options[k]).sort().join('|')
      if (answersOf(prev.q) !== answersOf(q)) {
        problems.push(`${origin}: duplicate of ${prev.q.origin.join(',')} with a different answer: ${q.text}`)
        return
      }
      const keep = file === PARTY_FILE ? q : prev.q
      const other = keep === q ? prev.q : q
      const combined: Question = {
        ...keep,
        sources: [...new Set([...prev.q.sources, ...q.sources])],
        citations: [...new Map([...prev.q.citations, ...q.citations].map((c) => [c.url, c])).values()],
        needsSource: prev.q.needsSource && q.needsSource,
        explanation: keep.explanation || other.explanation,
        relatedSiteRef: keep.relatedSiteRef ?? other.relatedSiteRef,
        relatedSiteId: keep.relatedSiteRef ? keep.relatedSiteId : other.relatedSiteId,
        origin: [...prev.q.origin, ...q.origin]
      }
      byText.set(norm, { q: combined, file: prev.file })
      merged.push({ id: combined.id, text: combined.text, origins: combined.origin })
    })
  }

  const questions = order.map((k) => byText.get(k)!.q)
  problems.push(...checkQuestionBank(questions))
  return { questions, merged, problems, sitesNotInApp: [...sitesNotInApp].sort() }
}

/** The content directory: `CONTENT_DIR`, else the project's `mock/content/`. */
export function defaultContentDir(): string {
  return process.env.CONTENT_DIR || path.resolve(__dirname, '../content')
}

/** Ids of the app's sites from `mock/data/sites.json`, or null when it does not exist yet. */
export function readAppSiteIds(file = path.resolve(__dirname, '../data/sites.json')): Set<string> | null {
  if (!fs.existsSync(file)) return null
  return new Set((readJson(file) as Array<{ id: string }>).map((s) => s.id))
}

function main() {
  const referenceDir = defaultContentDir()
  const appSiteIds = readAppSiteIds()
  const out = path.resolve(__dirname, '../data/questions.json')
  const r = buildQuestions({ referenceDir, appSiteIds })
  if (r.problems.length) {
    console.error(`build-questions: ${r.problems.length} problem(s), nothing written:`)
    for (const p of r.problems) console.error('  - ' + p)
    process.exit(1)
  }
  fs.mkdirSync(path.dirname(out), { recursive: true })
  fs.writeFileSync(out, JSON.stringify(r.questions, null, 2) + '\n')
  const tally = (f: (q: Question) => string) => {
    const m = new Map<string, number>()
    for (const q of r.questions) m.set(f(q), (m.get(f(q)) ?? 0) + 1)
    return [...m].map(([k, n]) => `${k} ${n}`).join(', ')
  }
  console.log(`build-questions: ${r.questions.length} questions (${r.questions.filter((q) => q.needsSource).length} marked needsSource) → ${path.relative(process.cwd(), out)}`)
  if (!process.argv.includes('--verbose')) return
  console.log(`  by type: ${tally((q) => q.type)}`)
  console.log(`  by topic: ${tally((q) => q.topic)}`)
  console.log(`  by difficulty: ${tally((q) => `${q.difficulty}(${q.difficultyBasis})`)}`)
  console.log(`  with a related site: ${r.questions.filter((q) => q.relatedSiteRef).length} (in the app's dataset: ${appSiteIds ? r.questions.filter((q) => q.relatedSiteId).length : 'sites.json absent, reference ids kept'})`)
  console.log(`  cross-file duplicates merged: ${r.merged.length}${r.merged.map((m) => `\n    ${m.id} ${m.origins.join(' + ')} ${m.text}`).join('')}`)
  if (r.sitesNotInApp.length) console.log(`  related sites not in sites.json (relatedSiteId null): ${r.sitesNotInApp.join(', ')}`)
}

if (require.main === module) main()
