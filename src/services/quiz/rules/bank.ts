/**
 * The question bank's data check, shared by the build script (`mock/scripts/build-questions.ts`,
 * which fails the build on any problem), the data test, and the quiz rules (which refuse a bad
 * bank at start-up). Pure: no I/O.
 */
import * as v from 'valibot'
import { JUDGE_OPTIONS, QuestionObjectSchema, type Question } from '../contract'

/**
 * Normalises a question's text for duplicate detection and for its stable id: Unicode NFKC (full-
 * and half-width forms fold together), lower case, and every whitespace, punctuation and symbol
 * character removed. "中共泉州特支何时成立？" and "中共泉州特支何时成立?" normalise the same.
 */
export function normaliseQuestionText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '')
}

/**
 * Checks a question bank; returns the problems found (Chinese-free, for developers), empty when
 * sound. Checked: the schema (every field, ≥ 1 source URL), answer indexes within the options and
 * ascending without repeats, the type's shape (judge: exactly 正确/错误 and one answer; single: one
 * answer; multiple: two or more), no repeated option text, no duplicate id, no duplicate normalised text.
 */
export function checkQuestionBank(questions: readonly unknown[]): string[] {
  const problems: string[] = []
  const ids = new Map<string, number>()
  const texts = new Map<string, number>()
  questions.forEach((raw, i) => {
    const parsed = v.safeParse(QuestionObjectSchema, raw)
    const label = `#${i} ${(raw as { id?: unknown })?.id ?? '(no id)'}`
    if (!parsed.success) {
      problems.push(`${label}: schema: ${parsed.issues.map((x) => `${v.getDotPath(x) ?? ''} ${x.message}`).join('; ')}`)
      return
    }
    const q = parsed.output
    if (!q.answer.every((a) => a < q.options.length)) problems.push(`${label}: answer ${JSON.stringify(q.answer)} not among its ${q.options.length} options`)
    if (q.answer.some((a, k) => k > 0 && a <= q.answer[k - 1])) problems.push(`${label}: answer indexes not ascending or repeated`)
    if (new Set(q.options).size !== q.options.length) problems.push(`${label}: repeated option text`)
    if (q.type === 'judge' && (q.options.length !== 2 || q.options[0] !== JUDGE_OPTIONS[0] || q.options[1] !== JUDGE_OPTIONS[1])) problems.push(`${label}: judge options must be 正确/错误`)
    if ((q.type === 'judge' || q.type === 'single') && q.answer.length !== 1) problems.push(`${label}: ${q.type} needs exactly one answer`)
    if (q.type === 'multiple' && q.answer.length < 2) problems.push(`${label}: multiple needs two or more answers`)
    const prevId = ids.get(q.id)
    if (prevId !== undefined) problems.push(`${label}: duplicate id of #${prevId}`)
    else ids.set(q.id, i)
    const norm = normaliseQuestionText(q.text)
    const prevText = texts.get(norm)
    if (prevText !== undefined) problems.push(`${label}: duplicate text of #${prevText}: ${q.text}`)
    else texts.set(norm, i)
  })
  return problems
}

/** Checks and returns the bank typed; throws an Error listing the problems otherwise. */
export function assertQuestionBank(questions: readonly unknown[]): Question[] {
  const problems = checkQuestionBank(questions)
  if (problems.length) throw new Error(`Question bank has ${problems.length} problem(s):\n${problems.slice(0, 20).join('\n')}`)
  return questions as Question[]
}
