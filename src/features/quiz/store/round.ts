/**
 * The round slice: start or resume, answer, feedback, timeouts, finish. The server's clock decides
 * every time window; the client only shows a countdown aligned to it. Idempotency keys make a
 * retry (also after a relaunch: they are persisted) count nothing twice.
 */
import type { StateCreator } from 'zustand'
import type { StartRoundInput } from '../../../services/quiz/contract'
import { quizSource } from '../../../services/quiz'
import { randomId } from '../../../services/core/ids'
import { IDLE } from '../../../shared/load-state'
import { ANSWER_GRACE_MS, clockOffsetFrom, type Round } from '../model'
import { errorPhase, sameRequest, withItem, withResult } from './round-state'
import type { PlayRequest, QuizState, RoundSlice } from './types'

type Creator = StateCreator<QuizState, [['zustand/persist', unknown]], [], RoundSlice>

const key = () => randomId(20)

/** Runs a request and notes the device clock just before and just after it (for the clock offset). */
interface Timed<T> {
  value: T
  sentAt: number
  receivedAt: number
}
async function timed<T>(call: () => Promise<T>): Promise<Timed<T>> {
  const sentAt = Date.now()
  const value = await call()
  return { value, sentAt, receivedAt: Date.now() }
}

export const createRoundSlice: Creator = (set, get) => {
  /** The timer of a timed-out question waiting for the server's verdict. */
  let waitTimer: ReturnType<typeof setTimeout> | undefined

  const isConflict = (err: unknown) => (err as { code?: string }).code === 'CONFLICT'

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
    if (!round.timed || round.items.length >= round.total) return get().finish()
    try {
      const { value: item, receivedAt } = await timed(() => quizSource.get().openNextQuestion(round.id))
      if (!item) return get().finish()
      // The question opened (server time `openedAt`) before its answer arrived: the offset is at least that.
      const clockOffset = item.openedAt != null ? Math.max(get().clockOffset, item.openedAt - receivedAt) : get().clockOffset
      set({ round: withItem(get().round ?? round, item), clockOffset })
      if (item.status === 'open') set({ phase: { kind: 'question', index: item.index } })
      else if (item.result) set({ phase: { kind: 'feedback', index: item.index, result: item.result } })
      else return advance()
    } catch (err) {
      set({ phase: errorPhase(err, 'next') })
    }
  }

  async function refreshRound(): Promise<Round | null> {
    const round = get().round
    if (!round) return null
    const { value: fresh, sentAt, receivedAt } = await timed(() => quizSource.get().getRound(round.id))
    set({ round: fresh, clockOffset: clockOffsetFrom(fresh.serverNow, sentAt, receivedAt) })
    return fresh
  }

  /** Shows the server's verdict on question `index` if it has one; true when shown. */
  async function showVerdict(index: number): Promise<boolean> {
    const it = (await refreshRound())?.items.find((i) => i.index === index)
    if (!it?.result) return false
    set({ phase: { kind: 'feedback', index, result: it.result } })
    return true
  }

  /** The round asked for: the given one, the open one of the same kind, or a new one (same start key on retry). */
  async function fetchRound(req: PlayRequest): Promise<Timed<Round>> {
    const qs = quizSource.get()
    if (req.roundId) return timed(() => qs.getRound(req.roundId as string))
    const found = await timed(() => qs.getActiveRound(req.mode))
    const active = found.value
    if (active && sameRequest(active, req)) return { ...found, value: active }
    const startKey = get().startKey ?? key()
    set({ startKey })
    const input: StartRoundInput = { mode: req.mode, idempotencyKey: startKey }
    if (req.topic) input.topic = req.topic
    if (req.siteId) input.siteId = req.siteId
    if (req.wrongBook) input.wrongBook = true
    return timed(() => qs.startRound(input))
  }

  return {
    request: null,
    round: null,
    clockOffset: 0,
    phase: { kind: 'idle' },
    startKey: null,
    answerKeys: {},
    finishKey: null,

    async startPlay(req) {
      clearTimeout(waitTimer)
      const fresh = JSON.stringify(req) !== JSON.stringify(get().request)
      set({ request: req, phase: { kind: 'loading' }, ...(fresh ? { round: null, startKey: null, answerKeys: {}, finishKey: null } : {}) })
      try {
        const { value: round, sentAt, receivedAt } = await fetchRound(req)
        set({ round, clockOffset: clockOffsetFrom(round.serverNow, sentAt, receivedAt) })
        if (round.status !== 'in_progress') set({ phase: { kind: 'finished', roundId: round.id } })
        else await advance()
      } catch (err) {
        set({ phase: errorPhase(err, 'start') })
      }
    },

    rejectRequest: (message) => set({ phase: { kind: 'error', message, code: 'INVALID_INPUT', retry: 'start', retryable: false }, request: null }),

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
        // Too late or already answered: the server's verdict on this question stands; show it.
        if (isConflict(err) && (await showVerdict(phase.index).catch(() => false))) return
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
      const delay = Math.max(0, item.deadlineAt + ANSWER_GRACE_MS + 300 - (Date.now() + clockOffset))
      clearTimeout(waitTimer)
      await new Promise<void>((resolve) => {
        waitTimer = setTimeout(resolve, delay)
      })
      if (get().phase.kind !== 'waiting') return
      try {
        if (await showVerdict(phase.index)) return
        const it = get().round?.items.find((i) => i.index === phase.index)
        if (it?.status === 'open') set({ phase: { kind: 'question', index: phase.index } })
        else await advance()
      } catch (err) {
        set({ phase: errorPhase(err, 'next') })
      }
    },

    next: () => advance(),

    async retry() {
      const phase = get().phase
      if (phase.kind !== 'error') return
      if (phase.retry === 'start') return get().startPlay(get().request ?? { mode: 'daily' })
      if (phase.retry === 'finish') return get().finish()
      const open = get().round?.items.find((i) => i.status === 'open')
      if (phase.retry === 'answer' && phase.choice && open) {
        set({ phase: { kind: 'question', index: open.index } })
        return get().submitAnswer(phase.choice)
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
      const qs = quizSource.get()
      const done = (result: Awaited<ReturnType<typeof qs.getRoundResult>>) => ({
        results: { ...get().results, [round.id]: { status: 'ready' as const, refreshing: false, data: result } },
        phase: { kind: 'finished' as const, roundId: round.id }
      })
      try {
        const result = round.status === 'in_progress' ? await qs.finishRound({ roundId: round.id, idempotencyKey: finishKey }) : await qs.getRoundResult(round.id)
        // The lists this round changed load again when next shown.
        set({ ...done(result), round: { ...round, status: result.status }, dayStatus: IDLE, rounds: IDLE, wrongBook: IDLE, boards: {}, unitBoards: {} })
      } catch (err) {
        // Expired while away: the server closed it as it stood; show that review.
        if (isConflict(err)) {
          const result = await qs.getRoundResult(round.id).catch(() => null)
          if (result) {
            set(done(result))
            return
          }
        }
        set({ phase: errorPhase(err, 'finish') })
      }
    },

    leave() {
      clearTimeout(waitTimer)
      set({ phase: { kind: 'idle' }, request: null })
    }
  }
}
