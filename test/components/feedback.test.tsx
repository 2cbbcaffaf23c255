/**
 * Quiz feedback names sources by publisher (never by domain), and says 待核实 when a question has no
 * source fit to show (专题练习 only; such questions are left out of 每日答题 and 竞答).
 */
import { render, screen } from '@testing-library/react'
import questionsJson from '../../mock/data/questions.json'
import { Feedback } from '../../src/features/quiz/components/Feedback'
import type { AnswerResult, PublicQuestion, Question } from '../../src/services/quiz/contract'

const bank = questionsJson as Question[]

function resultOf(q: Question): { result: AnswerResult; question: PublicQuestion } {
  const shown = q.citations.filter((c) => c.showable)
  return {
    question: { id: q.id, type: q.type, text: q.text, options: q.options, topic: q.topic, difficulty: q.difficulty },
    result: {
      roundId: 'r-1',
      questionId: q.id,
      index: 0,
      choice: q.answer,
      correct: true,
      correctChoice: q.answer,
      explanation: q.explanation,
      sources: shown.map((c) => c.url),
      citations: shown.map((c) => ({ label: c.label as string, link: c.link })),
      relatedSiteId: null,
      score: 100,
      timeMs: 1000,
      timedOut: false,
      answeredAt: 1
    }
  }
}

describe('Feedback sources', () => {
  it('shows the publishers of every question’s showable sources, never a domain', () => {
    for (const q of bank) {
      const view = render(<Feedback {...resultOf(q)} timed={false} />)
      const text = document.querySelector('.feedback__source')?.textContent ?? ''
      expect([q.id, text]).toEqual([q.id, expect.not.stringMatching(/[a-z0-9-]+\.(com|cn|net|org|tw)\b|xn--/i)])
      const labels = q.citations.filter((c) => c.showable).map((c) => c.label as string)
      if (labels.length) expect(text).toBe(`来源：${labels.join('、')}`)
      else expect(text).toMatch(/待核实/)
      view.unmount()
    }
  })

  it('labels a question without a showable source 待核实', () => {
    const q = bank.find((x) => x.needsSource) as Question
    render(<Feedback {...resultOf(q)} timed={false} />)
    expect(screen.getByText(/来源：待核实/)).toBeInTheDocument()
  })
})
