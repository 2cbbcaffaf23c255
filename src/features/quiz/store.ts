/**
 * The quiz store: playing a round (start or resume, answer, feedback, timeouts, finish), results,
 * past rounds, the 错题本, consent and leaderboards. Reads through the QuizSource; the server's
 * clock decides every time window, the client only shows a countdown aligned to it.
 */
import { create } from 'zustand'
import type { LeaderboardQuery, StartRoundInput } from '../../services/quiz/contract'
import { quizSource } from '../../services/quiz'
import { randomId } from '../../services/core/ids'
import { errorState, IDLE, LOADING, type LoadState } from '../../shared/load-state'
import { ANSWER_GRACE_MS, type AnswerResult, type BoardPeriod, type Consent, type DayStatus, type LeaderboardView, type QuizMode, type Round, type RoundItem, type RoundResult, type RoundSummary, type SiteQuizInfo, type TopicInfo, type UnitLeaderboardView, type WrongBookEntry } from './model'

/** What the play page shows. */
export type PlayPhase =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'question'; index: number }
  | { kind: 'submitting'; index: number; choice: number[] }
  | { kind: 'waiting'; index: number }
  | { kind: 'feedback'; index: number; result: AnswerResult }
  | { kind: 'finishing' }
  | { kind: 'finished'; roundId: string }
  | { kind: 'error'; message: string; code: string; retry: 'start' | 'answer' | 'next' | 'finish'; retryable: boolean; choice?: number[] }

/** What to play: a mode and, for practice, one of topic / site / wrong book; or a round to resume. */
export interface PlayRequest {
  mode: QuizMode
  topic?: string
  siteId?: string
  wrongBook?: boolean
  roundId?: string
}

export interface QuizState {
  request: PlayRequest | null
  round: Round | null
  /** Server clock minus device clock, ms (to align the countdown with the server's deadline). */
  clockOffset: number
  phase: PlayPhase
  /** Idempotency keys kept for retries: starting, each question's answer, finishing. */
  startKey: string | null
  answerKeys: Record<string, string>
  finishKey: string | null

  dayStatus: LoadState<DayStatus>
  consent: LoadState<Consent>
  topics: LoadState<TopicInfo[]>
  practiceSites: LoadState<SiteQuizInfo[]>
  wrongBook: LoadState<WrongBookEntry[]>
  rounds: LoadState<RoundSummary[]>
  results: Record<string, LoadState<RoundResult>>
  boards: Record<string, LoadState<LeaderboardView>>
  unitBoards: Record<string, LoadState<UnitLeaderboardView>>

  /** Starts the requested round, or resumes the one in progress (its clock has run on). */
  startPlay(req: PlayRequest): Promise<void>
  /** Sends the participant's choice (indexes in the shown order) for the current question. */
  submitAnswer(choice: number[]): Promise<void>
  /** The countdown reached zero with no answer: wait for the server to close the window, then reveal. */
  timeUp(): Promise<void>
  /** From the feedback to the next question (or the end). */
  next(): Promise<void>
  /** Retries whatever failed last (the same idempotency keys, so nothing counts twice). */
  retry(): Promise<void>
  /** Finishes the round and loads its review. */
  finish(): Promise<void>
  /** Leaves the play page; the round stays open on the server and can be resumed. */
  leave(): void

  loadDayStatus(): Promise<void>
  loadConsent(): Promise<void>
  loadPracticeOptions(): Promise<void>
  loadWrongBook(): Promise<void>
  loadRounds(): Promise<void>
  loadResult(roundId: string): Promise<void>
  loadBoard(period: BoardPeriod, kind: 'people' | 'units'): Promise<void>
  /** Agrees to appear on boards; rejects with the DataError (field messages) on a bad name. */
  agree(nickname: string, unit: string): Promise<Consent>
  withdraw(): Promise<Consent>
}

const key = () => randomId(20)
let waitTimer: ReturnType<typeof setTimeout> | undefined

function errorPhase(err: unknown, retry: 'start' | 'answer' | 'next' | 'finish', choice?: number[]): PlayPhase {
  const e = errorState(err)
  return { kind: 'error', message: e.message, code: e.code, retry, retryable: e.retryable, choice }
}

function withItem(round: Round, item: RoundItem): Round {
  const items = round.items.filter((i) => i.index !== item.index)
  items.push(item)
  items.sort((a, b) => a.index - b.index)
  return { ...round, items, current: item.status === 'open' ? item.index : round.current }
}

function withResult(round: Round, result: AnswerResult): Round {
  const item = round.items.find((i) => i.index === result.index)
  if (!item) return round
  const items = round.items.map((i) => (i.index === result.index ? { ...i, status: result.timedOut ? ('timed_out' as const) : ('answered' as const), result } : i))
  const wasOpen = item.status === 'open'
  return {
    ...round,
    items,
    current: round.current === result.index ? null : round.current,
    answeredCount: round.answeredCount + (wasOpen && !result.timedOut ? 1 : 0),
    correctCount: round.correctCount + (wasOpen && result.correct ? 1 : 0),
    score: round.score + (wasOpen ? result.score : 0)
  }
}

function sameRequest(round: Round, req: PlayRequest): boolean {
  if (round.mode !== req.mode) return false
  if (req.mode !== 'practice') return true
  const p = round.practice
  if (!p) return false
  if (req.topic) return p.kind === 'topic' && p.topic === req.topic
  if (req.siteId) return p.kind === 'site' && p.siteId === req.siteId
  if (req.wrongBook) return p.kind === 'wrong_book'
  return false
}

export const useQuizStore = create<QuizState>()((set, get) => {
  /** Shows the next question of the round, opening it on the server for timed rounds; finishes at the end. */
  async function advance(): Promise<void> {
    const round = get().round
    if (!round) return
    if (round.status !== 'in_progress') return get().finish()
    const open = round.items.find((i) => i.status === 'open')
    if (open) {
      set({ phase: { kind: 'question', index: open.index } })
      return
    }
    if (round.timed && round.items.length < round.total) {
      try {
        const item = await quizSource.get().openNextQuestion(round.id)
        if (!item) return get().finish()
        const next = withItem(get().round ?? round, item)
        set({ round: next })
        if (item.status === 'open') set({ phase: { kind: 'question', index: item.index } })
        else if (item.result) set({ phase: { kind: 'feedback', index: item.index, result: item.result } })
        else return advance()
      } catch (err) {
        set({ phase: errorPhase(err, 'next') })
      }
      return
    }
    return get().finish()
  }

  /** Loads one list into its LoadState: a skeleton only on the first load, the error when nothing is shown. */
  async function loadInto<K extends 'dayStatus' | 'consent' | 'wrongBook' | 'rounds'>(k: K, fetch: () => Promise<QuizState[K] extends LoadState<infer T> ? T : never>): Promise<void> {
    if (get()[k].status !== 'ready') set({ [k]: LOADING } as Partial<QuizState>)
    try {
      set({ [k]: { status: 'ready', refreshing: false, data: await fetch() } } as Partial<QuizState>)
    } catch (err) {
      set({ [k]: errorState(err) } as Partial<QuizState>)
    }
  }

  async function refreshRound(): Promise<Round | null> {
    const round = get().round
    if (!round) return null
    const fresh = await quizSource.get().getRound(round.id)
    set({ round: fresh, clockOffset: fresh.serverNow - Date.now() })
    return fresh
  }

  return {
    request: null,
    round: null,
    clockOffset: 0,
    phase: { kind: 'idle' },
    startKey: null,
    answerKeys: {},
    finishKey: null,
    dayStatus: IDLE,
    consent: IDLE,
    topics: IDLE,
    practiceSites: IDLE,
    wrongBook: IDLE,
    rounds: IDLE,
    results: {},
    boards: {},
    unitBoards: {},

    async startPlay(req) {
      clearTimeout(waitTimer)
      const fresh = JSON.stringify(req) !== JSON.stringify(get().request)
      set({ request: req, phase: { kind: 'loading' }, ...(fresh ? { round: null, startKey: null, answerKeys: {}, finishKey: null } : {}) })
      const qs = quizSource.get()
      try {
        let round: Round
        if (req.roundId) round = await qs.getRound(req.roundId)
        else {
          const active = await qs.getActiveRound(req.mode)
          if (active && sameRequest(active, req)) round = active
          else {
            const startKey = get().startKey ?? key()
            set({ startKey })
            const input: StartRoundInput = { mode: req.mode, idempotencyKey: startKey }
            if (req.topic) input.topic = req.topic
            if (req.siteId) input.siteId = req.siteId
            if (req.wrongBook) input.wrongBook = true
            round = await qs.startRound(input)
          }
        }
        set({ round, clockOffset: round.serverNow - Date.now() })
        if (round.status !== 'in_progress') {
          set({ phase: { kind: 'finished', roundId: round.id } })
          return
        }
        await advance()
      } catch (err) {
        set({ phase: errorPhase(err, 'start') })
      }
    },

    async submitAnswer(choice) {
      const { round, phase } = get()
      if (!round || phase.kind !== 'question') return
      const item = round.items.find((i) => i.index === phase.index)
      if (!item) return
      const qid = item.question.id
      const answerKey = get().answerKeys[qid] ?? key()
      set({ answerKeys: { ...get().answerKeys, [qid]: answerKey }, phase: { kind: 'submitting', index: phase.index, choice } })
      try {
        const result = await quizSource.get().answer({ roundId: round.id, questionId: qid, choice, idempotencyKey: answerKey })
        set({ round: withResult(get().round ?? round, result), phase: { kind: 'feedback', index: phase.index, result } })
      } catch (err) {
        const code = (err as { code?: string }).code
        if (code === 'CONFLICT') {
          // Too late or already answered: the server's verdict on this question stands; show it.
          try {
            const fresh = await refreshRound()
            const it = fresh?.items.find((i) => i.index === phase.index)
            if (it?.result) {
              set({ phase: { kind: 'feedback', index: phase.index, result: it.result } })
              return
            }
          } catch {
            /* fall through to the error */
          }
        }
        set({ phase: errorPhase(err, 'answer', choice) })
      }
    },

    async timeUp() {
      const { round, phase, clockOffset } = get()
      if (!round || phase.kind !== 'question') return
      const item = round.items.find((i) => i.index === phase.index)
      if (!item?.deadlineAt) return
      set({ phase: { kind: 'waiting', index: phase.index } })
      // The server closes the window after the grace period; ask for its verdict just after that.
      const serverNow = Date.now() + clockOffset
      const delay = Math.max(0, item.deadlineAt + ANSWER_GRACE_MS + 300 - serverNow)
      clearTimeout(waitTimer)
      await new Promise<void>((resolve) => {
        waitTimer = setTimeout(resolve, delay)
      })
      if (get().phase.kind !== 'waiting') return
      try {
        const fresh = await refreshRound()
        const it = fresh?.items.find((i) => i.index === phase.index)
        if (it?.result) set({ phase: { kind: 'feedback', index: phase.index, result: it.result } })
        else if (it?.status === 'open') set({ phase: { kind: 'question', index: phase.index } })
        else await advance()
      } catch (err) {
        set({ phase: errorPhase(err, 'next') })
      }
    },

    async next() {
      await advance()
    },

    async retry() {
      const phase = get().phase
      if (phase.kind !== 'error') return
      if (phase.retry === 'start') return get().startPlay(get().request ?? { mode: 'daily' })
      if (phase.retry === 'finish') return get().finish()
      if (phase.retry === 'answer' && phase.choice) {
        const round = get().round
        const open = round?.items.find((i) => i.status === 'open')
        if (open) {
          set({ phase: { kind: 'question', index: open.index } })
          return get().submitAnswer(phase.choice)
        }
      }
      try {
        await refreshRound()
        await advance()
      } catch (err) {
        set({ phase: errorPhase(err, 'next') })
      }
    },

    async finish() {
      const round = get().round
      if (!round) return
      const finishKey = get().finishKey ?? key()
      set({ finishKey, phase: { kind: 'finishing' } })
      try {
        const qs = quizSource.get()
        const result = round.status === 'in_progress' ? await qs.finishRound({ roundId: round.id, idempotencyKey: finishKey }) : await qs.getRoundResult(round.id)
        set({
          results: { ...get().results, [round.id]: { status: 'ready', refreshing: false, data: result } },
          round: { ...round, status: result.status },
          phase: { kind: 'finished', roundId: round.id },
          dayStatus: IDLE,
          rounds: IDLE,
          wrongBook: IDLE,
          boards: {},
          unitBoards: {}
        })
      } catch (err) {
        const code = (err as { code?: string }).code
        if (code === 'CONFLICT') {
          // Expired while away: the server closed it as it stood; show that review.
          try {
            const result = await quizSource.get().getRoundResult(round.id)
            set({ results: { ...get().results, [round.id]: { status: 'ready', refreshing: false, data: result } }, phase: { kind: 'finished', roundId: round.id } })
            return
          } catch {
            /* fall through */
          }
        }
        set({ phase: errorPhase(err, 'finish') })
      }
    },

    leave() {
      clearTimeout(waitTimer)
      set({ phase: { kind: 'idle' }, request: null })
    },

    loadDayStatus: () => loadInto('dayStatus', () => quizSource.get().getDayStatus()),
    loadConsent: () => loadInto('consent', () => quizSource.get().getConsent()),

    async loadPracticeOptions() {
      set({ topics: LOADING, practiceSites: LOADING })
      const qs = quizSource.get()
      const [topics, sites] = await Promise.allSettled([qs.listTopics(), qs.listPracticeSites()])
      set({
        topics: topics.status === 'fulfilled' ? { status: 'ready', refreshing: false, data: topics.value } : errorState(topics.reason),
        practiceSites: sites.status === 'fulfilled' ? { status: 'ready', refreshing: false, data: sites.value } : errorState(sites.reason)
      })
    },

    loadWrongBook: () => loadInto('wrongBook', () => quizSource.get().getWrongBook()),
    loadRounds: () => loadInto('rounds', () => quizSource.get().listRounds(50)),

    async loadResult(roundId) {
      if (get().results[roundId]?.status === 'ready') return
      set({ results: { ...get().results, [roundId]: LOADING } })
      try {
        const data = await quizSource.get().getRoundResult(roundId)
        set({ results: { ...get().results, [roundId]: { status: 'ready', refreshing: false, data } } })
      } catch (err) {
        set({ results: { ...get().results, [roundId]: errorState(err) } })
      }
    },

    async loadBoard(period, kind) {
      const query: LeaderboardQuery = { period, limit: 100, neighbours: 2 }
      const qs = quizSource.get()
      if (kind === 'people') {
        if (get().boards[period]?.status !== 'ready') set({ boards: { ...get().boards, [period]: LOADING } })
        try {
          const data = await qs.getLeaderboard(query)
          set({ boards: { ...get().boards, [period]: { status: 'ready', refreshing: false, data } } })
        } catch (err) {
          set({ boards: { ...get().boards, [period]: errorState(err) } })
        }
      } else {
        if (get().unitBoards[period]?.status !== 'ready') set({ unitBoards: { ...get().unitBoards, [period]: LOADING } })
        try {
          const data = await qs.getUnitLeaderboard(query)
          set({ unitBoards: { ...get().unitBoards, [period]: { status: 'ready', refreshing: false, data } } })
        } catch (err) {
          set({ unitBoards: { ...get().unitBoards, [period]: errorState(err) } })
        }
      }
    },

    async agree(nickname, unit) {
      const c = await quizSource.get().agreeToBoards({ nickname, unit })
      set({ consent: { status: 'ready', refreshing: false, data: c }, boards: {}, unitBoards: {} })
      return c
    },

    async withdraw() {
      const c = await quizSource.get().withdrawFromBoards()
      set({ consent: { status: 'ready', refreshing: false, data: c }, boards: {}, unitBoards: {} })
      return c
    }
  }
})
