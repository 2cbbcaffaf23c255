/**
 * Loads the embedded heritage dataset (`mock/data/sites.json`, `mock/data/routes.json`) and the
 * question bank (`mock/data/questions.json`) for the HTTP mock server, validated against the
 * contract schemas so the server never serves a record the client would reject.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import * as v from 'valibot'
import { RouteSchema, SiteSchema } from '../../src/services/heritage/contract'
import type { Question } from '../../src/services/quiz/contract'
import type { HeritageDataset } from '../../src/services/heritage/rules'
import { checkQuestionBank } from '../../src/services/quiz/rules/bank'

/** Directory of the dataset files (`mock/data/`). */
export const DATA_DIR = path.resolve(__dirname, '..', 'data')

function readJson(file: string): unknown {
  const full = path.join(DATA_DIR, file)
  let text: string
  try {
    text = readFileSync(full, 'utf8')
  } catch (err) {
    throw new Error(`找不到数据文件 ${full}，请先运行 npm run data 生成数据 (dataset file missing: ${String(err)})`)
  }
  try {
    return JSON.parse(text)
  } catch (err) {
    throw new Error(`数据文件 ${full} 不是有效的 JSON (invalid JSON: ${String(err)})`)
  }
}

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${v.getDotPath(i) ?? '(根)'}: ${i.message}`)
    .join('; ')
}

let cached: HeritageDataset | undefined

/**
 * Reads and validates `mock/data/sites.json` and `routes.json` (read once, then cached).
 * @returns the dataset as the rules modules take it
 * @throws Error (Chinese message with the file and the first failing paths) when a file is
 *   missing, is not JSON, or a record does not match `SiteSchema` / `RouteSchema`.
 */
export function loadDataset(): HeritageDataset {
  if (cached) return cached
  const sites = v.safeParse(v.array(SiteSchema), readJson('sites.json'))
  if (!sites.success) throw new Error(`sites.json 不符合数据契约: ${describeIssues(sites.issues)}`)
  const routes = v.safeParse(v.array(RouteSchema), readJson('routes.json'))
  if (!routes.success) throw new Error(`routes.json 不符合数据契约: ${describeIssues(routes.issues)}`)
  cached = { sites: sites.output, routes: routes.output }
  return cached
}

let cachedQuestions: Question[] | undefined

/**
 * Reads and checks `mock/data/questions.json` (read once, then cached) with the same bank check
 * the quiz rules and the build script use.
 * @throws Error (Chinese message) when the file is missing, is not JSON, or the bank has problems.
 */
export function loadQuestions(): Question[] {
  if (cachedQuestions) return cachedQuestions
  const raw = readJson('questions.json')
  if (!Array.isArray(raw)) throw new Error('questions.json 应为题目数组 (questions.json must be an array)')
  const problems = checkQuestionBank(raw)
  if (problems.length) throw new Error(`questions.json 不符合数据契约: ${problems.slice(0, 5).join('; ')}`)
  cachedQuestions = raw as Question[]
  return cachedQuestions
}
